/**
 * A second line of defence behind the engine's own redaction: the dashboard remembers every
 * secret a deploy was started with and masks them all in everything it sends, whichever run
 * or route it comes from, so a leak in the engine (or a terraform line it failed to catch)
 * still never reaches a browser. Values live only in this process's memory, where the
 * engine's per-run redactors hold them anyway.
 */
export const MASK = '[redacted]';

/** Shorter values would mask ordinary words; the engine refuses keys this short anyway. */
const MIN_SECRET_LENGTH = 4;

export class Scrubber {
  private secrets: string[] = [];

  remember(values: readonly string[]): void {
    const all = new Set([...this.secrets, ...values.filter((v) => v.length >= MIN_SECRET_LENGTH)]);
    // Longest first so a secret that contains another is masked whole.
    this.secrets = [...all].sort((a, b) => b.length - a.length);
  }

  /** Deep-copies a JSON-like value with every remembered secret masked. */
  scrub<T>(value: T): T {
    const secrets = this.secrets;
    if (secrets.length === 0) return value;
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
