import { ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MixerModel } from '../../../lib/mixer-model';
import { fillObsSecrets, obsArgs, renderObsFiles } from '../../../lib/mixer-obs';
import { exited, killGroup, launch } from '../../containers/support/procs';

/** OBS instances of this process: withObsPorts ends them before it lets the ports go. */
const running = new Set<ChildProcess>();

export interface RunningObs {
  readonly proc: ChildProcess;
  /** OBS's own log files, concatenated. */
  readonly log: () => string;
}

/**
 * Debian's OBS under Xvfb with the generated files, written as the VM's script writes them
 * (same bytes, secret slots filled) under $XDG_CONFIG_HOME/obs-studio instead of the portable
 * folder, and started with the same arguments as the VM's start-up task.
 */
export function startObs(
  home: string,
  model: MixerModel,
  secrets: { passphrase: string; streamKey: string },
): RunningObs {
  return startObsWith(home, renderObsFiles(model), secrets, obsArgs(model));
}

/** OBS with these files (slots unfilled) and arguments. */
export function startObsWith(
  home: string,
  files: Readonly<Record<string, string>>,
  secrets: { passphrase: string; streamKey: string },
  args: readonly string[],
): RunningObs {
  const config = join(home, 'obs-studio');
  for (const [path, text] of Object.entries(files)) {
    const file = join(config, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, fillObsSecrets(text, secrets));
  }
  const proc = launch('nice', ['xvfb-run', '-a', 'obs', ...args], {
    cwd: home,
    env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: home, LANG: 'C.UTF-8' },
  });
  running.add(proc);
  return {
    proc,
    log: () => {
      const dir = join(config, 'logs');
      try {
        return readdirSync(dir)
          .map((f) => readFileSync(join(dir, f), 'utf8'))
          .join('\n');
      } catch {
        return '';
      }
    },
  };
}

/** What a synthesized LanguageMixer hands its VM: the files and OBS's arguments in custom data. */
export function obsSetupFromCustomData(customData: string): {
  files: Record<string, string>;
  args: string[];
} {
  const script = Buffer.from(customData, 'base64').toString('utf8');
  const files = Object.fromEntries(
    [...script.matchAll(/^ {2}'([^']+)' = '([A-Za-z0-9+/=]+)'$/gm)].map(([, p, b64]) => [
      p,
      Buffer.from(b64, 'base64').toString('utf8'),
    ]),
  );
  const line = /^\$ObsArguments = '([^']*)'$/m.exec(script);
  if (!line) throw new Error('no $ObsArguments in the custom data');
  // Portable mode and the Windows updater switch do not apply to Debian's OBS.
  const args = line[1].split(' ').filter((a) => a !== '--portable' && a !== '--disable-updater');
  return { files, args };
}

const LOCK = join(tmpdir(), 'stream-control-obs-srt-ports.lock');

/**
 * OBS listens on the fixed mixer ports (10001, 10002: the VM's bytes), so two test files that
 * run OBS must take turns, even in parallel jest workers. A lock left by a dead process is taken.
 */
export async function withObsPorts<T>(fn: () => Promise<T>, waitMs = 150000): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
        process.kill(owner, 0);
      } catch {
        if (Number.isInteger(owner)) rmSync(LOCK, { recursive: true, force: true });
      }
      if (Date.now() > deadline) throw new Error('OBS ports stayed taken by another test');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    const procs = [...running];
    running.clear();
    for (const p of procs) killGroup(p);
    await Promise.all(procs.map(exited));
    rmSync(LOCK, { recursive: true, force: true });
  }
}
