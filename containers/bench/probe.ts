import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(ppid, [...(map.get(ppid) ?? []), pid]);
    } catch {
      // Gone meanwhile.
    }
  }
  return map;
}

/** The pids and every descendant: a relay is its supervisor plus all its children. */
export function withDescendants(roots: number[]): number[] {
  const map = children();
  const out: number[] = [];
  const walk = (pid: number): void => {
    out.push(pid);
    for (const c of map.get(pid) ?? []) walk(c);
  };
  roots.forEach(walk);
  return out;
}

export function cpuTicks(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      total += Number(f[11]) + Number(f[12]);
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

export function rssMiB(pids: number[]): number {
  let kib = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kib += m ? Number(m[1]) : 0;
    } catch {
      // Gone meanwhile.
    }
  }
  return kib / 1024;
}

/** CPU over a window, as percent of one core. */
export async function measureCpu(pids: () => number[], seconds: number): Promise<number> {
  const before = cpuTicks(pids());
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const ticks = cpuTicks(pids()) - before;
  return (ticks / TICKS_PER_SECOND / ((Date.now() - t0) / 1000)) * 100;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
