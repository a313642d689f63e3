/**
 * Reads every deployed event's parts on an interval while anyone listens, and hands each
 * round to every listener: one poller for all open pages, idle when none is open. Events are
 * those with local state (the same as `list`); each round re-reads the state files, so an
 * event deployed or torn down by the CLI appears or goes at the next round.
 */
import { isEnvironment } from '../../lib/profiles';
import type { EventOutputs } from '../../lib/stack-outputs';
import { credentialFileBeside, readCredential } from '../credentials';
import { scanLocalStates, StateView } from '../state';
import { readEventLive, StatusFetcher } from './read';
import type { EventLive, LiveListener, LiveOptions, LiveSnapshot } from './types';

/**
 * The outputs a reader needs and the status token, read from the owner-only file the deploy
 * left beside the state (engine/credentials.ts), never from state; it never leaves the engine.
 * No token on a machine that did not deploy the event.
 */
export function liveInputs(
  view: StateView,
  stateFile: string,
): { outputs: EventOutputs; token?: string } {
  const outputs: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(view.outputs)) if (!v.sensitive) outputs[k] = v.value;
  const token = readCredential(credentialFileBeside(stateFile, 'statusToken'));
  return { outputs: outputs as EventOutputs, ...(token ? { token } : {}) };
}

export class LiveWatch {
  private readonly listeners = new Set<LiveListener>();
  private timer?: NodeJS.Timeout;
  private reading = false;
  private latest?: LiveSnapshot;

  constructor(
    private readonly stateDir: string,
    private readonly now: () => Date,
    private readonly options: Required<LiveOptions>,
    private readonly fetcher?: StatusFetcher,
  ) {}

  /** The listener gets the latest round at once (when there is one), then every new one. */
  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    if (this.latest) safeCall(listener, this.latest);
    if (this.listeners.size === 1) this.schedule(0);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
    };
  }

  /** One round now, for every event (also used by a caller that does not subscribe). */
  async readAll(): Promise<LiveSnapshot> {
    const states = scanLocalStates(this.stateDir);
    const events: EventLive[] = await Promise.all(
      states
        .filter((s) => isEnvironment(s.environment))
        .map((s) => {
          const { outputs, token } = liveInputs(s.view, s.file);
          return readEventLive(
            { event: s.event, environment: s.environment, outputs, token },
            { fetcher: this.fetcher, timeoutMs: this.options.timeoutMs, now: this.now },
          );
        }),
    );
    return { at: this.now().toISOString(), events };
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.round(), delayMs);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    if (this.reading || this.listeners.size === 0) return;
    this.reading = true;
    try {
      this.latest = await this.readAll();
    } catch {
      // A state folder that vanished mid-round: the next round tries again.
    } finally {
      this.reading = false;
    }
    if (this.latest) for (const l of [...this.listeners]) safeCall(l, this.latest);
    if (this.listeners.size > 0) this.schedule(this.options.intervalMs);
  }
}

function safeCall(listener: LiveListener, snapshot: LiveSnapshot): void {
  try {
    listener(snapshot);
  } catch {
    // A broken listener (a closed page) must not stop the others.
  }
}
