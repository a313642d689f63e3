import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BackoffPolicy, DEFAULT_BACKOFF, backoffDelayMs } from './backoff';
import { log } from './log';

export interface ChildSpec {
  /** Label for logs and status; never the command line, which may carry a secret. */
  readonly name: string;
  readonly command: string;
  /** Runs before every (re)start, so a restart can pick fresh internal ports. */
  readonly prepare?: () => Promise<void>;
  readonly args: () => string[];
  readonly redact: (line: string) => string;
  /** Each output line (redacted) for state tracking. */
  readonly onLine?: (line: string) => void;
  readonly onStart?: () => void;
  readonly onExit?: () => void;
  readonly backoff?: BackoffPolicy;
}

/** Every live process group, so even an unexpected exit of the supervisor takes them along. */
const liveGroups = new Set<number>();
process.on('exit', () => {
  for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
});

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Keeps one child process running, restarting it with backoff, each in its own process group. */
export class SupervisedChild {
  restarts = 0;
  private proc?: ChildProcess;
  private failuresInARow = 0;
  private startedAt = 0;
  private timer?: NodeJS.Timeout;
  private stopping = false;

  constructor(private readonly spec: ChildSpec) {}

  get running(): boolean {
    return this.proc !== undefined;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  async start(): Promise<void> {
    if (this.stopping || this.proc) return;
    await this.spec.prepare?.();
    if (this.stopping || this.proc) return;
    const args = this.spec.args();
    // detached: a process group of its own, so stop() reaches anything the child forks too.
    const proc = spawn(this.spec.command, args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc = proc;
    this.startedAt = Date.now();
    if (proc.pid !== undefined) liveGroups.add(proc.pid);
    const onLine = (raw: string): void => {
      const line = this.spec.redact(raw);
      if (line.trim() !== '') log('info', line, { child: this.spec.name });
      this.spec.onLine?.(line);
    };
    createInterface({ input: proc.stdout! }).on('line', onLine);
    createInterface({ input: proc.stderr! }).on('line', onLine);
    proc.on('error', (err) =>
      log('error', `cannot start: ${err.message}`, { child: this.spec.name }),
    );
    proc.on('close', (code, signal) => this.exited(proc, code, signal));
    this.spec.onStart?.();
  }

  /** Restart now (a fresh stream needs a fresh decoder), without counting it as a failure. */
  recycle(): void {
    if (this.proc?.pid !== undefined) {
      this.failuresInARow = 0;
      killGroup(this.proc.pid, 'SIGTERM');
    }
  }

  /** SIGTERM the group, SIGKILL after `graceMs`; resolves once the child is gone. */
  async stop(graceMs = 2000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    const proc = this.proc;
    if (!proc || proc.pid === undefined) return;
    const pid = proc.pid;
    const gone = new Promise<void>((resolve) => proc.once('close', () => resolve()));
    killGroup(pid, 'SIGTERM');
    const hard = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
    await gone;
    clearTimeout(hard);
    // The group leader is gone; anything it left behind in its group goes now.
    killGroup(pid, 'SIGKILL');
  }

  private exited(proc: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (proc.pid !== undefined) {
      killGroup(proc.pid, 'SIGKILL');
      liveGroups.delete(proc.pid);
    }
    this.proc = undefined;
    this.spec.onExit?.();
    if (this.stopping) return;
    const policy = this.spec.backoff ?? DEFAULT_BACKOFF;
    if (Date.now() - this.startedAt > policy.resetAfterMs) this.failuresInARow = 0;
    this.failuresInARow += 1;
    const delay = backoffDelayMs(this.failuresInARow, policy);
    this.restarts += 1;
    log('warn', 'child exited; restarting', {
      child: this.spec.name,
      code: code ?? undefined,
      signal: signal ?? undefined,
      delayMs: delay,
    });
    this.timer = setTimeout(() => void this.start(), delay);
  }
}
