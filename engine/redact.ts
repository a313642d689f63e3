/**
 * Replaces every secret value of a run with a marker before a line reaches an event, the
 * log file or a result. Fed with every key and passphrase as soon as the run knows it, so a
 * value terraform echoes back (an error message quoting a variable, say) is caught too. The
 * dashboard keeps one more across all runs (dashboard/redact.ts).
 */
export class Redactor {
  private ordered: string[] = [];

  constructor(private readonly marker = '***') {}

  add(...values: readonly (string | undefined)[]): void {
    // Very short values would blank ordinary words; the validator refuses such keys anyway.
    const fresh = values.filter((v): v is string => v !== undefined && v.length >= 4);
    // Longest first, so a secret that contains another is replaced whole.
    this.ordered = [...new Set([...this.ordered, ...fresh])].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.ordered) {
      if (out.includes(secret)) out = out.split(secret).join(this.marker);
    }
    return out;
  }

  /** Deep copy of a JSON-like value with every string redacted (escaping cannot hide one). */
  redactDeep<T>(value: T): T {
    return JSON.parse(JSON.stringify(value ?? null), (_key, v: unknown) =>
      typeof v === 'string' ? this.redact(v) : v,
    ) as T;
  }
}
