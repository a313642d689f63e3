import { Redactor } from '../engine';

/**
 * A second line of defence behind the engine's own redaction: the dashboard remembers every
 * secret a deploy was started with and masks them all in everything it sends, whichever run
 * or route it comes from, so a leak in the engine (or a terraform line it failed to catch)
 * still never reaches a browser. Values live only in this process's memory, where the
 * engine's per-run redactors hold them anyway.
 */
export const MASK = '[redacted]';

export class Scrubber {
  private readonly redactor = new Redactor(MASK);

  remember(values: readonly string[]): void {
    this.redactor.add(...values);
  }

  /** Deep-copies a JSON-like value with every remembered secret masked. */
  scrub<T>(value: T): T {
    return this.redactor.redactDeep(value);
  }
}
