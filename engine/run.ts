/**
 * A run: its event history (for late subscribers), its redacted log file and its phases.
 * Commands write to the run; front ends only read from it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Redactor } from './redact';
import { toRunError } from './errors';
import {
  CommandName,
  EngineEvent,
  ExitCode,
  ExitCodeValue,
  Listener,
  LogEvent,
  LogLevel,
  PhaseName,
  Run,
  RunResult,
} from './types';

type Payload<E> = E extends EngineEvent ? Omit<E, 'runId' | 'seq' | 'at'> : never;

export class RunImpl<R extends RunResult> implements Run<R> {
  readonly result: Promise<R>;
  readonly redactor = new Redactor();
  readonly abort = new AbortController();
  private readonly events: EngineEvent[] = [];
  private readonly listeners = new Set<Listener>();
  private resolve!: (r: R) => void;
  private readonly startedAt: number;
  private done = false;
  /** Why the log file stopped being written (a full disk); the run goes on without it. */
  private logProblem?: string;
  /** Told of every child the run starts (its process group), e.g. to note it in the lock. */
  onChild?: (pid: number) => void;
  private logProblemUnsaid = false;

  constructor(
    readonly id: string,
    readonly command: CommandName,
    /** Undefined for commands that change nothing: they keep no log. */
    readonly logFile: string | undefined,
    private readonly now: () => Date,
    private readonly debug: boolean,
    private readonly onEvent: Listener,
    public event?: string,
  ) {
    this.result = new Promise<R>((resolve) => (this.resolve = resolve));
    this.startedAt = Date.now();
    if (logFile) {
      this.writeLog(() => {
        fs.mkdirSync(path.dirname(logFile), { recursive: true });
        // 0600: even redacted, a log names hosts and addresses an outsider has no need for.
        fs.writeFileSync(logFile, '', { mode: 0o600 });
      });
    }
  }

  get finished(): boolean {
    return this.done;
  }

  subscribe(listener: Listener, options: { replay?: boolean } = {}): () => void {
    if (options.replay !== false) for (const e of [...this.events]) listener(e);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  history(): readonly EngineEvent[] {
    return [...this.events];
  }

  cancel(): void {
    this.abort.abort();
  }

  emit(payload: Payload<EngineEvent>): void {
    const event = {
      ...this.redactor.redactDeep(payload),
      runId: this.id,
      seq: this.events.length,
      at: this.now().toISOString(),
    } as EngineEvent;
    this.events.push(event);
    if (this.logFile) this.writeLog(() => fs.appendFileSync(this.logFile!, `${logLine(event)}\n`));
    for (const l of [...this.listeners]) safeCall(l, event);
    safeCall(this.onEvent, event);
    // Said after the event whose write failed (after run-started when the file never opened).
    if (this.logProblemUnsaid && event.type !== 'done') {
      this.logProblemUnsaid = false;
      this.emit({ type: 'log', level: 'warn', source: 'engine', message: this.logProblem! });
    }
  }

  log(level: LogLevel, message: string, source: LogEvent['source'] = 'engine'): void {
    if (level === 'debug' && !this.debug) {
      // Debug lines still go to the file: that is where an operator looks afterwards.
      if (this.logFile) {
        const line = `${new Date().toISOString()} debug ${this.redactor.redact(message)}\n`;
        this.writeLog(() => fs.appendFileSync(this.logFile!, line));
      }
      return;
    }
    this.emit({ type: 'log', level, source, message });
  }

  /** Runs one phase; its elapsed time is reported whether it succeeds or throws. */
  async phase<T>(phase: PhaseName, label: string, body: () => Promise<T>): Promise<T> {
    this.emit({ type: 'phase-started', phase, label });
    const start = Date.now();
    try {
      const value = await body();
      this.emit({ type: 'phase-finished', phase, ok: true, elapsedMs: Date.now() - start });
      return value;
    } catch (err) {
      this.emit({ type: 'phase-finished', phase, ok: false, elapsedMs: Date.now() - start });
      throw err;
    }
  }

  /**
   * A log write that fails (ENOSPC, EIO, a removed folder) must not end the run: terraform may
   * be half-way through an apply, and its outcome still has to be reported. The first failure
   * is said once, in the events (which front ends show); the file is not tried again.
   */
  private writeLog(write: () => void): void {
    if (this.logProblem !== undefined) return;
    try {
      write();
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      this.logProblem = `log file ${this.logFile} could not be written (${e.code ?? e.message}); the run goes on without it`;
      this.logProblemUnsaid = true;
    }
  }

  elapsedMs(): number {
    return Date.now() - this.startedAt;
  }

  finish(result: R): void {
    if (this.done) return;
    const clean = this.redactor.redactDeep(result);
    this.emit({ type: 'done', result: clean });
    this.done = true;
    this.resolve(clean);
  }

  /** Common tail of every command: a thrown error becomes a failed result. */
  fail(err: unknown, base: Omit<R, keyof Common | 'error'>): void {
    const { error, exitCode } = this.abort.signal.aborted
      ? {
          error: { code: 'interrupted', message: 'interrupted' },
          exitCode: ExitCode.interrupted as ExitCodeValue,
        }
      : toRunError(err);
    if (error.stack) this.log('debug', error.stack);
    this.finish({ ...base, ...this.common(false, exitCode), error } as unknown as R);
  }

  common(ok: boolean, exitCode: ExitCodeValue): Common {
    return {
      ok,
      exitCode,
      runId: this.id,
      ...(this.logFile ? { logFile: this.logFile } : {}),
      ...(this.logProblem ? { logProblem: this.logProblem } : {}),
      elapsedMs: this.elapsedMs(),
    };
  }
}

export interface Common {
  ok: boolean;
  exitCode: ExitCodeValue;
  runId: string;
  logFile?: string;
  logProblem?: string;
  elapsedMs: number;
}

function safeCall(l: Listener, e: EngineEvent): void {
  try {
    l(e);
  } catch {
    // A broken listener (a closed browser tab) must not break the run.
  }
}

function logLine(e: EngineEvent): string {
  switch (e.type) {
    case 'run-started':
      return `${e.at} run ${e.runId} ${e.command}${e.event ? ` ${e.event}` : ''}`;
    case 'phase-started':
      return `${e.at} phase ${e.phase} started: ${e.label}`;
    case 'phase-finished':
      return `${e.at} phase ${e.phase} ${e.ok ? 'finished' : 'failed'} in ${e.elapsedMs} ms`;
    case 'log':
      return `${e.at} ${e.level} ${e.source === 'terraform' ? '[terraform] ' : ''}${e.message}`;
    case 'progress':
      return `${e.at} progress ready ${e.ready}/${e.total} (attempt ${e.attempt}/${e.maxAttempts})`;
    case 'done':
      return `${e.at} done exit ${e.result.exitCode} ${JSON.stringify(e.result)}`;
  }
}
