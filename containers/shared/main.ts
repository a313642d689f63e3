import { FeedKind } from '../../lib/contract';
import { ConfigError, parseConfig } from './config';
import { Engine, TranscoderSpec } from './engine';
import { loadSecretsOrExit } from './key-vault';
import { runPart } from './part';
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
  let secretProblem: string | undefined;
  const part = await runPart(cfg, vault, {
    live: () => engine.live(),
    status: () => ({ ...engine.status(), ...(secretProblem ? { secretProblem } : {}) }),
    metrics: () => renderMetrics(engine.status()),
    applySecrets: (values, changed) => {
      if (changed.includes('passphrase')) engine.setPassphrase(values.passphrase!);
    },
    noteRefused: (problem) => (secretProblem = problem),
    start: () => engine.start(),
    stop: () => engine.stop(),
  });
  await part.start();
}
