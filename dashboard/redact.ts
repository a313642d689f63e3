/**
 * A second line of defence behind the engine's own redaction: the dashboard remembers the
 * secrets each run was started with and scrubs them from everything it sends about that run,
 * so a leak in the engine (or a terraform line it failed to catch) still never reaches a
 * browser. Values live only in this process's memory, where the engine holds them anyway.
 */
export const MASK = '[redacted]';

/** Shorter values would mask ordinary words; the engine refuses keys this short anyway. */
const MIN_SECRET_LENGTH = 4;

export class Scrubber {
  private readonly secrets = new Map<string, string[]>();

  remember(runId: string, values: readonly string[]): void {
    const kept = values.filter((v) => v.length >= MIN_SECRET_LENGTH);
    // Longest first so a secret that contains another is masked whole.
    kept.sort((a, b) => b.length - a.length);
    this.secrets.set(runId, kept);
  }

  /** Deep-copies a JSON-like value with every remembered secret of the run masked. */
  scrub<T>(runId: string | undefined, value: T): T {
    const secrets = runId ? this.secrets.get(runId) : undefined;
    if (!secrets || secrets.length === 0) return value;
    return JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
      typeof v === 'string' ? maskAll(v, secrets) : v,
    ) as T;
  }
}

function maskAll(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(MASK);
  }
  return out;
}
