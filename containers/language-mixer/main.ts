import { ConfigError } from '../shared/config';
import { serveHealth } from '../shared/http';
import { log } from '../shared/log';
import { SecretRefresher, loadSecretsOrExit } from '../shared/key-vault';
import { parseMixerConfig, withVaultSecrets } from './config';
import { renderMixerMetrics } from './metrics';
import { Mixer } from './mixer';

/** Config errors exit 2 with one line each; SIGTERM or EXPIRES_AT stop everything. */
async function main(): Promise<void> {
  let cfg;
  try {
    cfg = parseMixerConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    for (const p of err.problems) process.stderr.write(`language-mixer: ${p}\n`);
    process.exit(2);
  }
  // Nothing listens and no child starts before the secrets are in: probes fail meanwhile.
  const vault = cfg.vault && (await loadSecretsOrExit('language-mixer', cfg.vault));
  if (vault) cfg = withVaultSecrets(cfg, vault.values);
  const mixer = new Mixer(cfg);
  let statusToken = cfg.statusToken;
  const refresher =
    vault &&
    new SecretRefresher(
      vault.client,
      vault.values,
      (values, changed) => {
        if (changed.includes('statusToken')) statusToken = values.statusToken;
        mixer.applySecrets(values);
      },
      (problem) => mixer.noteError(problem),
    );
  const server = await serveHealth(
    {
      live: () => mixer.live(),
      status: () => mixer.status(),
      metrics: () => renderMixerMetrics(mixer.status()),
    },
    () => statusToken,
    cfg.healthPort,
  );
  let stopping = false;
  const stop = async (why: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log('info', 'stopping', { why });
    refresher?.stop();
    server.close();
    await mixer.stop();
    log('info', 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  if (cfg.expiresAt) {
    // Checked every few seconds: setTimeout cannot wait more than 24.8 days.
    const expiresAt = cfg.expiresAt.getTime();
    setInterval(() => {
      if (Date.now() >= expiresAt) void stop('expired');
    }, 2000).unref();
    if (Date.now() >= expiresAt) return void stop('expired');
  }
  await mixer.start();
  refresher?.start();
}

void main();
