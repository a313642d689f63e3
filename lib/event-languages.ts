/**
 * The languages of an event and where each one's audio is in the venue's program feed. A
 * language is a name (language i takes the i-th audio track) or an object that says where its
 * audio is and whether the floor is mixed under it. Every bad value gets one line naming the
 * language, the value and the rule; resolveEvent reports them with all its other problems.
 */
import {
  AudioSource,
  describeAudioSource,
  FLOOR_MIX_DB_RANGE,
  MAX_AUDIO_INDEX,
  OutputAudio,
} from './contract';

export const DEFAULT_LANGUAGES = ['original', 'spanish', 'french'] as const;
export const LANGUAGE_PATTERN = /^[a-z][a-z0-9-]{0,19}$/;

/**
 * The LFE position of a 5.1 layout (FL FR FC LFE BL BR), 1-based. Encoders and AAC treat it
 * as a low-pass effects channel: a voice sent there arrives about 64 dB down (issue 9).
 */
export const LFE_CHANNEL = 4;

/**
 * Where the floor (the room's own language, as the speakers talk) is in the program feed.
 * The first audio track is what any encoder sends first: the room mix.
 */
export const DEFAULT_FLOOR: AudioSource = { track: 1 };

/** One language written as an object in an event file. */
export interface LanguageDefinition {
  /** 1-20 characters of a-z, 0-9 and "-", starting with a letter. */
  readonly name: string;
  /**
   * Where this language's audio is: {"track": N} (the N-th audio stream, 1-based; preferred),
   * or {"channels": [a, b]} / {"channels": [a]} (a pair, or one mono channel, of track 1).
   * @default {"track": i} for the i-th language of the list
   */
  readonly audio?: AudioSource;
  /**
   * Mix the floor under this language at this level, dB relative to the language (-60 to 0).
   * @default - no floor: the channel carries the interpretation alone
   */
  readonly floorMixDb?: number;
}

/** What an event file's "languages" list may hold. */
export type LanguageEntry = string | LanguageDefinition;

export interface ResolvedLanguages {
  readonly names: string[];
  /** One per language, same order: what the relay's OUTPUT_AUDIO carries. */
  readonly audio: OutputAudio[];
  readonly floor: AudioSource;
}

const LANGUAGE_KEYS = ['name', 'audio', 'floorMixDb'];
const SOURCE_RULE = `must be {"track":N} or {"channels":[a,b]} or {"channels":[a]} with whole numbers from 1 to ${MAX_AUDIO_INDEX}`;

/** One line per broken rule of an audio source; none when it is valid. */
function sourceProblems(raw: unknown): string[] {
  const o = raw as Record<string, unknown> | null;
  const index = (n: unknown) =>
    Number.isInteger(n) && (n as number) >= 1 && (n as number) <= MAX_AUDIO_INDEX;
  if (o === null || typeof o !== 'object' || Array.isArray(o) || Object.keys(o).length !== 1) {
    return [SOURCE_RULE];
  }
  if ('track' in o) return index(o.track) ? [] : [SOURCE_RULE];
  const ch = o.channels;
  if (!Array.isArray(ch) || ch.length < 1 || ch.length > 2 || !ch.every(index))
    return [SOURCE_RULE];
  if (ch.length === 2 && ch[0] === ch[1]) {
    return [
      `names channel ${ch[0]} twice; a pair is two different channels, one mono channel is written [${ch[0]}]`,
    ];
  }
  if (ch.includes(LFE_CHANNEL)) {
    return [
      `includes channel ${LFE_CHANNEL}, the LFE position of a 5.1 layout, which encoders low-pass or drop (a voice there arrives about 64 dB down); send the language as its own track, or on channels that avoid ${LFE_CHANNEL}`,
    ];
  }
  return [];
}

