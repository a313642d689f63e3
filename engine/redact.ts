/**
 * Replaces every secret value of a run with a marker before a line reaches an event, the
 * log file or a result. Fed with every key and passphrase as soon as the run knows it, so a
 * value terraform echoes back (an error message quoting a variable, say) is caught too.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(...values: readonly (string | undefined)[]): void {
    for (const value of values) {
      // Very short values would blank ordinary words; the validator refuses such keys anyway.
      if (value && value.length >= 4) this.secrets.add(value);
    }
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    const ordered = [...this.secrets].sort((a, b) => b.length - a.length);
    for (const secret of ordered) out = out.split(secret).join('***');
    return out;
  }

  redactDeep<T>(value: T): T {
    return JSON.parse(this.redact(JSON.stringify(value ?? null))) as T;
  }
}
