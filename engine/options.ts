/**
 * Engine options from STREAM_CONTROL_* variables (help/cli.md, "Environment"), so the CLI and
 * the dashboard build the same engine from the same environment: one set of events, state,
 * locks and logs whichever front end an operator uses.
 */
import * as path from 'node:path';
import { EngineOptions } from './types';

type Env = Readonly<Record<string, string | undefined>>;

/** The repository this engine ships in. */
export const PROJECT_ROOT = path.join(__dirname, '..');

export function engineOptionsFromEnv(env: Env, debug = false): EngineOptions {
  const attempts = Number(env.STREAM_CONTROL_HEALTH_ATTEMPTS ?? 40);
  const intervalMs = Number(env.STREAM_CONTROL_HEALTH_INTERVAL_MS ?? 15_000);
  return {
    projectDir: env.STREAM_CONTROL_PROJECT_DIR || PROJECT_ROOT,
    eventsDir: env.STREAM_CONTROL_EVENTS_DIR || undefined,
    stateDir: env.STREAM_CONTROL_STATE_DIR || undefined,
    logDir: env.STREAM_CONTROL_LOG_DIR || undefined,
    lockDir: env.STREAM_CONTROL_LOCK_DIR || undefined,
    cdktfBin: env.STREAM_CONTROL_CDKTF || path.join(PROJECT_ROOT, 'node_modules', '.bin', 'cdktf'),
    packerBin: env.STREAM_CONTROL_PACKER || undefined,
    terraformCloud: { baseUrl: env.STREAM_CONTROL_TFC_URL || undefined },
    health: {
      attempts: attempts > 0 ? attempts : 40,
      intervalMs: intervalMs >= 0 ? intervalMs : 15_000,
    },
    env,
    debug,
    // Only for apps that never reach Azure (the test fixture); help/cli.md, "Pre-flight".
    preflight: env.STREAM_CONTROL_SKIP_PREFLIGHT !== '1',
  };
}
