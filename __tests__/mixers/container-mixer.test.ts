import { Testing } from 'cdktf';
import { ContainerMixer, ContainerMixerProps } from '../../constructs/container-mixer';
import { ENV, HEALTH_PATHS, HEALTH_PORT, MIXER_INPUT_PORTS } from '../../lib/contract';
import { YOUTUBE_RTMPS_URL } from '../../lib/mixer-model';
import { TEST_READER } from '../infra/helpers';

const base: ContainerMixerProps = {
  name: 'ci-mixer-spanish-test',
  dnsNameLabel: 'srt-mixer-spanish-abc123',
  resourceGroupName: 'rg',
  location: 'westeurope',
  image: 'registry.example/language-mixer:1.0',
  eventSlug: 'test-event',
  language: 'spanish',
  secretsReader: TEST_READER,
};

function synth(props: Partial<ContainerMixerProps> = {}) {
  let mixer!: ContainerMixer;
  const json = Testing.synthScope((scope) => {
    mixer = new ContainerMixer(scope, 'mixer', { ...base, ...props });
  });
  const g = Object.values(JSON.parse(json).resource.azurerm_container_group)[0] as any;
  return { g, c: g.container[0], mixer };
}

describe('ContainerMixer', () => {
  const { g, c, mixer } = synth();

  it('is a public Linux group with a DNS label and restart Always', () => {
    expect(g).toMatchObject({
      os_type: 'Linux',
      ip_address_type: 'Public',
      dns_name_label: 'srt-mixer-spanish-abc123',
      restart_policy: 'Always',
    });
  });

  it('defaults to 2 vCPU and 2 GiB, and takes other sizes', () => {
    expect([c.cpu, c.memory]).toEqual([2, 2]);
    const sized = synth({ cpuCores: 1, memoryGiB: 1.5 }).c;
    expect([sized.cpu, sized.memory]).toEqual([1, 1.5]);
  });

  it('exposes only the two SRT inputs and the health port', () => {
    expect(g.exposed_port).toEqual([
      { port: MIXER_INPUT_PORTS.program, protocol: 'UDP' },
      { port: MIXER_INPUT_PORTS.slides, protocol: 'UDP' },
      { port: HEALTH_PORT, protocol: 'TCP' },
    ]);
    expect(c.liveness_probe.http_get[0].path).toBe(HEALTH_PATHS.live);
  });

  it('carries the mixer model and where its secrets are as plain variables, and no secure one', () => {
    expect(c.environment_variables).toMatchObject({
      [ENV.mixerLanguage]: 'spanish',
      [ENV.mixerLayout]: 'inset',
      [ENV.destinationUrl]: YOUTUBE_RTMPS_URL,
      [ENV.keyframeSeconds]: '2',
      [ENV.videoBitrateKbps]: '6000',
      [ENV.keyVaultUrl]: '${azurerm_key_vault.kv.vault_uri}',
      [ENV.azureClientId]: '${azurerm_user_assigned_identity.reader.client_id}',
      [ENV.passphraseSecret]: 'srt-passphrase',
      [ENV.streamKeySecret]: 'youtube-key-spanish',
      [ENV.statusTokenSecret]: 'status-token',
    });
    expect(c.secure_environment_variables).toBeUndefined();
    expect(c.environment_variables[ENV.statusToken]).toBeUndefined();
    expect(c.environment_variables[ENV.streamKey]).toBeUndefined();
    expect(c.environment_variables[ENV.passphrase]).toBeUndefined();
    expect(JSON.stringify(c.environment_variables)).not.toContain('var.');
  });

  it('carries the secrets reader identity beside a registry pull identity, and waits for its access', () => {
    expect(g.identity).toEqual({
      type: 'UserAssigned',
      identity_ids: ['${azurerm_user_assigned_identity.reader.id}'],
    });
    const { g: pulled } = synth({
      registryPull: { server: 'cr.azurecr.io', identityId: '/id/pull' },
      secretsReader: { ...TEST_READER, dependsOn: [{ fqn: 'azurerm_key_vault_secret.key' }] },
    });
    expect(pulled.identity.identity_ids).toEqual([
      '/id/pull',
      '${azurerm_user_assigned_identity.reader.id}',
    ]);
    expect(pulled.image_registry_credential).toEqual([
      { server: 'cr.azurecr.io', user_assigned_identity_id: '/id/pull' },
    ]);
    expect(pulled.depends_on).toEqual(['azurerm_key_vault_secret.key']);
  });

  it('takes a layout and an expiry', () => {
    const { c: other } = synth({
      layout: 'side-by-side',
      expiresAt: new Date('2026-12-07T10:00:00Z'),
    });
    expect(other.environment_variables[ENV.mixerLayout]).toBe('side-by-side');
    expect(other.environment_variables[ENV.expiresAt]).toBe('2026-12-07T10:00:00.000Z');
  });

  it('gives the relay and the splitter its input addresses', () => {
    expect(mixer.inputAddress('program')).toMatch(/:10001$/);
    expect(mixer.inputAddress('slides')).toMatch(/:10002$/);
  });

  it('fails if the layout is unknown', () => {
    expect(() => synth({ layout: 'grid' })).toThrow(/layout "grid" must be one of/);
  });
});
