/**
 * What an event's state holds. Local state is read straight from its file (offline, fast);
 * remote state through `terraform` in the event's synthesized stack folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EventConfig } from '../lib/event-model';
import { ENVIRONMENTS, EnvironmentName } from '../lib/profiles';
import { childEnv, runChild } from './child';
import { Context, localStateFile, stackDir } from './context';
import { RunImpl } from './run';
import { EngineError } from './errors';
import { errorLine } from './terraform';
import { EventOutputs, ExitCode, RunResult } from './types';

interface StateFile {
  resources?: {
    mode?: string;
    type: string;
    name: string;
    module?: string;
    instances?: unknown[];
  }[];
  outputs?: Record<string, { value: unknown; sensitive?: boolean }>;
}

export interface StateView {
  /** Managed resource addresses; empty when nothing is deployed. */
  readonly resources: readonly string[];
  readonly outputs: Record<string, { value: unknown; sensitive: boolean }>;
  /** False when no state exists at all (never deployed, or deleted). */
  readonly exists: boolean;
}

export function readLocalState(file: string): StateView {
  if (!fs.existsSync(file)) return { resources: [], outputs: {}, exists: false };
  let json: StateFile;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8')) as StateFile;
  } catch (err) {
    // Name the file: with many events, "Unexpected end of JSON input" says nothing.
    throw new EngineError(
      'state-unreadable',
      `state file ${file} cannot be read (${(err as Error).message.split('\n')[0]})`,
      ExitCode.failed,
      `restore it from ${path.basename(file)}.backup or a copy, or move it aside if the event is gone; other events are not affected`,
    );
  }
  const resources = (json.resources ?? [])
    .filter((r) => r.mode !== 'data' && (r.instances?.length ?? 1) > 0)
    .map((r) => `${r.module ? `${r.module}.` : ''}${r.type}.${r.name}`)
    .sort();
  const outputs: StateView['outputs'] = {};
  for (const [k, v] of Object.entries(json.outputs ?? {})) {
    outputs[k] = { value: v.value, sensitive: v.sensitive === true };
  }
  return { resources, outputs, exists: true };
}

/** One event with local state under stateDir/<environment>/<slug>.tfstate. */
export interface LocalEventState {
  readonly event: string;
  readonly environment: EnvironmentName;
  readonly file: string;
  readonly view: StateView;
}

/**
 * Every event of this machine's local state that holds resources, by environment then name.
 * A file that cannot be read is skipped and named to onProblem, so one damaged file never
 * hides the other events.
 */
export function scanLocalStates(
  stateDir: string,
  onProblem: (file: string, message: string) => void = () => undefined,
): LocalEventState[] {
  const out: LocalEventState[] = [];
  for (const environment of ENVIRONMENTS) {
    const dir = path.join(stateDir, environment);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.tfstate'))
      .sort()) {
      const file = path.join(dir, name);
      let view: StateView;
      try {
        view = readLocalState(file);
      } catch (err) {
        onProblem(file, (err as Error).message);
        continue;
      }
      if (view.resources.length === 0) continue;
      out.push({ event: name.replace(/\.tfstate$/, ''), environment, file, view });
    }
  }
  return out;
}

async function terraformJson(
  ctx: Context,
  run: RunImpl<RunResult>,
  event: EventConfig,
  args: string[],
): Promise<string> {
  const out: string[] = [];
  const result = await runChild('terraform', args, {
    cwd: stackDir(ctx, event),
    env: childEnv(ctx.env, {}),
    signal: run.abort.signal,
    onSpawn: (pid) => run.onChild?.(pid),
    onLine: (line, stream) =>
      stream === 'stdout' ? out.push(line) : run.log('debug', line, 'terraform'),
  });
  if (result.code !== 0)
    throw new Error(
      `terraform ${args[0]} failed: ${errorLine(result.tail) ?? `exit ${result.code}`}`,
    );
  return out.join('\n');
}

