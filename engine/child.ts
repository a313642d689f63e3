/**
 * Starts cdktf (which starts terraform) with secrets only in the child's environment, streams
 * its output line by line, and stops the whole process group on cancel so no terraform is
 * left holding a state lock.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EngineError } from './errors';
import { ExitCode } from './types';

type Env = Readonly<Record<string, string | undefined>>;

/** Variables a child never needs and must not inherit: secrets of the parent. */
const NEVER_INHERIT = ['STREAM_YOUTUBE_KEYS', 'STREAM_SRT_PASSPHRASE'];

export function childEnv(base: Env, extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) {
    if (v !== undefined && !NEVER_INHERIT.includes(k) && !k.startsWith('TF_VAR_')) env[k] = v;
  }
  // A CLI config that points at a missing file makes terraform warn on every command.
  if (env.TF_CLI_CONFIG_FILE && !fs.existsSync(env.TF_CLI_CONFIG_FILE))
    delete env.TF_CLI_CONFIG_FILE;
  // azurerm 4.x needs the subscription and reads only ARM_SUBSCRIPTION_ID; the Azure SDK side
  // (and the az-login habit) names it AZURE_SUBSCRIPTION_ID. One subscription for both.
  if (!env.ARM_SUBSCRIPTION_ID && env.AZURE_SUBSCRIPTION_ID)
    env.ARM_SUBSCRIPTION_ID = env.AZURE_SUBSCRIPTION_ID;
  Object.assign(env, {
    CHECKPOINT_DISABLE: '1',
    DISABLE_VERSION_CHECK: '1',
    // Never wait for an answer no one can give: a missing variable must fail, not hang.
    TF_INPUT: '0',
    TF_IN_AUTOMATION: '1',
    CI: 'true',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  });
  return env;
}

/** Finds a program on PATH, or undefined. */
export function which(program: string, env: Env): string | undefined {
  if (program.includes('/')) return fs.existsSync(program) ? program : undefined;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, program);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function requireTools(cdktfBin: string, env: Env): void {
  if (!which('terraform', env)) {
    throw new EngineError(
      'terraform-missing',
      'terraform is not on PATH',
      ExitCode.prerequisite,
      'install Terraform >= 1.5 (https://developer.hashicorp.com/terraform/install) and retry',
    );
  }
  if (!fs.existsSync(cdktfBin)) {
    throw new EngineError(
      'cdktf-missing',
      `cdktf CLI not found at ${cdktfBin}`,
      ExitCode.prerequisite,
      'run `npm ci` in the project folder',
    );
  }
}

/**
 * Terminal control from a child's output: CSI (colours, cursor moves), OSC (window titles,
 * hyperlinks, clipboard writes), other escapes, and every C0/C1 control but the tab. A log file
 * or a terminal replaying it must not be driven by what terraform or a provider printed.
 */
const CONTROL =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[P^_X][^\u001b]*(?:\u001b\\)?|\u001b[ -/]*[0-~]|\u009b[0-?]*[ -/]*[@-~]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}

export interface ChildResult {
  readonly code: number;
  readonly signal?: string;
  /** The last lines of output (up to 400), for an error message. */
  readonly tail: readonly string[];
}

/**
 * Ends a child's process group when the process that started it dies without stopping it
 * (kill -9, a crash, an OOM kill): cdktf and terraform must not live on with the secrets in
 * their environment, holding state. It runs in its own group, so a closed terminal's SIGHUP
 * or a signal to the front end's group never reaches it, and it ignores the rest. It checks
 * once a second and goes away by itself when the group ends. Terraform first gets SIGINT (it
 * stops after the current step and saves state), then SIGTERM, then SIGKILL.
 */
const WATCHDOG = `
trap '' HUP INT TERM QUIT
alive() { kill -s 0 -- "-$2" 2>/dev/null; }
while alive "$@"; do
  kill -s 0 "$1" 2>/dev/null || break
  sleep 1
done
alive "$@" || exit 0
[ "$3" = quiet ] || kill -s INT -- "-$2" 2>/dev/null
for i in $(seq 1 30); do alive "$@" || exit 0; sleep 1; done
kill -s TERM -- "-$2" 2>/dev/null
for i in 1 2 3 4 5; do alive "$@" || exit 0; sleep 1; done
kill -s KILL -- "-$2" 2>/dev/null
`;

