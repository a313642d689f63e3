/**
 * How the engine tells the app (main.ts, run by cdktf) exactly what to synthesize. The engine
 * writes these variables from its own options and the app reads them back here, so the app
 * synthesizes the very event the engine validated: the same events folder, environment, state
 * folder and deploy time. One module owns the names, so the two sides cannot drift apart.
 */
export const APP_ENV = {
  /** Synthesize this event only (its slug). */
  event: 'STREAM_CONTROL_EVENT',
  /** The event's environment (the CLI's --env, else the event file's). */
  environment: 'STREAM_CONTROL_ENV',
  /** Synthesize this environment's platform stack only. */
  platform: 'STREAM_CONTROL_PLATFORM',
  /** Where the event files are. */
  eventsDir: 'STREAM_CONTROL_EVENTS_DIR',
  /** Local state root, absolute: <dir>/<env>/<slug>.tfstate and <dir>/platform/<env>.tfstate. */
  stateDir: 'STREAM_CONTROL_STATE_DIR',
  /** Deploy time, ISO 8601 UTC: tags and expiry derive from it. */
  createdAt: 'STREAM_CONTROL_CREATED_AT',
} as const;

export interface AppTarget {
  readonly event?: string;
  readonly environment?: string;
  readonly platform?: string;
  readonly eventsDir?: string;
  readonly stateDir?: string;
  readonly createdAt?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The variables for one app run; unset fields are left out. */
export function appTargetEnv(target: AppTarget): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [field, name] of Object.entries(APP_ENV)) {
    const value = target[field as keyof AppTarget];
    if (value !== undefined && value !== '') env[name] = value;
  }
  return env;
}

/** What the engine asked for; an empty variable counts as unset. */
export function readAppTarget(env: Env): AppTarget {
  const target: Record<string, string> = {};
  for (const [field, name] of Object.entries(APP_ENV)) {
    const value = env[name];
    if (value !== undefined && value !== '') target[field] = value;
  }
  return target;
}
