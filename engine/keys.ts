/**
 * Stream keys from wherever the operator keeps them, matched to the event's languages.
 * Problems name the language and the rule, never the value.
 */
import { isValidPassphrase, PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH } from '../lib/contract';
import { badInput } from './errors';
import { FieldProblem } from './types';

/** YouTube keys are like "abcd-efgh-ijkl-mnop-qrst"; allow some slack, refuse whitespace. */
export const KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * Parses `--youtube-keys-file` text or STREAM_YOUTUBE_KEYS: one key per line or comma, either
 * bare (language order) or `language=key`. Blank lines and # comments are skipped.
 */
export function parseKeyList(text: string): Record<string, string> | string[] {
  const items = text
    .split(/[\n,]/)
    .map((l) => l.replace(/\r$/, '').trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const named = items.filter((i) => i.includes('='));
  if (named.length === 0) return items;
  if (named.length !== items.length) {
    throw badInput(
      'stream keys mix "language=key" lines with bare keys',
      'use one form for every line',
    );
  }
  // No prototype: a line "__proto__=..." or "constructor=..." is a language name like any other
  // (and then matches none), not a property every object already has.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const item of items) {
    const at = item.indexOf('=');
    const language = item.slice(0, at).trim().toLowerCase();
    if (Object.hasOwn(out, language)) throw badInput(`stream key for "${language}" is given twice`);
    out[language] = item.slice(at + 1).trim();
  }
  return out;
}

/** One key per language, validated; throws bad input naming every problem and its field. */
export function matchKeys(
  languages: readonly string[],
  keys: Readonly<Record<string, string>> | readonly string[] | undefined,
): Record<string, string> {
  const problems: FieldProblem[] = [];
  const out: Record<string, string> = {};
  if (keys === undefined) {
    throw badInput(
      `no YouTube stream keys given; this event needs ${languages.length} (${languages.join(', ')})`,
      'use --youtube-keys-file FILE or STREAM_YOUTUBE_KEYS, or run in a terminal to be asked',
      undefined,
      [{ field: 'youtubeKeys', message: 'is required: one stream key per language' }],
    );
  }
  if (Array.isArray(keys)) {
    if (keys.length !== languages.length) {
      problems.push({
        field: 'youtubeKeys',
        message: `${keys.length} stream key(s) given; this event needs ${languages.length}, one per language in order: ${languages.join(', ')}`,
      });
    }
    languages.forEach((language, i) => {
      if (keys[i] !== undefined) out[language] = keys[i];
    });
  } else {
    for (const name of Object.keys(keys)) {
      if (!languages.includes(name))
        problems.push({
          field: `youtubeKeys.${name.slice(0, 40)}`,
          message: `stream key for "${name}" matches no language of this event (${languages.join(', ')})`,
        });
    }
    for (const language of languages) {
      const key = Object.hasOwn(keys, language)
        ? (keys as Record<string, string>)[language]
        : undefined;
      if (key === undefined)
        problems.push({
          field: `youtubeKeys.${language}`,
          message: `stream key for "${language}" is missing`,
        });
      else out[language] = key;
    }
  }
  for (const [language, key] of Object.entries(out)) {
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      problems.push({
        field: `youtubeKeys.${language}`,
        message: `stream key for "${language}" must be 8-128 characters of A-Z, a-z, 0-9, "-" and "_"`,
      });
    }
  }
  // Each language streams to its own channel; one key twice would put two languages on one.
  const firstWith = new Map<string, string>();
  for (const [language, key] of Object.entries(out)) {
    const first = firstWith.get(key);
    if (first === undefined) firstWith.set(key, language);
    else
      problems.push({
        field: `youtubeKeys.${language}`,
        message: `stream key for "${language}" is the same as for "${first}"; each language needs its own channel's key`,
      });
  }
  if (problems.length > 0) {
    const messages = problems.map((p) => p.message);
    throw badInput(messages.join('; '), 'check the keys file or variable', messages, problems);
  }
  return out;
}

export function checkPassphrase(passphrase: string): void {
  if (!isValidPassphrase(passphrase)) {
    // The images and the stack's variable validation hold it to the same rule: it travels
    // unescaped inside SRT URLs.
    const message = `SRT passphrase must be ${PASSPHRASE_MIN_LENGTH}-${PASSPHRASE_MAX_LENGTH} characters of A-Z, a-z, 0-9 and . _ ~ -`;
    throw badInput(message, undefined, [message], [{ field: 'srtPassphrase', message }]);
  }
}
