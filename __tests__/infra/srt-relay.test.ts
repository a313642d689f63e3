import { Testing } from 'cdktf';
import { SrtRelay, SrtRelayProps } from '../../constructs/srt-relay';
import { ENV, FEEDS, formatOutputAudio, HEALTH_PATHS, HEALTH_PORT } from '../../lib/contract';
import { TEST_READER } from './helpers';

const base: SrtRelayProps = {
  name: 'ci-relay-test',
  dnsNameLabel: 'srt-relay-test-abc123',
  resourceGroupName: 'rg',
  location: 'westeurope',
  image: 'registry.example/srt-relay:1.0',
  eventSlug: 'test-event',
  languages: ['original', 'spanish', 'french'],
  outputTargets: ['192.0.2.11:10001', '192.0.2.12:10001', '192.0.2.13:10001'],
  secretsReader: TEST_READER,
};

function group(props: Partial<SrtRelayProps> = {}) {
  const json = Testing.synthScope((scope) => new SrtRelay(scope, 'relay', { ...base, ...props }));
  return Object.values(JSON.parse(json).resource.azurerm_container_group)[0] as any;
}

describe('SrtRelay', () => {
  const g = group();
  const c = g.container[0];

  it('is a public Linux group with a DNS label and restart Always', () => {
    expect(g).toMatchObject({
      os_type: 'Linux',
      ip_address_type: 'Public',
      dns_name_label: 'srt-relay-test-abc123',
      restart_policy: 'Always',
    });
  });
  it('defaults to 2 vCPU and 4 GiB', () => {
    expect(c.cpu).toBe(2);
    expect(c.memory).toBe(4);
  });
  it('takes other sizes', () => {
    const sized = group({ cpuCores: 1, memoryGiB: 1.5 }).container[0];
    expect([sized.cpu, sized.memory]).toEqual([1, 1.5]);
  });
  it('listens on 9998/udp for the venue and 8080/tcp, nothing else', () => {
    expect(c.ports).toEqual([
      { port: 9998, protocol: 'UDP' },
      { port: 8080, protocol: 'TCP' },
    ]);
    expect(g.exposed_port).toEqual(c.ports);
  });
  it('probes liveness and readiness on 8080 ("processes up", never the feed)', () => {
    expect(c.liveness_probe.http_get).toEqual([
      { path: HEALTH_PATHS.live, port: HEALTH_PORT, scheme: 'http' },
    ]);
    expect(c.readiness_probe.http_get).toEqual([
      { path: HEALTH_PATHS.ready, port: HEALTH_PORT, scheme: 'http' },
    ]);
  });
  it('tells the image its event, latency and outputs through the contract variables', () => {
    expect(c.environment_variables).toEqual({
      [ENV.eventName]: 'test-event',
      [ENV.ingestPort]: String(FEEDS.program.ingestPort),
      [ENV.outputTargets]: '192.0.2.11:10001,192.0.2.12:10001,192.0.2.13:10001',
      [ENV.outputNames]: 'original,spanish,french',
      [ENV.latencyMs]: '200',
      [ENV.peerIdleTimeoutMs]: '5000',
      [ENV.healthPort]: '8080',
      [ENV.outputAudio]: formatOutputAudio([1, 2, 3].map((track) => ({ source: { track } }))),
      [ENV.keyVaultUrl]: '${azurerm_key_vault.kv.vault_uri}',
      [ENV.azureClientId]: '${azurerm_user_assigned_identity.reader.client_id}',
      [ENV.passphraseSecret]: 'srt-passphrase',
      [ENV.statusTokenSecret]: 'status-token',
    });
  });
  it("carries each language's audio mapping, and refuses a mapping of the wrong length", () => {
    const audio = [
      { source: { track: 1 } },
      { source: { channels: [5, 6] as [number, number] } },
      { source: { track: 2 }, floor: { source: { track: 1 }, mixDb: -18 } },
    ];
    expect(
      JSON.parse(group({ audio }).container[0].environment_variables[ENV.outputAudio]),
    ).toEqual(audio);
    expect(() => group({ audio: audio.slice(1) })).toThrow(
      /audio has 2 entries for 3 languages; give one per language/,
    );
  });
  it('has no secure variable: the passphrase and the status token come from the vault, by name', () => {
    expect(c.secure_environment_variables).toBeUndefined();
    expect(c.environment_variables).toMatchObject({
      [ENV.passphraseSecret]: 'srt-passphrase',
      [ENV.statusTokenSecret]: 'status-token',
    });
    expect(c.environment_variables[ENV.passphrase]).toBeUndefined();
    expect(c.environment_variables[ENV.statusToken]).toBeUndefined();
    expect(JSON.stringify(c.environment_variables)).not.toMatch(/var\.|random_password/);
  });
  it("carries the secrets reader identity and waits for the reader's access", () => {
    expect(g.identity).toEqual({
      type: 'UserAssigned',
      identity_ids: ['${azurerm_user_assigned_identity.reader.id}'],
    });
    const dependsOn = ['azurerm_key_vault_access_policy.reader', 'azurerm_key_vault_secret.pass'];
    const waiting = group({
      secretsReader: { ...TEST_READER, dependsOn: dependsOn.map((fqn) => ({ fqn })) },
    });
    expect(waiting.depends_on).toEqual(dependsOn);
  });
  it('refuses a target list that does not match the languages', () => {
    expect(() => group({ outputTargets: ['192.0.2.11:10001'] })).toThrow(
      /outputTargets has 1 entries for 3 outputs; give one mixer address per output/,
    );
  });
  it('takes the SRT latency', () => {
    expect(group({ srtLatencyMs: 500 }).container[0].environment_variables[ENV.latencyMs]).toBe(
      '500',
    );
  });
  it('pulls through a managed identity when a registry is given, never with a password', () => {
    const pulled = group({ registryPull: { server: 'cr.azurecr.io', identityId: '/id/pull' } });
    // Both identities: the pull one and the reader (the part names the reader to IMDS).
    expect(pulled.identity).toEqual({
      type: 'UserAssigned',
      identity_ids: ['/id/pull', '${azurerm_user_assigned_identity.reader.id}'],
    });
    expect(pulled.image_registry_credential).toEqual([
      { server: 'cr.azurecr.io', user_assigned_identity_id: '/id/pull' },
    ]);
    expect(g.image_registry_credential).toBeUndefined();
  });
  it('serves 12 languages with the same two public ports', () => {
    const languages = Array.from({ length: 12 }, (_, i) => `l${i}`);
    const outputTargets = languages.map((_, i) => `192.0.2.${11 + i}:10001`);
    const many = group({ languages, outputTargets });
    expect(many.exposed_port).toHaveLength(2);
    expect(many.container[0].environment_variables[ENV.outputTargets].split(',')).toEqual(
      outputTargets,
    );
  });
});
