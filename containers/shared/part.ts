import { serveHealth } from './http';
import { KeyVaultClient, SecretRefresher, SecretRole, SecretValues } from './key-vault';
import { log } from './log';

/** What a part (relay, splitter, mixer) brings; runPart does the rest the same way for all. */
export interface PartHooks {
  live(): boolean;
  status(): object;
  metrics(): string;
  /** Values re-read from the vault that changed (the status token is handled here). */
  applySecrets(values: SecretValues, changed: SecretRole[]): void | Promise<void>;
  /** A re-read value broke its rule and the one in force was kept (for /status). */
  noteRefused(problem: string): void;
  start(): void | Promise<void>;
  stop(): Promise<void>;
}

export interface RunningPart {
  /** Starts the part's processes, then the vault refresh. */
  start(): Promise<void>;
  /** Once: refresh off, health server closed, the part stopped, exit 0. */
  stop(why: string): Promise<void>;
}

/**
 * The shared life of a part once configured: /healthz, /status and /metrics with the status
 * token in force (a token re-read from the vault replaces it at once), the vault refresh, and
 * one orderly stop on SIGTERM or SIGINT.
 */
export async function runPart(
  settings: { readonly statusToken?: string; readonly healthPort: number },
  vault: { client: KeyVaultClient; values: SecretValues } | undefined,
  part: PartHooks,
): Promise<RunningPart> {
  let statusToken = settings.statusToken;
  const refresher =
    vault &&
    new SecretRefresher(
      vault.client,
      vault.values,
      (values, changed) => {
        if (changed.includes('statusToken')) statusToken = values.statusToken;
        return part.applySecrets(values, changed);
      },
      (problem) => part.noteRefused(problem),
    );
  const server = await serveHealth(
    { live: () => part.live(), status: () => part.status(), metrics: () => part.metrics() },
    () => statusToken,
    settings.healthPort,
  );
  let stopping = false;
  const stop = async (why: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log('info', 'stopping', { why });
    refresher?.stop();
    server.close();
    await part.stop();
    log('info', 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  return {
    start: async () => {
      await part.start();
      refresher?.start();
    },
    stop,
  };
}
