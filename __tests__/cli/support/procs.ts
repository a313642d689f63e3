/**
 * Every process on the machine with its argv and environment, read from /proc, for tests that
 * prove a secret reaches terraform through its environment and no command line.
 */
import * as fs from 'node:fs';

export interface Proc {
  pid: number;
  argv: string[];
  environ: string[];
}

export function processes(): Proc[] {
  const out: Proc[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const environ = fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      out.push({ pid: Number(entry), argv, environ });
    } catch {
      // exited meanwhile, or not ours to read
    }
  }
  return out;
}

/** The terraform apply of one event (the engine names the event in its children's environment). */
export function terraformApplyOf(slug: string): Proc | undefined {
  return processes().find(
    (p) =>
      /(^|\/)terraform$/.test(p.argv[0] ?? '') &&
      p.argv.includes('apply') &&
      p.environ.includes(`STREAM_CONTROL_EVENT=${slug}`),
  );
}

export async function waitFor<T>(
  find: () => T | undefined,
  what: string,
  limitMs = 150_000,
): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
