import { parseConfig } from '../../containers/shared/config';
import { HEALTH_PATHS } from '../../lib/contract';
import { resourcesOf, synthEventStack } from './helpers';

/**
 * The stack and the images meet only through lib/contract.ts: here the environment the stack
 * writes into each container group is fed to the images' own config parser, so a drift on
 * either side fails a test before anything is deployed.
 */
describe('EventStack containers against the images contract', () => {
  const languages = ['original', 'spanish', 'french', 'german'];
  const { doc } = synthEventStack({ languages, slideFit: 'letterbox', srtLatencyMs: 350 });
  const containers = resourcesOf(doc, 'azurerm_container_group').map((g) => g.container[0]);
  const byName = Object.fromEntries(containers.map((c) => [c.name, c]));

  it.each([
    ['srt-relay', 'program'],
    ['slide-splitter', 'slides'],
  ] as const)('%s: the image accepts what the stack configures', (name, feed) => {
    const c = byName[name];
    // The secure passphrase is filled at deploy time; any value within SRT's rule stands in.
    const config = parseConfig(
      { ...c.environment_variables, SRT_PASSPHRASE: 'stand-in-pass-123' },
      feed,
    );
    expect(config.outputs.map((o) => o.name)).toEqual(languages);
    const ports = c.ports.map((p: { port: number; protocol: string }) => `${p.port}/${p.protocol}`);
    expect(ports).toEqual([
      `${config.ingestPort}/UDP`,
      ...config.outputs.map((o) => `${o.port}/UDP`),
      `${config.healthPort}/TCP`,
    ]);
    expect(config.latencyMs).toBe(350);
    expect(c.liveness_probe.http_get[0]).toMatchObject({
      path: HEALTH_PATHS.live,
      port: config.healthPort,
    });
    expect(c.readiness_probe.http_get[0]).toMatchObject({
      path: HEALTH_PATHS.ready,
      port: config.healthPort,
    });
  });

  it('asks the splitter for the fit the event chose, at 1920x1080', () => {
    const config = parseConfig({ ...byName['slide-splitter'].environment_variables }, 'slides');
    expect(config.slideFit).toBe('letterbox');
    expect([config.outputWidth, config.outputHeight]).toEqual([1920, 1080]);
  });
});
