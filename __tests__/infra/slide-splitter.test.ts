import { Testing } from 'cdktf';
import { SlideSplitter, SlideSplitterProps } from '../../constructs/slide-splitter';
import { ENV } from '../../lib/contract';

const base: SlideSplitterProps = {
  name: 'ci-splitter-test',
  dnsNameLabel: 'srt-splitter-test-abc123',
  resourceGroupName: 'rg',
  location: 'westeurope',
  image: 'registry.example/slide-splitter:1.0',
  eventSlug: 'test-event',
  languages: ['original', 'spanish'],
  passphrase: '${var.srt_passphrase}',
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
  it('listens on 9999/udp, its own mixer ports from 10101, and 8080/tcp', () => {
    expect(c.ports).toEqual([
      { port: 9999, protocol: 'UDP' },
      { port: 10101, protocol: 'UDP' },
      { port: 10102, protocol: 'UDP' },
      { port: 8080, protocol: 'TCP' },
    ]);
    expect(c.environment_variables[ENV.ingestPort]).toBe('9999');
  });
  it('converts to 1920x1080 by centre crop unless told to letterbox', () => {
    expect(c.environment_variables[ENV.slideFit]).toBe('crop');
    expect(c.environment_variables[ENV.outputSize]).toBe('1920x1080');
    expect(container({ slideFit: 'letterbox' }).environment_variables[ENV.slideFit]).toBe(
      'letterbox',
    );
  });
  it('passes the passphrase only as a secure variable', () => {
    expect(c.secure_environment_variables).toEqual({ [ENV.passphrase]: '${var.srt_passphrase}' });
  });
  it('is named slide-splitter inside its group', () => {
    expect(c.name).toBe('slide-splitter');
  });
});
