import { parseMixerConfig } from '../../containers/language-mixer/config';
import { parseConfig } from '../../containers/shared/config';
import { ENV, HEALTH_PATHS, MIXER_INPUT_PORTS } from '../../lib/contract';
import { VAULT_SECRETS } from '../../lib/secrets';
import { resourcesOf, synthEventStack, testEvent } from './helpers';

/**
 * The stack and the images meet only through lib/contract.ts: here the environment the stack
 * writes into each container group is fed to the images' own config parser, so a drift on
 * either side fails a test before anything is deployed.
 */
/** What Azure resolves the vault's and the reader's references to, in form. */
const VAULT_URL = 'https://kv-contract-0123abcd.vault.azure.net/';
const CLIENT_ID = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

/**
 * Terraform references become what they resolve to: each mixer's address a loopback one (one
 * per distinct reference, as a test run on this machine would have them), the vault's URI and
 * the reader's client id values of Azure's form.
 */
function onLoopback(env: Record<string, string>): Record<string, string> {
  const hosts = new Map<string, string>();
  const host = (ref: string) => {
    if (!hosts.has(ref)) hosts.set(ref, `127.0.0.${hosts.size + 1}`);
    return hosts.get(ref)!;
  };
  return Object.fromEntries(
    Object.entries(env).map(([k, v]) => [
      k,
      k === ENV.keyVaultUrl
        ? v.replace(/^\$\{azurerm_key_vault\.[^}]+\.vault_uri\}$/, VAULT_URL)
        : k === ENV.azureClientId
          ? v.replace(/^\$\{azurerm_user_assigned_identity\.[^}]+\.client_id\}$/, CLIENT_ID)
          : v.replace(/\$\{[^}]+\}/g, host),
    ]),
  );
}

/**
 * The outputs as the push images describe them (host, port, audio). Typed loosely on purpose:
 * the images' config gains these fields when media-containers lands push delivery; until
 * then these tests fail at run time, not the type check of the whole project.
 */
function pushed(config: { outputs: readonly unknown[] }) {
  return config.outputs as ReadonlyArray<{ host?: string; port?: number; audio?: unknown }>;
}

describe('EventStack containers against the images contract', () => {
  const languages = ['original', 'spanish', 'french', 'german'];
  const { doc } = synthEventStack({ languages, slideFit: 'letterbox', srtLatencyMs: 350 });
  const containers = resourcesOf(doc, 'azurerm_container_group').map((g) => g.container[0]);
  const byName = Object.fromEntries(containers.map((c) => [c.name, c]));
  // No secure variable: the passphrase and the status token are read from the vault.

  it.each([
    ['srt-relay', 'program'],
    ['slide-splitter', 'slides'],
  ] as const)('%s: the image accepts what the stack configures', (name, feed) => {
    const c = byName[name];
    expect(c.secure_environment_variables).toBeUndefined();
    const config = parseConfig(onLoopback(c.environment_variables), feed);
    expect(config.outputs.map((o) => o.name)).toEqual(languages);
    expect(pushed(config).map((o) => `${o.host}:${o.port}`)).toEqual(
      languages.map((_, i) => `127.0.0.${i + 1}:${MIXER_INPUT_PORTS[feed]}`),
    );
    const ports = c.ports.map((p: { port: number; protocol: string }) => `${p.port}/${p.protocol}`);
    expect(ports).toEqual([`${config.ingestPort}/UDP`, `${config.healthPort}/TCP`]);
    expect(config.latencyMs).toBe(350);
    expect(config.passphrase).toBeUndefined();
    expect(config.vault).toMatchObject({
      vaultUrl: new URL(VAULT_URL),
      clientId: CLIENT_ID,
      names: { passphrase: VAULT_SECRETS.passphrase, statusToken: VAULT_SECRETS.statusToken },
    });
    expect(c.liveness_probe.http_get[0]).toMatchObject({
      path: HEALTH_PATHS.live,
      port: config.healthPort,
    });
    expect(c.readiness_probe.http_get[0]).toMatchObject({
      path: HEALTH_PATHS.ready,
      port: config.healthPort,
    });
  });

  it("gives the relay each language's audio as the event model resolved it", () => {
    const config = parseConfig(onLoopback(byName['srt-relay'].environment_variables), 'program');
    expect(pushed(config).map((o) => o.audio)).toEqual(testEvent({ languages }).audio);
  });

  it('asks the splitter for the fit the event chose, at 1920x1080', () => {
    const config = parseConfig(
      onLoopback(byName['slide-splitter'].environment_variables),
      'slides',
    );
    expect(config.slideFit).toBe('letterbox');
    expect([config.outputWidth, config.outputHeight]).toEqual([1920, 1080]);
  });
});

describe('EventStack container mixers against the mixer image contract', () => {
  const { doc } = synthEventStack({ mixer: 'container', languages: ['original', 'spanish'] });
  const mixers = resourcesOf(doc, 'azurerm_container_group')
    .map((g) => g.container[0])
    .filter((c) => c.name === 'language-mixer');

  it('the image accepts what the stack configures and reads its own key, the passphrase and the status token from the vault', () => {
    expect(mixers).toHaveLength(2);
    for (const c of mixers) {
      const language = c.environment_variables[ENV.mixerLanguage];
      expect(c.secure_environment_variables).toBeUndefined();
      const config = parseMixerConfig(onLoopback(c.environment_variables));
      expect(config.vault).toMatchObject({
        vaultUrl: new URL(VAULT_URL),
        clientId: CLIENT_ID,
        names: {
          passphrase: VAULT_SECRETS.passphrase,
          streamKey: VAULT_SECRETS.streamKey(language),
          statusToken: VAULT_SECRETS.statusToken,
        },
      });
    }
  });
});
