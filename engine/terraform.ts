/**
 * The three cdktf steps the engine runs: synthesize one event, deploy it, destroy it. Secrets
 * go in as TF_VAR_ values in the child's environment and nowhere else.
 */
import * as fs from 'node:fs';
import { EventConfig } from '../lib/event-model';
import { SRT_PASSPHRASE_VARIABLE, tfVarEnv, youtubeKeyVariable } from '../lib/secrets';
import { childEnv, runChild } from './child';
import { appCommand, appEnv, Context, outDir, stackDir } from './context';
import { EngineError } from './errors';
import { RunImpl } from './run';
import { ExitCode, RunResult } from './types';

export interface Secrets {
  /** By language. */
  readonly youtubeKeys: Readonly<Record<string, string>>;
  readonly srtPassphrase: string;
}

export function secretEnv(event: EventConfig, secrets: Secrets): Record<string, string> {
  const env: Record<string, string> = {
    [tfVarEnv(SRT_PASSPHRASE_VARIABLE)]: secrets.srtPassphrase,
  };
  for (const language of event.languages) {
    env[tfVarEnv(youtubeKeyVariable(language))] = secrets.youtubeKeys[language];
  }
  return env;
}

/**
 * Destroy evaluates the configuration, so every variable needs a value; the real keys are
 * not needed to delete anything, and asking the operator for them at teardown would be absurd.
 */
export function placeholderSecrets(event: EventConfig): Secrets {
  const youtubeKeys: Record<string, string> = {};
  for (const language of event.languages) youtubeKeys[language] = 'teardown-placeholder-key';
  return { youtubeKeys, srtPassphrase: 'teardown-placeholder-passphrase' };
}

type AnyRun = RunImpl<RunResult>;

async function cdktf(
  ctx: Context,
  run: AnyRun,
  event: EventConfig,
  args: string[],
  extraEnv: Record<string, string>,
): Promise<{ ok: boolean; tail: readonly string[] }> {
  const prefix = new RegExp(`^${event.slug}\\s+`);
  const result = await runChild(ctx.cdktfBin, args, {
    cwd: ctx.projectDir,
    env: childEnv(ctx.env, { ...appEnv(ctx, event), ...extraEnv }),
    signal: run.abort.signal,
    // cdktf prefixes some lines with the stack name; the run is about one stack anyway.
    onLine: (line) => run.log('info', line.replace(prefix, ''), 'terraform'),
  });
  if (run.abort.signal.aborted)
    throw new EngineError('interrupted', 'interrupted', ExitCode.interrupted);
  return { ok: result.code === 0, tail: result.tail };
}

/** Runs the project's app for this one event; returns the synthesized Terraform JSON. */
export async function synth(ctx: Context, run: AnyRun, event: EventConfig): Promise<TerraformJson> {
  const dir = outDir(ctx, event);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const result = await runChild('sh', ['-c', appCommand(ctx)], {
    cwd: ctx.projectDir,
    env: childEnv(ctx.env, { ...appEnv(ctx, event), CDKTF_OUTDIR: dir }),
    signal: run.abort.signal,
    onLine: (line) => run.log('info', line, 'terraform'),
  });
  if (result.code !== 0) {
    throw new EngineError(
      'synth-failed',
      `synthesizing ${event.slug} failed: ${errorLine(result.tail) ?? `exit code ${result.code}`}`,
      result.code === 2 ? ExitCode.badInput : ExitCode.failed,
      'see the log file for the full output',
    );
  }
  return readSynth(ctx, event);
}

export interface TerraformJson {
  resource?: Record<string, Record<string, { depends_on?: string[]; [k: string]: unknown }>>;
  data?: Record<string, Record<string, unknown>>;
  output?: Record<string, unknown>;
  terraform?: Record<string, unknown>;
}

export function readSynth(ctx: Context, event: EventConfig): TerraformJson {
  const file = `${stackDir(ctx, event)}/cdk.tf.json`;
  if (!fs.existsSync(file)) {
    throw new EngineError(
      'synth-failed',
      `the app produced no stack named ${event.slug}`,
      ExitCode.failed,
      'check that the app names its stack by the event slug',
    );
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as TerraformJson;
}

/** `cdktf deploy|destroy` of the already synthesized event stack. */
function applyVerb(
  verb: 'deploy' | 'destroy',
  ctx: Context,
  run: AnyRun,
  event: EventConfig,
  env: Record<string, string>,
) {
  const args = [verb, event.slug, '--auto-approve', '--skip-synth', '--no-color'];
  return cdktf(ctx, run, event, [...args, '--output', outDir(ctx, event)], env);
}

export function deploy(ctx: Context, run: AnyRun, event: EventConfig, secrets: Secrets) {
  return applyVerb('deploy', ctx, run, event, secretEnv(event, secrets));
}

export function destroy(ctx: Context, run: AnyRun, event: EventConfig, secrets?: Secrets) {
  return applyVerb(
    'destroy',
    ctx,
    run,
    event,
    secretEnv(event, secrets ?? placeholderSecrets(event)),
  );
}

/** The most telling line of a failed child's output. */
export function errorLine(tail: readonly string[]): string | undefined {
  return [...tail]
    .reverse()
    .find((l) => /error/i.test(l))
    ?.replace(/^[\s│╷╵]*/, '')
    .trim();
}