/** Reads the event's state wherever its backend keeps it. */
export async function readState(
  ctx: Context,
  run: RunImpl<RunResult>,
  event: EventConfig,
): Promise<StateView> {
  if (event.stateBackend.kind === 'local') return readLocalState(localStateFile(ctx, event));
  if (!fs.existsSync(stackDir(ctx, event))) return { resources: [], outputs: {}, exists: false };
  const list = await terraformJson(ctx, run, event, ['state', 'list']);
  const outputsText = await terraformJson(ctx, run, event, ['output', '-json']);
  const raw = JSON.parse(outputsText || '{}') as Record<
    string,
    { value: unknown; sensitive?: boolean }
  >;
  const outputs: StateView['outputs'] = {};
  for (const [k, v] of Object.entries(raw))
    outputs[k] = { value: v.value, sensitive: v.sensitive === true };
  const resources = list.split('\n').filter((l) => l && !l.startsWith('data.'));
  return { resources, outputs, exists: true };
}

/** Outputs as the front ends see them: sensitive values dropped unless asked for. */
export function shapeOutputs(
  view: StateView,
  showSecrets: boolean,
): { outputs: EventOutputs; redacted: string[] } {
  const outputs: Record<string, unknown> = {};
  const redacted: string[] = [];
  for (const [k, v] of Object.entries(view.outputs)) {
    if (v.sensitive && !showSecrets) redacted.push(k);
    else outputs[k] = v.value;
  }
  return { outputs: outputs as EventOutputs, redacted: redacted.sort() };
}

/** What the state holds now, read rather than assumed; a read that fails says why. */
export async function whatRemains(
  ctx: Context,
  run: RunImpl<RunResult>,
  event: EventConfig,
): Promise<{ resources: readonly string[]; problem?: undefined } | { problem: string }> {
  try {
    return { resources: (await readState(ctx, run, event)).resources };
  } catch (err) {
    return { problem: (err as Error).message.split('\n')[0] };
  }
}

/**
 * State folders are owner-only: a state holds every output and whatever a provider stores
 * (the mixers' admin password, for one). terraform creates its files 0644; inside a 0700
 * folder nobody else can reach them, and they are made 0600 after each run.
 */
export function secureStateFolder(file: string): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const d of [path.dirname(dir), dir]) fs.chmodSync(d, 0o700);
}

/** After terraform wrote: the state and its backup readable by their owner only. */
export function tightenStateFiles(file: string): void {
  for (const f of [file, `${file}.backup`]) {
    try {
      fs.chmodSync(f, 0o600);
    } catch {
      // not written (nothing applied yet)
    }
  }
}

/**
 * After a teardown that left nothing: terraform's backup is the whole pre-destroy state, the
 * one copy of what the event held. Nothing needs it any more.
 */
export function dropStateBackup(file: string): void {
  fs.rmSync(`${file}.backup`, { force: true });
}

export interface RecoveredState {
  /** Where terraform's errored.tfstate is now. */
  readonly file: string;
  /** Resources it holds, or why it could not be read. */
  readonly resources?: readonly string[];
  readonly problem?: string;
}

/**
 * terraform writes errored.tfstate into its working folder when it cannot save state (a full
 * disk, a lost backend): then it is the only record of what exists. The next synth empties that
 * folder, so it is moved out at once, never over another file: beside the state, else (that
 * folder may be the full one) into <project>/recovered-state.
 */
export function recoverErroredState(
  stackFolder: string,
  stateFile: string,
  runId: string,
  projectDir: string,
): RecoveredState | undefined {
  const errored = path.join(stackFolder, 'errored.tfstate');
  if (!fs.existsSync(errored)) return undefined;
  const name = `${path.basename(stateFile)}.errored-${runId}`;
  let file = errored;
  for (const dir of [path.dirname(stateFile), path.join(projectDir, 'recovered-state')]) {
    const target = path.join(dir, name);
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      try {
        fs.renameSync(errored, target);
      } catch {
        fs.copyFileSync(errored, target, fs.constants.COPYFILE_EXCL);
        fs.rmSync(errored);
      }
      fs.chmodSync(target, 0o600);
      file = target;
      break;
    } catch {
      fs.rmSync(target, { force: true }); // a partial copy on a full disk
    }
  }
  try {
    return { file, resources: readLocalState(file).resources };
  } catch (err) {
    return { file, problem: (err as Error).message };
  }
}
