import { readFileSync, readdirSync } from 'node:fs';
import { descendants } from '../../containers/support/procs';

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // Gone meanwhile, or another user's environment.
    return '';
  }
}

/**
 * Where a leaked secret would show on the machine: every process's command line (world
 * readable, so /proc/* and not only the part's own tree), and the environment of each
 * process the part started.
 */
export function processText(partPid: number): string {
  const argv = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((pid) => read(`/proc/${pid}/cmdline`));
  const environ = descendants(partPid).map((p) => read(`/proc/${p.pid}/environ`));
  return [...argv, ...environ].join('\n');
}
