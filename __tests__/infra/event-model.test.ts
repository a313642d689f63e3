import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EventDefinition, EventValidationError, resolveEvent } from '../../lib/event-model';
import { loadAllEvents, loadEvent } from '../../lib/event-files';
import { FIXED_NOW, testEvent } from './helpers';
import { IMAGE_TAG } from '../../lib/image-tag';

function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof EventValidationError) return err.problems;
    throw err;
  }
  throw new Error('expected an EventValidationError');
}

describe('event model', () => {
  describe('defaults', () => {
    const event = testEvent();

    it('uses the production profile', () => {
      expect(event.environment).toBe('production');
      expect(event.profile.location).toBe('westeurope');
    });
    it('streams original, spanish and french', () => {
      expect(event.languages).toEqual(['original', 'spanish', 'french']);
    });
    it('gives mixers 10.42.2.(11+i)', () => {
      expect(event.mixerIps).toEqual(['10.42.2.11', '10.42.2.12', '10.42.2.13']);
    });
    it('expires 24 hours after creation', () => {
      expect(event.ttlHours).toBe(24);
      expect(event.expiresAt.getTime() - event.createdAt.getTime()).toBe(24 * 3600 * 1000);
    });
    it('opens no allow-list and uses the marketplace mixer image', () => {
      expect(event.operatorCidrs).toEqual([]);
      expect(event.mixerImage).toEqual({ kind: 'marketplace' });
    });
    it('keeps state locally', () => {
      expect(event.stateBackend).toEqual({ kind: 'local' });
    });
    it("pulls images from the platform registry's name, pinned to the app's version", () => {
      expect(IMAGE_TAG).toMatch(/^\d+\.\d+\.\d+/);
      expect(event.relayImage).toBe(`crstreamprod8cff1f.azurecr.io/srt-relay:${IMAGE_TAG}`);
      expect(event.splitterImage).toBe(`crstreamprod8cff1f.azurecr.io/slide-splitter:${IMAGE_TAG}`);
    });
  });

  it('takes the deploy time from STREAM_CONTROL_CREATED_AT when no time is given', () => {
    const event = resolveEvent(
      { name: 'Timed' },
      { env: { STREAM_CONTROL_CREATED_AT: '2026-05-01T08:00:00Z' } },
    );
    expect(event.createdAt.toISOString()).toBe('2026-05-01T08:00:00.000Z');
  });

  it('lets --env replace the file environment', () => {
    expect(
      resolveEvent(
        { name: 'x-event', environment: 'production' },
        { now: FIXED_NOW, environment: 'staging', env: {} },
      ).environment,
    ).toBe('staging');
  });

  it('accepts any number of languages up to what the subnet and the audio tracks hold', () => {
    const languages = Array.from({ length: 64 }, (_, i) => `lang${i}`);
    const event = testEvent({ languages });
    expect(event.mixerIps[63]).toBe('10.42.2.74');
    expect(event.audio[63]).toEqual({ source: { track: 64 } });
    expect(problemsOf(() => testEvent({ languages: [...languages, 'onemore'] }))).toEqual([
      'language "onemore" would take track 65; the images read tracks 1 to 64',
    ]);
    const tracks = [...languages, 'onemore'].map((name) => ({ name, audio: { track: 1 } }));
    expect(problemsOf(() => testEvent({ languages: tracks }))).toEqual([
      expect.stringMatching(/languages has 65 entries; at most 64 fit/),
    ]);
  });

  describe('validation', () => {
    it.each([
      [
        { environment: 'prod' },
        /environment "prod" is unknown; use one of production, staging, development/,
      ],
      [{ languages: [] }, /languages is empty/],
      [{ languages: ['spanish', 'Spanish'] }, /language "spanish" is listed more than once/],
      [{ languages: [''] }, /language "" must be 1-20 characters/],
      [{ languages: ['es_MX'] }, /language "es_MX" must be/],
      [{ ttlHours: 0 }, /ttlHours 0 must be a whole number of hours from 1 to 168/],
      [{ ttlHours: 1.5 }, /ttlHours 1.5/],
      [{ srtLatencyMs: 5 }, /srtLatencyMs 5/],
      [{ slideFit: 'stretch' }, /slideFit "stretch" must be "crop" or "letterbox"/],
      [
        { operatorCidrs: ['0.0.0.0/0'] },
        /operatorCidrs entry "0.0.0.0\/0" is \/0: .* never the whole Internet/,
      ],
      [
        { ingestCidrs: ['203.0.113.0/24'] } as object,
        /^ingestCidrs is no longer a setting: the relay and the splitter are public container groups, which have no NSG, so an address list there filters nothing; the SRT passphrase with enforced encryption is what keeps other senders out \(help\/ingest.md\). Remove "ingestCidrs" from the event file$/,
      ],
      [
        { operatorCidrs: ['300.1.1.1/32'] },
        /operatorCidrs entry "300.1.1.1\/32" has an octet above 255/,
      ],
      [
        { operatorCidrs: ['198.51.100.7/24'] },
        /has host bits set \(the block starts at 198.51.100.0\)/,
      ],
      [{ operatorCidrs: ['not-a-cidr'] }, /is not an IPv4 CIDR block/],
      [
        { operatorCidrs: ['203.0.113.0/24', '203.0.113.128/25'] },
        /operatorCidrs entries "203.0.113.0\/24" and "203.0.113.128\/25" overlap/,
      ],
      [{ operatorCidrs: ['10.42.5.0/24'] }, /overlaps the event network "10.42.0.0\/16"/],
      [
        { mixerImage: { kind: 'custom', imageId: 'my-image' } },
        /mixerImage.imageId "my-image" must be a managed image or gallery image id/,
      ],
      [
        { relayImage: 'not an image' },
        /relayImage "not an image" is not a container image reference/,
      ],
      [{ colour: 'blue' } as object, /field "colour" is not an event setting/],
    ])('fails for %j', (def, message) => {
      const problems = problemsOf(() => testEvent(def as Partial<EventDefinition>));
      expect(problems).toEqual([expect.stringMatching(message)]);
    });

    it('reports every problem together, one line each', () => {
      const problems = problemsOf(() =>
        resolveEvent(
          {
            name: 'Conf 2025!',
            environment: 'prod',
            languages: ['a', 'a'],
            operatorCidrs: ['1.2.3.4/24'],
          },
          { now: FIXED_NOW, env: {} },
        ),
      );
      expect(problems).toHaveLength(4);
      expect(problems.join('\n')).toMatch(/event name "Conf 2025!"/);
      expect(problems.every((p) => !p.includes('\n'))).toBe(true);
    });

    it('fails for a bad state backend override naming the setting', () => {
      expect(problemsOf(() => testEvent({}, { STREAM_STATE_BACKEND: 's3' }))).toEqual([
        'stateBackend kind "s3" must be local, azurerm or cloud',
      ]);
      expect(
        problemsOf(() =>
          testEvent(
            {},
            { STREAM_STATE_BACKEND: 'azurerm', STREAM_STATE_STORAGE_ACCOUNT: 'Bad_Name' },
          ),
        ),
      ).toEqual([
        expect.stringMatching(/storage account "Bad_Name" must be 3-24 lowercase/),
        expect.stringMatching(/resource group is empty/),
      ]);
    });

    it('fails for a malformed STREAM_CONTROL_CREATED_AT', () => {
      expect(
        problemsOf(() =>
          resolveEvent({ name: 'timed' }, { env: { STREAM_CONTROL_CREATED_AT: 'yesterday' } }),
        ),
      ).toEqual([
        expect.stringMatching(/STREAM_CONTROL_CREATED_AT "yesterday" must be an ISO-8601 UTC time/),
      ]);
    });
  });

  describe('event files', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'events-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('loads an event by its display name or slug from its file', () => {
      fs.writeFileSync(
        path.join(dir, 'whatever.json'),
        JSON.stringify({ name: 'Summit 2026', languages: ['original', 'german'] }),
      );
      expect(
        loadEvent('summit-2026', { eventsDir: dir, now: FIXED_NOW, env: {} }).languages,
      ).toEqual(['original', 'german']);
      expect(loadEvent('Summit 2026', { eventsDir: dir, now: FIXED_NOW, env: {} }).slug).toBe(
        'summit-2026',
      );
    });

    it('builds an undeclared event from defaults and its name', () => {
      const event = loadEvent('Conference-2025', { eventsDir: dir, now: FIXED_NOW, env: {} });
      expect(event.slug).toBe('conference-2025');
      expect(event.languages).toHaveLength(3);
    });

    it('names the file of every broken event, and duplicates', () => {
      fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ name: 'Same Name' }));
      fs.writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ name: 'same-name' }));
      fs.writeFileSync(path.join(dir, 'c.json'), '{ not json');
      fs.writeFileSync(path.join(dir, 'd.json'), JSON.stringify({ name: 'ok-name', ttlHours: -1 }));
      const problems = problemsOf(() => loadAllEvents({ eventsDir: dir, now: FIXED_NOW, env: {} }));
      expect(problems).toEqual([
        expect.stringMatching(/^c.json: event file ".*c.json" is not a JSON object/),
        expect.stringMatching(/^d.json: ttlHours -1/),
        expect.stringMatching(/event "same-name" is declared twice/),
      ]);
    });

    it('keeps the bundled example valid', () => {
      const event = loadEvent('example-conference-2026', {
        now: FIXED_NOW,
        env: {},
        platform: null,
      });
      expect(event.slug).toBe('example-conference-2026');
      expect(event.displayName).toBe('Example Conference 2026');
    });
  });
});
