import { ENV, FEEDS, MIXER_INPUT_PORTS } from '../../lib/contract';
import { EVENT_OUTPUTS } from '../../lib/stack-outputs';
import { eventTags, REQUIRED_TAGS } from '../../lib/tags';
import { shutdownTime } from '../../stacks/event-stack';
import { FIXED_NOW, resourcesOf, synthEventStack, testEvent } from './helpers';

const example = {
  name: 'Example Conference 2026',
  operatorCidrs: ['198.51.100.0/24'],
};

describe('EventStack', () => {
  const { doc, json, stack } = synthEventStack(example);

  it('matches the reviewed snapshot of the example event', () => {
    expect(json).toMatchSnapshot();
  });

  it('is named by the event slug, so `cdktf deploy <slug>` picks it', () => {
    expect(stack.node.id).toBe('example-conference-2026');
  });

  it('puts everything in one resource group named from event and environment', () => {
    const groups = resourcesOf(doc, 'azurerm_resource_group');
    expect(groups).toHaveLength(1);
    expect(groups[0].name).toBe('rg-streaming-example-conference-2026-production');
    expect(groups[0].location).toBe('westeurope');
  });

  it('runs one relay, one splitter and one mixer per language', () => {
    expect(resourcesOf(doc, 'azurerm_container_group')).toHaveLength(2);
    expect(
      resourcesOf(doc, 'azurerm_windows_virtual_machine')
        .map((vm) => vm.computer_name)
        .sort(),
    ).toEqual(['mx01-original', 'mx02-spanish', 'mx03-french']);
    const four = synthEventStack({
      ...example,
      languages: ['original', 'spanish', 'french', 'german'],
    }).doc;
    expect(resourcesOf(four, 'azurerm_windows_virtual_machine')).toHaveLength(4);
    expect(
      resourcesOf(four, 'azurerm_network_interface')
        .map((n) => n.ip_configuration[0].private_ip_address)
        .sort(),
    ).toEqual(['10.42.2.11', '10.42.2.12', '10.42.2.13', '10.42.2.14']);
  });

  it('tags every taggable resource with the cleanup tags', () => {
    const taggableTypes = Object.keys(doc.resource).filter(
      (t) =>
        t.startsWith('azurerm_') &&
        !t.includes('association') &&
        t !== 'azurerm_subnet' &&
        t !== 'azurerm_network_security_rule' &&
        // An access policy is a part of its vault, with no tags of its own.
        t !== 'azurerm_key_vault_access_policy',
    );
    expect(taggableTypes.length).toBeGreaterThan(8);
    for (const type of taggableTypes) {
      for (const r of resourcesOf(doc, type)) {
        for (const tag of REQUIRED_TAGS) expect(r.tags?.[tag]).toEqual(expect.any(String));
        expect(r.tags).toMatchObject({
          purpose: 'streaming',
          event: 'example-conference-2026',
          auto_cleanup: 'true',
          ttl: '24h',
        });
      }
    }
  });

  it("keeps a resource's own tags beside the stack's", () => {
    const vms = resourcesOf(doc, 'azurerm_windows_virtual_machine');
    expect(vms.map((vm) => vm.tags.language).sort()).toEqual(['french', 'original', 'spanish']);
    for (const vm of vms)
      expect(vm.tags).toMatchObject({ role: 'language-mixer', event: 'example-conference-2026' });
  });

  it('derives created and expires-at tags from the deploy time and TTL', () => {
    const event = testEvent({ ttlHours: 6 });
    expect(eventTags(event)).toMatchObject({
      created: FIXED_NOW.toISOString(),
      'expires-at': '2026-03-01T16:00:00.000Z',
      ttl: '6h',
    });
    expect(shutdownTime(new Date('2026-03-01T16:05:00Z'))).toBe('1605');
  });

  it('declares the secrets as sensitive variables without defaults', () => {
    const { secrets_version: version, ...secrets } = doc.variable;
    expect(Object.keys(secrets).sort()).toEqual([
      'mixer_admin_password',
      'srt_passphrase',
      'status_token',
      'youtube_key_french',
      'youtube_key_original',
      'youtube_key_spanish',
    ]);
    // The version of the write-only values is a plain number, not a secret.
    expect(version).toMatchObject({ type: 'number', default: 1 });
    expect(version.sensitive).toBeUndefined();
    for (const v of Object.values(secrets) as any[]) {
      expect(v.sensitive).toBe(true);
      expect(v.default).toBeUndefined();
    }
    expect(doc.variable.srt_passphrase.validation[0].condition).toMatch(
      /length\(var.srt_passphrase\) >= 10/,
    );
    expect(doc.variable.srt_passphrase.validation[1].condition).toBe(
      '${can(regex("^[A-Za-z0-9._~-]+$", var.srt_passphrase))}',
    );
  });

  it('outputs connection info and no secret: no passphrase, status token or admin password', () => {
    expect(Object.keys(doc.output).sort()).toEqual(Object.values(EVENT_OUTPUTS).sort());
    expect(Object.values(doc.output).filter((o: any) => o.sensitive)).toEqual([]);
    expect(Object.keys(doc.output)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/password|token|passphrase|key/)]),
    );
    expect(doc.output.relay_status_url.value).toMatch(/fqdn\}:8080\/status$/);
    expect(doc.output.program_ingest_url.value).toMatch(
      /^srt:\/\/\$\{azurerm_container_group\..*\.fqdn\}:9998$/,
    );
    expect(doc.output.slides_ingest_url.value).toMatch(new RegExp(`:${FEEDS.slides.ingestPort}$`));
    expect(doc.output.mixers.value[0]).toMatchObject({
      language: 'original',
      computer_name: 'mx01-original',
      private_ip: '10.42.2.11',
    });
    expect(doc.output.mixers.value[0].rdp).toMatch(/ip_address\}:3389$/);
  });

  it('shuts mixers down at expiry only when that is within a day of the deploy', () => {
    const shutdowns = (ttlHours: number) =>
      resourcesOf(
        synthEventStack({ ...example, ttlHours }).doc,
        'azurerm_dev_test_global_vm_shutdown_schedule',
      );
    // FIXED_NOW is 10:00 UTC: a 6 h event shuts down at 16:00, the first time that comes.
    expect(shutdowns(6).map((s) => s.daily_recurrence_time)).toEqual(['1600', '1600', '1600']);
    expect(shutdowns(24)).toHaveLength(3);
    // A 48 h event's daily 10:00 shutdown would cut it after one day.
    expect(shutdowns(48)).toHaveLength(0);
  });

  it('gives every mixer a public IP for the pushed feeds, and an RDP target only for operators', () => {
    const closed = synthEventStack({ name: 'Closed Event' }).doc;
    expect(resourcesOf(closed, 'azurerm_public_ip')).toHaveLength(3);
    expect(closed.output.mixers.value[0].rdp).toBe('');
    expect(resourcesOf(closed, 'azurerm_network_security_rule').map((r) => r.name)).not.toContain(
      'allow-rdp',
    );
  });

  it("pushes each feed to each mixer's public IP, on the mixer input ports, in language order", () => {
    const groups = resourcesOf(doc, 'azurerm_container_group');
    const env = (name: string) => groups.find((g) => g.container[0].name === name).container[0];
    const pips = Object.keys(doc.resource.azurerm_public_ip);
    const expected = (port: number) =>
      ['original', 'spanish', 'french']
        .map((l) => pips.find((p) => p.startsWith(`mixer-${l}_`)))
        .map((p) => `\${azurerm_public_ip.${p}.ip_address}:${port}`)
        .join(',');
    expect(env('srt-relay').environment_variables[ENV.outputTargets]).toBe(
      expected(MIXER_INPUT_PORTS.program),
    );
    expect(env('slide-splitter').environment_variables[ENV.outputTargets]).toBe(
      expected(MIXER_INPUT_PORTS.slides),
    );
    for (const g of groups) {
      expect(g.exposed_port).toHaveLength(2);
      expect(g.container[0].environment_variables[ENV.statusTokenSecret]).toBe('status-token');
      expect(g.container[0].secure_environment_variables).toBeUndefined();
    }
  });

  describe('state backend', () => {
    it('keeps local state per event under state/<env>/, relative to the synth folder', () => {
      expect(doc.terraform.backend).toEqual({
        local: { path: '../../../state/production/example-conference-2026.tfstate' },
      });
      const staging = synthEventStack({ name: 'Other Event', environment: 'staging' }).doc;
      expect(staging.terraform.backend.local.path).toBe(
        '../../../state/staging/other-event.tfstate',
      );
    });
    it('keys azurerm state by <env>/<event>.tfstate with Entra ID auth', () => {
      const az = synthEventStack(
        example,
        {},
        {
          STREAM_STATE_BACKEND: 'azurerm',
          STREAM_STATE_STORAGE_ACCOUNT: 'ststreamprod',
          STREAM_STATE_RESOURCE_GROUP: 'rg-platform',
        },
      ).doc;
      expect(az.terraform.backend.azurerm).toEqual({
        container_name: 'tfstate',
        key: 'production/example-conference-2026.tfstate',
        resource_group_name: 'rg-platform',
        storage_account_name: 'ststreamprod',
        use_azuread_auth: true,
      });
    });
    it('uses one Terraform Cloud workspace per event', () => {
      const tfc = synthEventStack(
        example,
        {},
        { STREAM_STATE_BACKEND: 'cloud', STREAM_TFC_ORGANIZATION: 'my-org' },
      ).doc;
      expect(tfc.terraform.cloud).toEqual({
        hostname: 'app.terraform.io',
        organization: 'my-org',
        workspaces: { name: 'streaming-production-example-conference-2026' },
      });
      expect(tfc.terraform.backend).toBeUndefined();
    });
  });
});
