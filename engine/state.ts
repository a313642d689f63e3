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
import { errorLine } from './terraform';
import { EventOutputs, RunResult } from './types';

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
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as StateFile;
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

/** Every event of this machine's local state that holds resources, by environment then name. */
export function scanLocalStates(stateDir: string): LocalEventState[] {
  const out: LocalEventState[] = [];
  for (const environment of ENVIRONMENTS) {
    const dir = path.join(stateDir, environment);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.tfstate'))
      .sort()) {
      const file = path.join(dir, name);
      // A state file being rewritten by terraform can be caught half written.
      let view: StateView;
      try {
        view = readLocalState(file);
      } catch {
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
