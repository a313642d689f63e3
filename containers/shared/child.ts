import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { BackoffPolicy, DEFAULT_BACKOFF, backoffDelayMs } from './backoff';
import { log } from './log';

export interface ChildSpec {
  /** Label for logs and status; never the command line. */
  readonly name: string;
  readonly command: string;
  /** Runs before every (re)start, e.g. to pick fresh internal ports. */
  readonly prepare?: () => Promise<void>;
  readonly args: () => string[];
  readonly redact: (line: string) => string;
  /** Each output line (redacted, without ffmpeg's level tag) for state tracking. */
  readonly onLine?: (line: string) => void;
  /** The child's standard output, for a child that produces the media. */
  readonly onData?: (chunk: Buffer) => void;
  readonly onStart?: (stdin: Writable) => void;
  readonly onExit?: () => void;
  readonly backoff?: BackoffPolicy;
}

/** "-loglevel level+info" tags each line: "[h264 @ 0x5] [error] ...", "[info] Input #0". */
const FFMPEG_LEVEL =
  /^((?:\[[^\]]* @ [^\]]*\] )?)\[(trace|debug|verbose|info|warning|error|fatal|panic)\] /;
const CHATTY = new Set(['trace', 'debug', 'verbose', 'info']);

/**
 * Children die with the supervisor, even on SIGKILL: fd 3 is a lifeline only the supervisor
 * holds open, and a watcher in the child's process group kills the group when it reads EOF
 * there. fd 0 is handed on to the command untouched (the media of an output).
 */
const LIFELINE =
  'exec 4<&0; (cat >/dev/null; kill -KILL 0) <&3 >/dev/null 2>&1 4<&- & "$@" <&4 3<&- 4<&- & wait $!';

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

  /** Up, or between two attempts of a retry that has not yet failed for long. */
  get healthy(): boolean {
    return this.running || this.failuresInARow < 4;
  }

  async start(): Promise<void> {
    if (this.stopping || this.proc) return;
    await this.spec.prepare?.();
    if (this.stopping || this.proc) return;
    // detached: a process group of its own, so stop() reaches anything the child forks too.
    const proc = spawn(
      '/bin/sh',
      ['-c', LIFELINE, 'lifeline', this.spec.command, ...this.spec.args()],
      {
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
        // The passphrase reaches children through a private file only (secrets.ts).
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/' },
      },
    );
    this.proc = proc;
    this.startedAt = Date.now();
    const onLine = (raw: string): void => {
      const tag = FFMPEG_LEVEL.exec(raw);
      const line = this.spec.redact(tag ? tag[1] + raw.slice(tag[0].length) : raw);
      this.spec.onLine?.(line);
      // ffmpeg's info lines are for the supervisor to read; only problems reach the log.
      if (tag && CHATTY.has(tag[2])) return;
      if (line.trim() !== '') log(tag ? 'warn' : 'info', line, { child: this.spec.name });
    };
    if (this.spec.onData) proc.stdout!.on('data', this.spec.onData);
    else createInterface({ input: proc.stdout! }).on('line', onLine);
    createInterface({ input: proc.stderr! }).on('line', onLine);
    // A child that ends while media is written to it must not take the supervisor along.
    proc.stdin!.on('error', () => undefined);
    proc.on('error', (err) =>
      log('error', `cannot start: ${err.message}`, { child: this.spec.name }),
    );
    proc.on('exit', (code, signal) => this.exited(proc, code, signal));
    this.spec.onStart?.(proc.stdin!);
  }

  /** Restart now (a fresh stream needs a fresh decoder), without counting it as a failure. */
  recycle(): void {
    if (this.proc?.pid !== undefined) {
      this.failuresInARow = 0;
      killGroup(this.proc.pid, 'SIGKILL');
    }
  }

  /** SIGTERM the group, SIGKILL after `graceMs`; resolves once the child is gone. */
  async stop(graceMs = 2000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    const proc = this.proc;
    if (!proc || proc.pid === undefined) return;
    const pid = proc.pid;
    const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    killGroup(pid, 'SIGTERM');
    const hard = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
    await gone;
    clearTimeout(hard);
  }

  private exited(proc: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    // The command is gone; its lifeline watcher and anything it forked go now.
    if (proc.pid !== undefined) killGroup(proc.pid, 'SIGKILL');
    for (const s of proc.stdio) s?.destroy();
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

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
