import { ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MixerModel } from '../../../lib/mixer-model';
import { fillObsSecrets, obsArgs, renderObsFiles } from '../../../lib/mixer-obs';
import { launch } from '../../containers/support/procs';

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
  const config = join(home, 'obs-studio');
  for (const [path, text] of Object.entries(renderObsFiles(model))) {
    const file = join(config, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, fillObsSecrets(text, secrets));
  }
  const proc = launch('nice', ['xvfb-run', '-a', 'obs', ...obsArgs(model)], {
    cwd: home,
    env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: home, LANG: 'C.UTF-8' },
  });
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