function sameSource(a: AudioSource, b: AudioSource): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Validates the event's "floor" and "languages"; appends one line per problem. */
export function validateLanguages(
  raw: readonly LanguageEntry[] | undefined,
  floorRaw: unknown,
  problems: string[],
): ResolvedLanguages {
  let floor = DEFAULT_FLOOR;
  if (floorRaw !== undefined) {
    const bad = sourceProblems(floorRaw);
    for (const rule of bad) problems.push(`floor ${JSON.stringify(floorRaw)} ${rule}`);
    if (bad.length === 0) floor = floorRaw as AudioSource;
  }
  const entries = raw ?? DEFAULT_LANGUAGES;
  if (!Array.isArray(entries)) {
    problems.push(`languages ${JSON.stringify(raw)} must be a list of language names or objects`);
    return { names: [], audio: [], floor };
  }
  if (entries.length === 0)
    problems.push('languages is empty; an event needs at least one language');

  const seen = new Set<string>();
  const names: string[] = [];
  const audio: OutputAudio[] = [];
  entries.forEach((entry: unknown, i: number) => {
    const isObject = entry !== null && typeof entry === 'object' && !Array.isArray(entry);
    const def = (isObject ? entry : { name: entry }) as Record<string, unknown>;
    const rawName = def.name;
    const name = typeof rawName === 'string' ? rawName.trim().toLowerCase() : rawName;
    if (!isObject && typeof entry !== 'string') {
      problems.push(
        `language ${i + 1} ${JSON.stringify(entry)} must be a name or {"name":...,"audio":...,"floorMixDb":...}`,
      );
      return;
    }
    if (typeof name !== 'string' || !LANGUAGE_PATTERN.test(name)) {
      problems.push(
        `language ${JSON.stringify(rawName)} must be 1-20 characters of a-z, 0-9 and "-", starting with a letter`,
      );
      return;
    }
    const label = `language "${name}"`;
    const before = problems.length;
    if (seen.has(name)) {
      problems.push(
        `${label} is listed more than once; each language gets one mixer and one channel`,
      );
    }
    seen.add(name);
    for (const key of Object.keys(def)) {
      if (!LANGUAGE_KEYS.includes(key)) {
        problems.push(`${label} has unknown setting "${key}" (known: ${LANGUAGE_KEYS.join(', ')})`);
      }
    }
    const source = (def.audio ?? { track: i + 1 }) as AudioSource;
    if (def.audio === undefined && i + 1 > MAX_AUDIO_INDEX) {
      problems.push(
        `${label} would take track ${i + 1}; the images read tracks 1 to ${MAX_AUDIO_INDEX}`,
      );
    } else {
      for (const rule of sourceProblems(def.audio ?? source)) {
        problems.push(`${label} audio ${JSON.stringify(def.audio)} ${rule}`);
      }
    }
    const mixDb = def.floorMixDb;
    if (mixDb !== undefined) {
      const { min, max } = FLOOR_MIX_DB_RANGE;
      if (typeof mixDb !== 'number' || !Number.isFinite(mixDb) || mixDb < min || mixDb > max) {
        problems.push(
          `${label} floorMixDb ${JSON.stringify(mixDb)} must be a number of dB from ${min} to ${max}`,
        );
      } else if (sameSource(source, floor)) {
        problems.push(
          `${label} floorMixDb ${mixDb}: its audio (${describeAudioSource(source)}) is the floor itself; drop floorMixDb or set the event's "floor"`,
        );
      }
    }
    if (problems.length > before) return;
    names.push(name);
    audio.push(
      typeof mixDb === 'number' ? { source, floor: { source: floor, mixDb } } : { source },
    );
  });
  return { names, audio, floor };
}

/** "track 2, floor at -18 dB": how plan, the dashboard and help word one language's audio. */
export function describeOutputAudio(audio: OutputAudio): string {
  const own = describeAudioSource(audio.source);
  return audio.floor ? `${own}, floor at ${audio.floor.mixDb} dB` : own;
}
