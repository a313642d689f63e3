import { ConfigError } from '../shared/config';
import { loadSecretsOrExit } from '../shared/key-vault';
import { runPart } from '../shared/part';
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
  const part = await runPart(cfg, vault, {
    live: () => mixer.live(),
    status: () => mixer.status(),
    metrics: () => renderMixerMetrics(mixer.status()),
    applySecrets: (values) => mixer.applySecrets(values),
    noteRefused: (problem) => mixer.noteError(problem),
    start: () => mixer.start(),
    stop: () => mixer.stop(),
  });
  if (cfg.expiresAt) {
    // Checked every few seconds: setTimeout cannot wait more than 24.8 days.
    const expiresAt = cfg.expiresAt.getTime();
    setInterval(() => {
      if (Date.now() >= expiresAt) void part.stop('expired');
    }, 2000).unref();
    if (Date.now() >= expiresAt) return void part.stop('expired');
  }
  await part.start();
}

void main();
