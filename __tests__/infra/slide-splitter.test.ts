import { Testing } from 'cdktf';
import { SlideSplitter, SlideSplitterProps } from '../../constructs/slide-splitter';
import { ENV, FEEDS } from '../../lib/contract';
import { TEST_READER } from './helpers';

const base: SlideSplitterProps = {
  name: 'ci-splitter-test',
  dnsNameLabel: 'srt-splitter-test-abc123',
  resourceGroupName: 'rg',
  location: 'westeurope',
  image: 'registry.example/slide-splitter:1.0',
  eventSlug: 'test-event',
  languages: ['original', 'spanish'],
  outputTargets: ['192.0.2.11:10002', '192.0.2.12:10002'],
  secretsReader: TEST_READER,
};

function container(props: Partial<SlideSplitterProps> = {}) {
  const json = Testing.synthScope(
    (scope) => new SlideSplitter(scope, 'splitter', { ...base, ...props }),
  );
  return (Object.values(JSON.parse(json).resource.azurerm_container_group)[0] as any).container[0];
}

describe('SlideSplitter', () => {
  const c = container();
  it('defaults to 1 vCPU and 2 GiB', () => {
    expect([c.cpu, c.memory]).toEqual([1, 2]);
  });
  it('listens on its ingest port (not 9999, which ACI reserves) and 8080/tcp, nothing else', () => {
    expect(c.ports).toEqual([
      { port: FEEDS.slides.ingestPort, protocol: 'UDP' },
      { port: 8080, protocol: 'TCP' },
    ]);
    expect(FEEDS.slides.ingestPort).not.toBe(9999);
    expect(c.environment_variables[ENV.ingestPort]).toBe(String(FEEDS.slides.ingestPort));
  });
  it("pushes the slides to each mixer's listener, in language order", () => {
    expect(c.environment_variables[ENV.outputTargets]).toBe('192.0.2.11:10002,192.0.2.12:10002');
    expect(c.environment_variables[ENV.outputNames]).toBe('original,spanish');
  });
  it('converts to 1920x1080 by centre crop unless told to letterbox', () => {
    expect(c.environment_variables[ENV.slideFit]).toBe('crop');
    expect(c.environment_variables[ENV.outputSize]).toBe('1920x1080');
    expect(container({ slideFit: 'letterbox' }).environment_variables[ENV.slideFit]).toBe(
      'letterbox',
    );
  });
  it('reads the passphrase and the status token from the vault; no secure variable', () => {
    expect(c.environment_variables).toMatchObject({
      [ENV.keyVaultUrl]: '${azurerm_key_vault.kv.vault_uri}',
      [ENV.azureClientId]: '${azurerm_user_assigned_identity.reader.client_id}',
      [ENV.passphraseSecret]: 'srt-passphrase',
      [ENV.statusTokenSecret]: 'status-token',
    });
    expect(c.environment_variables[ENV.passphrase]).toBeUndefined();
    expect(c.environment_variables[ENV.statusToken]).toBeUndefined();
    expect(c.secure_environment_variables).toBeUndefined();
  });
  it('is named slide-splitter inside its group', () => {
    expect(c.name).toBe('slide-splitter');
  });
});
