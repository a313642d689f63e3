/**
 * Resolved engine options and the per-event facts every command needs: the validated event,
 * where its synth output and local state live, and the environment its children get.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { APP_ENV, appTargetEnv } from '../lib/app-env';
import { loadEvent } from '../lib/event-files';
import { EventConfig, EventValidationError } from '../lib/event-model';
import { ENVIRONMENTS, isEnvironment } from '../lib/profiles';
import { badInput } from './errors';
import {
  AzureClient,
  EngineOptions,
  EventRef,
  FieldProblem,
  HealthProbe,
  LiveOptions,
} from './types';

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
  readonly packerBin: string;
  readonly health: { attempts: number; intervalMs: number };
  readonly terraformCloud: { baseUrl: string; token?: string };
  readonly debug: boolean;
  readonly preflight: boolean;
  readonly live: Required<LiveOptions>;
  azure(): AzureClient;
  readonly probe?: HealthProbe;
}

export function createContext(o: EngineOptions, defaultAzure: (env: Env) => AzureClient): Context {
  const projectDir = path.resolve(o.projectDir ?? path.join(__dirname, '..'));
  let azure = o.azure;
  const env = o.env ?? process.env;
  return {
    projectDir,
    eventsDir: path.resolve(o.eventsDir ?? path.join(projectDir, 'events')),
    stateDir: path.resolve(o.stateDir ?? path.join(projectDir, 'state')),
    logDir: path.resolve(o.logDir ?? path.join(projectDir, 'logs')),
    lockDir: path.resolve(o.lockDir ?? path.join(projectDir, '.locks')),
    now: o.now ?? (() => new Date()),
    env,
    cdktfBin: o.cdktfBin ?? path.join(projectDir, 'node_modules', '.bin', 'cdktf'),
    packerBin: o.packerBin ?? 'packer',
    health: o.health ?? { attempts: 40, intervalMs: 15_000 },
    terraformCloud: {
      baseUrl: o.terraformCloud?.baseUrl ?? 'https://app.terraform.io',
      token: o.terraformCloud?.token,
    },
    debug: o.debug ?? false,
    preflight: o.preflight ?? true,
    live: { intervalMs: 3000, timeoutMs: 2500, ...o.live },
    azure: () => (azure ??= defaultAzure(env)),
    probe: o.probe,
  };
}

/** What the event model reads besides the file: this engine's environment, state and clock. */
export function modelOptions(ctx: Context): { env: NodeJS.ProcessEnv; now: Date } {
  return {
    env: { ...ctx.env, [APP_ENV.stateDir]: ctx.stateDir } as NodeJS.ProcessEnv,
    now: ctx.now(),
  };
}

/**
 * Validates the reference and loads the event; every problem is bad input (exit 2), reported
 * together and each tagged with the request field it belongs to.
 */
export function loadEventConfig(ctx: Context, ref: EventRef): EventConfig {
  const fieldProblems: FieldProblem[] = [];
  const environmentOk = ref.environment === undefined || isEnvironment(ref.environment);
  if (!environmentOk) {
    fieldProblems.push({
      field: 'environment',
      message: `environment ${JSON.stringify(ref.environment)} is unknown; use one of ${ENVIRONMENTS.join(', ')}`,
    });
  }
  if (typeof ref.event !== 'string' || ref.event.trim() === '') {
    fieldProblems.push({ field: 'event', message: '--event is required' });
  } else {
    try {
      const event = loadEvent(ref.event, {
        ...modelOptions(ctx),
        environment: environmentOk ? ref.environment : undefined,
        eventsDir: ctx.eventsDir,
      });
      if (fieldProblems.length === 0) return event;
    } catch (err) {
      if (!(err instanceof EventValidationError)) throw err;
      // Everything the model finds is about the event: its name or its file.
      for (const message of err.problems) fieldProblems.push({ field: 'event', message });
    }
  }
  const problems = fieldProblems.map((p) => p.message);
  const onlyMissing = problems.length === 1 && problems[0] === '--event is required';
  throw badInput(
    problems.join('; '),
    onlyMissing
      ? 'name the event, e.g. --event "Conference-2025"'
      : 'fix the event file or the flags and retry',
    problems,
    fieldProblems,
  );
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
  return {
    ...nodePath(ctx),
    ...appTargetEnv({
      event: event.slug,
      environment: event.environment,
      stateDir: ctx.stateDir,
      eventsDir: ctx.eventsDir,
      createdAt: event.createdAt.toISOString(),
    }),
  };
}

/** An app outside the repository (a test's copy) resolves cdktf from the CLI's node_modules. */
export function nodePath(ctx: Context): { NODE_PATH: string } {
  const modules = path.resolve(path.dirname(ctx.cdktfBin), '..');
  return { NODE_PATH: [ctx.env.NODE_PATH, modules].filter(Boolean).join(path.delimiter) };
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
