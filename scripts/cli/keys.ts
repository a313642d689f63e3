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
  if (s.file !== undefined) return parseKeyList(readSmallFile('--youtube-keys-file', s.file));
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
  if (file !== undefined) return readSmallFile('--srt-passphrase-file', file).trim();
  return env.STREAM_SRT_PASSPHRASE || undefined;
}

/** A keys file for 64 languages is under 10 KiB; anything much larger is the wrong file. */
export const MAX_INPUT_FILE_BYTES = 64 * 1024;

function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads an input file that must be a regular file of bounded size: a pipe would hang the
 * read, /dev/zero would never end, and a huge file is a mistake. Checked before opening (a
 * FIFO blocks on open) and bounded while reading (the file may grow after the check).
 */
function readSmallFile(flag: string, file: string): string {
  const fail = (what: string, hint?: string) => {
    throw new CliError(
      `${flag} ${file} ${what}`,
      hint ?? 'give a regular file with one key per line',
    );
  };
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (err) {
    throw new CliError(
      `cannot read ${flag} ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
      'check the path and its permissions',
    );
  }
  if (!st.isFile()) fail(`is ${kindOf(st)}; it must be a regular file`);
  if (st.size > MAX_INPUT_FILE_BYTES)
    fail(`is ${st.size} bytes; it must be at most ${MAX_INPUT_FILE_BYTES} bytes`);
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const buffer = Buffer.alloc(MAX_INPUT_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > MAX_INPUT_FILE_BYTES)
        fail(
          `is more than ${MAX_INPUT_FILE_BYTES} bytes; it must be at most ${MAX_INPUT_FILE_BYTES} bytes`,
        );
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}
