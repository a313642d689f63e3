/**
 * The three cdktf steps the engine runs: synthesize one event, deploy it, destroy it. Secrets
 * go in as TF_VAR_ values in the child's environment and nowhere else.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EventConfig } from '../lib/event-model';
import {
  SECRETS_VERSION_VARIABLE,
  SRT_PASSPHRASE_VARIABLE,
  tfVarEnv,
  youtubeKeyVariable,
} from '../lib/secrets';
import { childEnv, runChild } from './child';
import { appCommand, appEnv, Context, outDir } from './context';
import { EngineError } from './errors';
import { RunImpl } from './run';
import { ExitCode, RunResult } from './types';

export interface Secrets {
  /** By language. */
  readonly youtubeKeys: Readonly<Record<string, string>>;
  readonly srtPassphrase: string;
  /**
   * secrets_version: terraform writes a write-only argument (Key Vault's value_wo) only when
   * its version changes, so a deploy passes its own time in whole seconds and every deploy
   * writes the keys it was given. Not secret.
   */
  readonly version: number;
}

/** A deploy's secrets version: its time in whole seconds, growing from one deploy to the next. */
export function secretsVersionAt(time: Date): number {
  return Math.floor(time.getTime() / 1000);
}

export function secretEnv(event: EventConfig, secrets: Secrets): Record<string, string> {
  const env: Record<string, string> = {
    [tfVarEnv(SRT_PASSPHRASE_VARIABLE)]: secrets.srtPassphrase,
    [tfVarEnv(SECRETS_VERSION_VARIABLE)]: String(secrets.version),
  };
  for (const language of event.languages) {
    env[tfVarEnv(youtubeKeyVariable(language))] = secrets.youtubeKeys[language];
  }
  return env;
}

/**
 * Destroy evaluates the configuration, so every variable needs a value; the real keys are
 * not needed to delete anything, and asking the operator for them at teardown would be absurd.
 * A destroy writes no secret, so its version is the variable's default.
 */
export function placeholderSecrets(event: EventConfig): Secrets {
  const youtubeKeys: Record<string, string> = {};
  for (const language of event.languages) youtubeKeys[language] = 'teardown-placeholder-key';
  return { youtubeKeys, srtPassphrase: 'teardown-placeholder-passphrase', version: 1 };
}

type AnyRun = RunImpl<RunResult>;

/** One stack of the app, as the engine synthesizes and applies it. */
export interface StackTarget {
  /** cdktf stack name: the event slug, or platform-<env>. */
  readonly stack: string;
  /** Synth output folder, one per stack so two runs never share one. */
  readonly outDir: string;
  /** What the app reads to synthesize exactly this stack (lib/app-env.ts). */
  readonly appEnv: Record<string, string>;
}

export function eventTarget(ctx: Context, event: EventConfig): StackTarget {
  return { stack: event.slug, outDir: outDir(ctx, event), appEnv: appEnv(ctx, event) };
}

async function cdktf(
  ctx: Context,
  run: AnyRun,
  target: StackTarget,
  args: string[],
  extraEnv: Record<string, string>,
): Promise<{ ok: boolean; tail: readonly string[] }> {
  const prefix = new RegExp(`^${target.stack}\\s+`);
  const result = await runChild(ctx.cdktfBin, args, {
    cwd: ctx.projectDir,
    env: childEnv(ctx.env, { ...target.appEnv, ...extraEnv }),
    signal: run.abort.signal,
    onSpawn: (pid) => run.onChild?.(pid),
    // cdktf prefixes some lines with the stack name; the run is about one stack anyway.
    onLine: (line) => run.log('info', line.replace(prefix, ''), 'terraform'),
  });
  if (run.abort.signal.aborted)
    throw new EngineError('interrupted', 'interrupted', ExitCode.interrupted);
  return { ok: result.code === 0, tail: result.tail.map((l) => l.replace(prefix, '')) };
}

