import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Every process a test starts, so afterEach/afterAll can end them all, group by group. */
const started = new Set<ChildProcess>();

export function launch(cmd: string, args: string[], opts: SpawnOptions = {}): ChildProcess {
  const p = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  started.add(p);
  p.once('exit', () => started.delete(p));
  return p;
}

export function exited(p: ChildProcess): Promise<number | null> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve(p.exitCode);
  return new Promise((resolve) => p.once('exit', (code) => resolve(code)));
}

export function killGroup(p: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (p.pid === undefined) return;
  try {
    process.kill(-p.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Kills everything still running that this test file started, with whatever it spawned. */
export async function killAll(): Promise<void> {
  const procs = [...started];
  for (const p of procs) {
    const tree = p.pid === undefined ? [] : descendants(p.pid);
    killGroup(p);
    for (const d of tree) killPid(d.pid);
  }
  await Promise.all(procs.map(exited));
}

export function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

export interface ProcInfo {
  readonly pid: number;
  readonly startTime: string;
}

function stat(pid: number): { ppid: number; startTime: string } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), startTime: fields[19] };
  } catch {
    return undefined;
  }
}

/** All processes below `root`, with start times so a reused pid is not mistaken for a survivor. */
export function descendants(root: number): ProcInfo[] {
  const children = new Map<number, ProcInfo[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const s = stat(pid);
    if (!s) continue;
    const list = children.get(s.ppid) ?? [];
    list.push({ pid, startTime: s.startTime });
    children.set(s.ppid, list);
  }
  const out: ProcInfo[] = [];
  const walk = (pid: number): void => {
    for (const c of children.get(pid) ?? []) {
      out.push(c);
      walk(c.pid);
    }
  };
  walk(root);
  return out;
}

export function stillAlive(p: ProcInfo): boolean {
  const s = stat(p.pid);
  return s !== undefined && s.startTime === p.startTime;
}

/** Polls instead of sleeping, bounded: robust on a loaded two-core machine. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
