import { FeedKind } from '../../lib/contract';
import { ConfigError, parseConfig } from './config';
import { Engine, TranscoderSpec } from './engine';
import { serveHealth } from './http';
import { SecretRefresher, loadSecretsOrExit } from './key-vault';
import { log } from './log';
import { renderMetrics } from './status';

/** Shared entry for both images: config errors exit 2 with one line each, SIGTERM stops all. */
export async function runSupervisor(
  image: string,
  feed: FeedKind,
  transcoder?: (cfg: ReturnType<typeof parseConfig>) => TranscoderSpec,
): Promise<void> {
  let cfg;
  try {
    cfg = parseConfig(process.env, feed);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    for (const p of err.problems) process.stderr.write(`${image}: ${p}\n`);
    process.exit(2);
  }
  // Nothing listens and no child starts before the secrets are in: probes fail meanwhile.
  const vault = cfg.vault && (await loadSecretsOrExit(image, cfg.vault));
  if (vault) {
    cfg = { ...cfg, passphrase: vault.values.passphrase, statusToken: vault.values.statusToken! };
  }
  const engine = new Engine(cfg, transcoder?.(cfg));
  let statusToken = cfg.statusToken;
  let secretProblem: string | undefined;
  const refresher =
    vault &&
    new SecretRefresher(
      vault.client,
      vault.values,
      (values, changed) => {
        if (changed.includes('statusToken')) statusToken = values.statusToken!;
        if (changed.includes('passphrase')) engine.setPassphrase(values.passphrase!);
      },
      (problem) => (secretProblem = problem),
    );
  const server = await serveHealth(
    {
      live: () => engine.live(),
      status: () => ({ ...engine.status(), ...(secretProblem ? { secretProblem } : {}) }),
      metrics: () => renderMetrics(engine.status()),
    },
    () => statusToken,
    cfg.healthPort,
  );
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log('info', 'stopping', { signal });
    refresher?.stop();
    server.close();
    await engine.stop();
    log('info', 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  engine.start();
  refresher?.start();
}
