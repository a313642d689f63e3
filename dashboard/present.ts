/**
 * The shapes the page receives. Everything about a run goes through here so sensitive
 * outputs, debug stacks and remembered secrets are stripped in one place.
 */
import type { EngineEvent, EventOutputs, Run, RunError, RunResult } from '../engine';
import type { Scrubber } from './redact';

/** Commands whose runs the page shows in the live log; queries stay out of it. */
export const LOGGED_COMMANDS: ReadonlySet<string> = new Set(['deploy', 'teardown', 'cleanup']);

const SENSITIVE_OUTPUT = /password|passphrase|secret|token|key/i;

export interface RunSummary {
  readonly id: string;
  readonly command: string;
  readonly event?: string;
  readonly environment?: string;
  readonly logFile?: string;
  readonly startedAt?: string;
  readonly finished: boolean;
  readonly ok?: boolean;
  readonly exitCode?: number;
  readonly error?: RunError;
}

export function safeOutputs(outputs: EventOutputs | undefined): EventOutputs | undefined {
  if (!outputs) return undefined;
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(outputs)) {
    if (!SENSITIVE_OUTPUT.test(name)) kept[name] = value;
  }
  return kept as EventOutputs;
}

function safeError(error: RunError | undefined): RunError | undefined {
  if (!error) return undefined;
  // Stacks are for --debug on the operator's own terminal, not for a browser.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { stack, ...rest } = error;
  return rest;
}

export function safeResult(result: RunResult): RunResult {
  const copy: Record<string, unknown> = { ...result };
  if ('outputs' in result) copy.outputs = safeOutputs(result.outputs as EventOutputs);
  if (result.error) copy.error = safeError(result.error);
  return copy as unknown as RunResult;
}

export function presentEvent(scrubber: Scrubber, event: EngineEvent): EngineEvent {
  const shaped = event.type === 'done' ? { ...event, result: safeResult(event.result) } : event;
  return scrubber.scrub(shaped);
}

function resultOf(run: Run): RunResult | undefined {
  const history = run.history();
  const last = history[history.length - 1];
  return last?.type === 'done' ? last.result : undefined;
}

/** `done` is passed by listeners that see the run end before its history says so. */
export function summarize(scrubber: Scrubber, run: Run, done?: RunResult): RunSummary {
  const first = run.history()[0];
  const result = done ?? resultOf(run);
  const environment = result && 'environment' in result ? result.environment : undefined;
  return scrubber.scrub({
    id: run.id,
    command: run.command,
    ...(run.event ? { event: run.event } : {}),
    ...(environment ? { environment } : {}),
    logFile: run.logFile,
    ...(first ? { startedAt: first.at } : {}),
    finished: run.finished || result !== undefined,
    ...(result
      ? {
          ok: result.ok,
          exitCode: result.exitCode,
          ...(result.error ? { error: safeError(result.error) } : {}),
        }
      : {}),
  });
}