/** Runs the project's app for this one stack; returns the synthesized Terraform JSON. */
export async function synthStack(
  ctx: Context,
  run: AnyRun,
  target: StackTarget,
): Promise<TerraformJson> {
  const errored = path.join(target.outDir, 'stacks', target.stack, 'errored.tfstate');
  if (fs.existsSync(errored)) {
    // The only record of resources a failed run could not save; a synth would delete it.
    throw new EngineError(
      'errored-state',
      `${errored} holds state terraform could not save`,
      ExitCode.failed,
      `move it somewhere safe and push it back (terraform state push) or copy it over the event's state file, then retry`,
    );
  }
  fs.rmSync(target.outDir, { recursive: true, force: true });
  fs.mkdirSync(target.outDir, { recursive: true });
  const result = await runChild('sh', ['-c', appCommand(ctx)], {
    cwd: ctx.projectDir,
    env: childEnv(ctx.env, { ...target.appEnv, CDKTF_OUTDIR: target.outDir }),
    signal: run.abort.signal,
    onSpawn: (pid) => run.onChild?.(pid),
    onLine: (line) => run.log('info', line, 'terraform'),
  });
  if (result.code !== 0) {
    throw new EngineError(
      'synth-failed',
      `synthesizing ${target.stack} failed: ${errorLine(result.tail) ?? `exit code ${result.code}`}`,
      result.code === 2 ? ExitCode.badInput : ExitCode.failed,
      'see the log file for the full output',
    );
  }
  return readStackJson(target);
}

/** Runs the project's app for this one event; returns the synthesized Terraform JSON. */
export function synth(ctx: Context, run: AnyRun, event: EventConfig): Promise<TerraformJson> {
  return synthStack(ctx, run, eventTarget(ctx, event));
}

export interface TerraformJson {
  resource?: Record<string, Record<string, { depends_on?: string[]; [k: string]: unknown }>>;
  data?: Record<string, Record<string, unknown>>;
  output?: Record<string, unknown>;
  terraform?: Record<string, unknown>;
}

function readStackJson(target: StackTarget): TerraformJson {
  const file = path.join(target.outDir, 'stacks', target.stack, 'cdk.tf.json');
  if (!fs.existsSync(file)) {
    throw new EngineError(
      'synth-failed',
      `the app produced no stack named ${target.stack}`,
      ExitCode.failed,
      'check that the app names its stack by the event slug',
    );
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as TerraformJson;
}

export function readSynth(ctx: Context, event: EventConfig): TerraformJson {
  return readStackJson(eventTarget(ctx, event));
}

/** `cdktf deploy|destroy` of an already synthesized stack. */
export function applyStack(
  verb: 'deploy' | 'destroy',
  ctx: Context,
  run: AnyRun,
  target: StackTarget,
  env: Record<string, string> = {},
) {
  const args = [verb, target.stack, '--auto-approve', '--skip-synth', '--no-color'];
  return cdktf(ctx, run, target, [...args, '--output', target.outDir], env);
}

export function deploy(ctx: Context, run: AnyRun, event: EventConfig, secrets: Secrets) {
  return applyStack('deploy', ctx, run, eventTarget(ctx, event), secretEnv(event, secrets));
}

export function destroy(ctx: Context, run: AnyRun, event: EventConfig, secrets?: Secrets) {
  return applyStack(
    'destroy',
    ctx,
    run,
    eventTarget(ctx, event),
    secretEnv(event, secrets ?? placeholderSecrets(event)),
  );
}

/** cdktf's own wrappers around terraform's error: they name the step, not the cause. */
const WRAPPER = /^(terraform \w+ failed with exit code \d+|Invoking Terraform CLI failed)/i;
/** Where terraform says which file and line an error is about; not the cause itself. */
const CONTEXT = /^(with |on \S+ line \d+|\d+:\s)/;
/** Lines that end an error's detail: the next message, or cdktf's progress. */
const END = /^(error:|warning:|\d+ stacks? |invoking terraform)/i;

/**
 * The cause of a failed child, for the first line of a report: terraform's first "Error:"
 * with the detail under it (not cdktf's "terraform init failed with exit code 1"), else the
 * last line that mentions an error.
 */
export function errorLine(tail: readonly string[]): string | undefined {
  const lines = tail.map((l) => l.replace(/^[\s│╷╵]*/, '').trim());
  const start = lines.findIndex((l) => /^error:\s/i.test(l) && !WRAPPER.test(l.slice(6).trim()));
  if (start >= 0) {
    const summary = lines[start].replace(/^error:\s*/i, '');
    const detail: string[] = [];
    // The detail is the first paragraph under the summary that is not about file and line.
    for (const line of lines.slice(start + 1)) {
      if (END.test(line) || detail.length >= 8) break;
      if (line === '') {
        if (detail.length > 0) break;
        continue;
      }
      if (!CONTEXT.test(line)) detail.push(line);
    }
    const text = detail.length > 0 ? `${summary}: ${detail.join(' ')}` : summary;
    return text.length > 400 ? `${text.slice(0, 399)}…` : text;
  }
  return [...lines].reverse().find((l) => /error/i.test(l));
}