/**
 * `quiet`: no SIGINT of its own. cdktf runs terraform's apply and destroy in a pseudo-terminal,
 * which puts terraform in a session and process group of its own; cdktf passes a Ctrl-C to it
 * when it gets one, and a second SIGINT makes terraform quit at once without saving state. So
 * terraform's own group only gets TERM and KILL, after 30 s.
 */
function watchParent(pgid: number, quiet = false): void {
  try {
    const args = [String(process.pid), String(pgid), ...(quiet ? ['quiet'] : [])];
    const watchdog = spawn('sh', ['-c', WATCHDOG, 'stream-control-watchdog', ...args], {
      detached: true,
      stdio: 'ignore',
    });
    watchdog.on('error', () => undefined);
    watchdog.unref();
  } catch {
    // Without sh the Ctrl-C path still stops the group; only a kill -9 would leave it.
  }
}

/**
 * Process groups of a process's descendants other than its own (Linux /proc; elsewhere none):
 * how the engine finds terraform's pseudo-terminal group under cdktf.
 */
function descendantGroups(root: number): number[] {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return [];
  }
  const children = new Map<number, { pid: number; pgid: number }[]>();
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const list = children.get(ppid) ?? [];
      list.push({ pid: Number(pid), pgid: Number(fields[2]) });
      children.set(ppid, list);
    } catch {
      // gone meanwhile
    }
  }
  const groups = new Set<number>();
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const c of children.get(pid) ?? []) {
      if (c.pgid !== root) groups.add(c.pgid);
      queue.push(c.pid);
    }
  }
  return [...groups];
}

export function runChild(
  command: string,
  args: readonly string[],
  options: {
    cwd: string;
    env: Record<string, string>;
    onLine: (line: string, stream: 'stdout' | 'stderr') => void;
    signal: AbortSignal;
    onSpawn?: (pid: number) => void;
  },
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group, so cancel reaches terraform and its provider plugins too.
      detached: true,
    });
    const tail: string[] = [];
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGINT');
        setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGTERM');
          } catch {
            // already gone
          }
        }, 5000).unref();
      } catch {
        // already gone
      }
    };
    options.signal.addEventListener('abort', stop, { once: true });
    const pump = (stream: NodeJS.ReadableStream, name: 'stdout' | 'stderr') => {
      let buffer = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffer += chunk;
        const lines = buffer.split(/\r?\n/);
        buffer = lines.pop() ?? '';
        for (const raw of lines) emitLine(raw, name);
      });
      stream.on('end', () => buffer && emitLine(buffer, name));
    };
    const emitLine = (raw: string, name: 'stdout' | 'stderr') => {
      const line = stripControl(raw).replace(/\s+$/, '');
      // Blank lines end an error's paragraph in the tail, but are not worth an event.
      tail.push(line);
      if (tail.length > 400) tail.shift();
      if (line.trim() !== '') options.onLine(line, name);
    };
    pump(child.stdout!, 'stdout');
    pump(child.stderr!, 'stderr');
    // Every group under the child is watched and named to the lock too: a lock is stale only
    // when none of its run's processes lives, terraform's pseudo-terminal group included.
    const known = new Set<number>();
    const scan = setInterval(() => {
      for (const g of descendantGroups(child.pid!)) {
        if (known.has(g)) continue;
        known.add(g);
        watchParent(g, true);
        options.onSpawn?.(g);
      }
    }, 500);
    scan.unref();
    child.on('spawn', () => {
      watchParent(child.pid!);
      options.onSpawn?.(child.pid!);
    });
    child.on('error', (err) => {
      clearInterval(scan);
      options.signal.removeEventListener('abort', stop);
      reject(
        (err as NodeJS.ErrnoException).code === 'ENOENT'
          ? new EngineError(
              'cdktf-missing',
              `cannot start ${command}`,
              ExitCode.prerequisite,
              'run `npm ci` in the project folder',
            )
          : err,
      );
    });
    child.on('close', (code, signal) => {
      clearInterval(scan);
      options.signal.removeEventListener('abort', stop);
      resolve({ code: code ?? 1, signal: signal ?? undefined, tail });
    });
  });
}
