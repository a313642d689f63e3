/**
 * Where deploy's stream keys come from, most explicit first: --youtube-keys-file, then
 * --youtube-keys (works, with a warning: argv is readable by every local user through ps and
 * /proc), then STREAM_YOUTUBE_KEYS, then a hidden prompt per language on a terminal.
 */
import * as fs from 'node:fs';
import { parseKeyList } from '../../engine';
import { CliError } from './errors';
import { Prompter } from './prompt';

type Env = Readonly<Record<string, string | undefined>>;

export interface KeySources {
  readonly file?: string;
  readonly argv?: string;
  readonly env: Env;
  readonly prompter?: Prompter;
  readonly languages: readonly string[];
  readonly warn: (line: string) => void;
}

export async function collectKeys(s: KeySources): Promise<Record<string, string> | string[]> {
  if (s.file !== undefined && s.argv !== undefined) {
    throw new CliError(
      '--youtube-keys-file and --youtube-keys are both given',
      'use one; the file keeps keys out of the process list',
    );
  }
  if (s.file !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(s.file, 'utf8');
    } catch (err) {
      throw new CliError(
        `cannot read --youtube-keys-file ${s.file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
        'check the path and its permissions',
      );
    }
    return parseKeyList(text);
  }
  if (s.argv !== undefined) {
    s.warn(
      'warning: --youtube-keys puts the keys in the process list, readable by every local user; prefer --youtube-keys-file or STREAM_YOUTUBE_KEYS',
    );
    return parseKeyList(s.argv);
  }
  if (s.env.STREAM_YOUTUBE_KEYS) return parseKeyList(s.env.STREAM_YOUTUBE_KEYS);
  if (s.prompter) {
    const keys: Record<string, string> = {};
    for (const language of s.languages) {
      keys[language] = await s.prompter.askHidden(`YouTube stream key for ${language} (hidden): `);
    }
    return keys;
  }
  throw new CliError(
    `no YouTube stream keys given; this event needs ${s.languages.length} (${s.languages.join(', ')})`,
    'use --youtube-keys-file FILE or STREAM_YOUTUBE_KEYS, or run in a terminal to be asked',
  );
}

export function readPassphrase(file: string | undefined, env: Env): string | undefined {
  if (file !== undefined) {
    try {
      return fs.readFileSync(file, 'utf8').trim();
    } catch (err) {
      throw new CliError(
        `cannot read --srt-passphrase-file ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
      );
    }
  }
  return env.STREAM_SRT_PASSPHRASE || undefined;
}
