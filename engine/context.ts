/**
 * Resolved engine options and the per-event facts every command needs: the validated event,
 * where its synth output and local state live, and the environment its children get.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadEvent } from '../lib/event-files';
import { EventConfig, EventValidationError } from '../lib/event-model';
import { badInput } from './errors';
import { AzureClient, EngineOptions, EventRef, HealthProbe } from './types';

type Env = Readonly<Record<string, string | undefined>>;

export interface Context {
  readonly projectDir: string;
  readonly eventsDir: string;
  readonly stateDir: string;
  readonly logDir: string;
  readonly lockDir: string;
  readonly now: () => Date;
  readonly env: Env;
  readonly cdktfBin: string;
  readonly health: { attempts: number; intervalMs: number };
  readonly terraformCloud: { baseUrl: string; token?: string };
  readonly debug: boolean;
  azure(): AzureClient;
  readonly probe?: HealthProbe;
}

export function createContext(o: EngineOptions, defaultAzure: () => AzureClient): Context {
  const projectDir = path.resolve(o.projectDir ?? path.join(__dirname, '..'));
  let azure = o.azure;
  return {
    projectDir,
    eventsDir: path.resolve(o.eventsDir ?? path.join(projectDir, 'events')),
    stateDir: path.resolve(o.stateDir ?? path.join(projectDir, 'state')),
    logDir: path.resolve(o.logDir ?? path.join(projectDir, 'logs')),
    lockDir: path.resolve(o.lockDir ?? path.join(projectDir, '.locks')),
    now: o.now ?? (() => new Date()),
    env: o.env ?? process.env,
    cdktfBin: o.cdktfBin ?? path.join(projectDir, 'node_modules', '.bin', 'cdktf'),
    health: o.health ?? { attempts: 40, intervalMs: 15_000 },
    terraformCloud: {
      baseUrl: o.terraformCloud?.baseUrl ?? 'https://app.terraform.io',
      token: o.terraformCloud?.token,
    },
    debug: o.debug ?? false,
    azure: () => (azure ??= defaultAzure()),
    probe: o.probe,
  };
}

const ENVIRONMENTS = ['production', 'staging', 'development'];

/** Validates the reference and loads the event; every problem is bad input (exit 2). */
export function loadEventConfig(ctx: Context, ref: EventRef): EventConfig {
  if (typeof ref.event !== 'string' || ref.event.trim() === '') {
    throw badInput('--event is required', 'name the event, e.g. --event "Conference-2025"');
  }
  if (ref.environment !== undefined && !ENVIRONMENTS.includes(ref.environment)) {
    throw badInput(
      `environment ${JSON.stringify(ref.environment)} is unknown; use one of ${ENVIRONMENTS.join(', ')}`,
    );
  }
  try {
    return loadEvent(ref.event, {
      environment: ref.environment,
      eventsDir: ctx.eventsDir,
      env: { ...ctx.env, STREAM_CONTROL_STATE_DIR: ctx.stateDir } as NodeJS.ProcessEnv,
      now: ctx.now(),
    });
  } catch (err) {
    if (err instanceof EventValidationError) {
      throw badInput(
        err.problems.join('; '),
        'fix the event file or the flags and retry',
        err.problems,
      );
    }
    throw err;
  }
}

/** Synth output per event, so two events deployed at once never share a folder. */
export function outDir(ctx: Context, event: EventConfig): string {
  return path.join(ctx.projectDir, 'cdktf.out', 'events', event.environment, event.slug);
}

export function stackDir(ctx: Context, event: EventConfig): string {
  return path.join(outDir(ctx, event), 'stacks', event.slug);
}

export function localStateFile(ctx: Context, event: EventConfig): string {
  return path.join(ctx.stateDir, event.environment, `${event.slug}.tfstate`);
}

/** What the app (main.ts or the fixture) reads to synthesize exactly this event. */
export function appEnv(ctx: Context, event: EventConfig): Record<string, string> {
  // An app outside the repository (a test's copy) resolves cdktf from the CLI's node_modules.
  const modules = path.resolve(path.dirname(ctx.cdktfBin), '..');
  return {
    NODE_PATH: [ctx.env.NODE_PATH, modules].filter(Boolean).join(path.delimiter),
    STREAM_CONTROL_EVENT: event.slug,
    STREAM_CONTROL_ENV: event.environment,
    STREAM_CONTROL_STATE_DIR: ctx.stateDir,
    STREAM_CONTROL_EVENTS_DIR: ctx.eventsDir,
    STREAM_CONTROL_CREATED_AT: event.createdAt.toISOString(),
  };
}

export function appCommand(ctx: Context): string {
  const file = path.join(ctx.projectDir, 'cdktf.json');
  try {
    const app = (JSON.parse(fs.readFileSync(file, 'utf8')) as { app?: string }).app;
    if (app) return app;
  } catch {
    // reported below
  }
  throw badInput(
    `no usable cdktf.json in ${ctx.projectDir}`,
    'run stream-control from the project folder',
  );
}
