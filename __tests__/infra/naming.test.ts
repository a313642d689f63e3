import { azureName, EventNames, eventSlug, MAX_SLUG_LENGTH } from '../../lib/naming';

describe('naming', () => {
  describe('eventSlug', () => {
    it.each([
      ['Conference-2025', 'conference-2025'],
      ['Conférence 2025', 'conference-2025'],
      ['  Tech   Summit_2026.Live ', 'tech-summit-2026-live'],
      ['2025-kickoff', '2025-kickoff'],
      ['ÉVÉNEMENT Été', 'evenement-ete'],
    ])('normalizes %j to %j', (raw, slug) => {
      expect(eventSlug(raw)).toEqual({ ok: true, slug });
    });

    it.each([
      ['Conf 2025!', /characters other than a-z, 0-9 and "-"/],
      ['../../etc/passwd', /characters other than/],
      ['$(whoami)', /characters other than/],
      ["x'; rm -rf /", /characters other than/],
      ['line\nbreak', /characters other than/],
      ['tab\there', /characters other than/],
      ['Straße', /characters other than/],
      ['会议', /characters other than/],
      ['', /is empty/],
      ['   ', /is empty/],
      ['ab', /3 to 40 characters/],
      ['a'.repeat(MAX_SLUG_LENGTH + 1), /3 to 40 characters/],
      ['12345', /at least one letter/],
    ])('rejects %j', (raw, message) => {
      const result = eventSlug(raw);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.problem).toMatch(message);
        expect(result.problem).toContain(JSON.stringify(raw));
      }
    });
  });

  describe('azureName', () => {
    it('keeps each kind within its length limit and adds a hash when it must cut', () => {
      const long = 'a'.repeat(40);
      const group = azureName('containerGroup', ['splitter', long, 'development']);
      expect(group.length).toBeLessThanOrEqual(63);
      expect(group).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const other = azureName('containerGroup', [
        'splitter',
        `${long.slice(0, 39)}b`,
        'development',
      ]);
      expect(other).not.toEqual(group);
    });

    it('strips separators for kinds that allow only letters and digits', () => {
      expect(azureName('storageAccount', ['prod-west'])).toMatch(/^[a-z0-9]{3,24}$/);
    });
  });

  describe('EventNames', () => {
    const names = new EventNames('example-conference-2026', 'production');

    it('derives the resource group from event and environment', () => {
      expect(names.resourceGroup).toBe('rg-streaming-example-conference-2026-production');
    });

    it('gives Windows computer names of at most 15 characters, unique within the event', () => {
      const languages = Array.from({ length: 99 }, (_, i) => `verylonglanguage${i}`);
      const computerNames = languages.map((l, i) => names.computerName(i, l));
      for (const n of computerNames) {
        expect(n.length).toBeLessThanOrEqual(15);
        expect(n).toMatch(/^[a-z0-9-]+$/);
        expect(n).not.toMatch(/^\d+$/);
      }
      expect(new Set(computerNames).size).toBe(languages.length);
    });

    it('gives container groups lowercase names of at most 63 characters', () => {
      const longNames = new EventNames('x'.repeat(40), 'development');
      expect(longNames.containerGroup('splitter').length).toBeLessThanOrEqual(63);
      expect(longNames.containerGroup('splitter')).toBe(
        longNames.containerGroup('splitter').toLowerCase(),
      );
    });

    it('makes DNS labels start with a letter and differ per environment', () => {
      const staging = new EventNames('example-conference-2026', 'staging');
      expect(names.dnsLabel('relay')).toMatch(/^[a-z][a-z0-9-]{1,61}[a-z0-9]$/);
      expect(names.dnsLabel('relay')).not.toEqual(staging.dnsLabel('relay'));
    });

    it("names the Key Vault within Azure's rule, the same for the same event and environment only", () => {
      const slugs = [
        'abc',
        'example-conference-2026',
        'x'.repeat(40),
        'ab-cdefghij-k',
        'a-b-c-d-e-f-g-h',
      ];
      const vaults = slugs.flatMap((slug) =>
        ['production', 'staging'].map((env) => new EventNames(slug, env).keyVault),
      );
      for (const v of vaults) {
        expect(v.length).toBeGreaterThanOrEqual(3);
        expect(v.length).toBeLessThanOrEqual(24);
        expect(v).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      }
      expect(new Set(vaults).size).toBe(vaults.length);
      expect(names.keyVault).toBe(new EventNames('example-conference-2026', 'production').keyVault);
      expect(names.keyVault).toMatch(/^kv-example-con-[0-9a-f]{8}$/);
      // A slug cut on a hyphen leaves no "--" behind.
      expect(new EventNames('ab-cdefghij-k', 'production').keyVault).toMatch(
        /^kv-ab-cdefghij-[0-9a-f]{8}$/,
      );
    });

    it("keeps two crews' same-named events apart in Azure-wide and regional names", () => {
      const crewA = new EventNames('example-conference-2026', 'production', 'crewa1');
      const crewB = new EventNames('example-conference-2026', 'production', 'crewb2');
      expect(crewA.keyVault).not.toBe(crewB.keyVault);
      expect(crewA.dnsLabel('relay')).not.toBe(crewB.dnsLabel('relay'));
      expect(crewA.mixerDnsLabel(0, 'english')).not.toBe(crewB.mixerDnsLabel(0, 'english'));
      // The same crew gets the same names on every deploy (a redeploy recovers its vault).
      const again = new EventNames('example-conference-2026', 'production', 'crewa1');
      expect(again.keyVault).toBe(crewA.keyVault);
      expect(crewA.keyVault).toMatch(/^kv-example-con-[0-9a-f]{8}$/);
      // Names scoped to the event's own resource group need no crew part.
      expect(crewA.resourceGroup).toBe(crewB.resourceGroup);
    });

    it('names the secrets reader identity per event and environment', () => {
      expect(names.secretsReader).toBe('id-secrets-example-conference-2026-production');
    });

    it('keys remote state by environment and event', () => {
      expect(names.stateKey).toBe('production/example-conference-2026.tfstate');
      expect(names.tfcWorkspace).toBe('streaming-production-example-conference-2026');
    });
  });
});
