/**
 * One lock file per event (<lockDir>/<environment>-<slug>.lock), created with O_EXCL so two
 * runs cannot both win. It names its holder; a holder whose pid is gone on this host is stale
 * and the lock is taken over, since a crashed run must not block the next event.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineError } from './errors';
import { CommandName, ExitCode, LockHolder } from './types';

export function lockPath(lockDir: string, environment: string, slug: string): string {
  return path.join(lockDir, `${environment}-${slug}.lock`);
}

export function readLock(file: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the run is known dead: same host, and neither its process nor its children live. */
export function isStale(holder: LockHolder): boolean {
  return (
    holder.host === os.hostname() &&
    !alive(holder.pid) &&
    !(holder.processGroups ?? []).some(groupAlive)
  );
}

export function describeHolder(h: LockHolder): string {
  return `${h.command} run ${h.runId} by ${h.user}@${h.host} pid ${h.pid} since ${h.startedAt}`;
}

export interface Lock {
  readonly file: string;
  /** Set when a dead holder's lock was taken over. */
  readonly replaced?: LockHolder;
  /** Records a child's process group in the lock file (see LockHolder.processGroups). */
  addProcessGroup(pgid: number): void;
  release(): void;
}

export function acquireLock(
  lockDir: string,
  environment: string,
  slug: string,
  who: { command: CommandName; runId: string; now: Date },
): Lock {
  fs.mkdirSync(lockDir, { recursive: true });
  const file = lockPath(lockDir, environment, slug);
  const holder: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    user: os.userInfo().username,
    command: who.command,
    runId: who.runId,
    startedAt: who.now.toISOString(),
  };
  let replaced: LockHolder | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(holder, null, 2), { flag: 'wx' });
      const groups: number[] = [];
      return {
        file,
        replaced,
        addProcessGroup: (pgid) => {
          if (readLock(file)?.runId !== holder.runId) return;
          groups.push(pgid);
          // Written beside and renamed over: a reader never sees half a lock file.
          const next = `${file}.${process.pid}.tmp`;
          fs.writeFileSync(next, JSON.stringify({ ...holder, processGroups: groups }, null, 2));
          fs.renameSync(next, file);
        },
        release: () => {
          if (readLock(file)?.runId === holder.runId) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const current = readLock(file);
      if (current && !isStale(current)) {
        throw new EngineError(
          'locked',
          `event ${slug} (${environment}) is locked by ${describeHolder(current)}`,
          ExitCode.locked,
          `wait for that run to finish; if it is gone, delete ${file}`,
          { holder: current },
        );
      }
      // Dead holder, or a torn file from a crash mid-write: take it over once.
      replaced = current;
      fs.rmSync(file, { force: true });
    }
  }
  throw new EngineError(
    'locked',
    `could not take the lock ${file}`,
    ExitCode.locked,
    `delete ${file} if no run is active`,
  );
}
