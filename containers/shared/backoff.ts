/** Restart delays double from `baseMs` up to `maxMs`, so a crash loop costs little CPU. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  /** A child that stayed up this long counts as healthy again: the next failure starts over. */
  readonly resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 250, maxMs: 8000, resetAfterMs: 10000 };

export function backoffDelayMs(failuresInARow: number, policy: BackoffPolicy): number {
  const exp = Math.min(Math.max(failuresInARow - 1, 0), 20);
  return Math.min(policy.baseMs * 2 ** exp, policy.maxMs);
}
