import {
  DEFAULTS,
  ENV,
  FEEDS,
  FeedKind,
  HEALTH_PORT,
  MAX_OUTPUTS,
  OutputAudio,
  PASSPHRASE_MAX_LENGTH,
  PASSPHRASE_MIN_LENGTH,
  PASSPHRASE_PATTERN,
  parseOutputAudio,
} from '../../lib/contract';
import { STATUS_TOKEN_MIN_LENGTH, VaultSettings, parseVaultSettings } from './key-vault';

export type SlideFit = 'crop' | 'letterbox';

export interface OutputConfig {
  readonly name: string;
  /** The mixer's SRT listener this output calls. */
  readonly host: string;
  readonly port: number;
  /** Relay only: where this output's audio comes from. */
  readonly audio?: OutputAudio;
}

export interface SupervisorConfig {
  readonly feed: FeedKind;
  readonly eventName: string;
  readonly ingestPort: number;
  readonly outputs: readonly OutputConfig[];
  readonly latencyMs: number;
  readonly peerIdleTimeoutMs: number;
  /** Undefined when no passphrase is set: the feed is unencrypted. */
  readonly passphrase?: string;
  /** Bearer token for /status and /metrics; with a vault, empty until it has been read. */
  readonly statusToken: string;
  readonly healthPort: number;
  readonly slideFit: SlideFit;
  readonly outputWidth: number;
  readonly outputHeight: number;
  /**
   * Set when KEY_VAULT_URL is: the passphrase and the status token come from the vault
   * (containers/shared/key-vault.ts), and are filled in once they have been read.
   * @default - SRT_PASSPHRASE (or none) and STATUS_TOKEN from the environment
   */
  readonly vault?: VaultSettings;
}

/** All configuration failures at once, one line each, so an operator fixes them in one pass. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

const NAME_RULE = /^[A-Za-z0-9_-]{1,32}$/;
const SIZE_RULE = /^(\d{2,4})x(\d{2,4})$/;
const TARGET_RULE = /^([A-Za-z0-9.-]{1,253}):(\d{1,5})$/;

type Env = Readonly<Record<string, string | undefined>>;

/** Reads exactly the variables in lib/contract.ts ENV; nothing else configures the images. */
export function parseConfig(env: Env, feed: FeedKind): SupervisorConfig {
  const problems: string[] = [];
  const raw = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const value = raw(name);
    if (value === undefined) return fallback;
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      problems.push(`${name}="${value}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return n;
  };

  const ingestPort = int(ENV.ingestPort, FEEDS[feed].ingestPort, 1, 65535);
  const healthPort = int(ENV.healthPort, HEALTH_PORT, 1, 65535);
  const latencyMs = int(ENV.latencyMs, DEFAULTS.latencyMs, 20, 8000);
  const peerIdleTimeoutMs = int(ENV.peerIdleTimeoutMs, DEFAULTS.peerIdleTimeoutMs, 1000, 60000);
  if (peerIdleTimeoutMs <= latencyMs) {
    problems.push(
      `${ENV.peerIdleTimeoutMs}="${peerIdleTimeoutMs}" must be greater than ${ENV.latencyMs} (${latencyMs}), or every peer is dropped before its first packet is due`,
    );
  }

  const targets = parseTargets(raw(ENV.outputTargets), raw(ENV.outputNames), problems);
  let audio: OutputAudio[] = [];
  if (feed === 'program' && targets.length > 0) {
    const text = raw(ENV.outputAudio);
    // Without a mapping, output i carries track i: the plain-string languages of an event file.
    const parsed = parseOutputAudio(
      text ?? JSON.stringify(targets.map((_, i) => ({ source: { track: i + 1 } }))),
      targets.length,
    );
    problems.push(...parsed.problems);
    audio = parsed.outputs;
  }
  const outputs = targets.map((t, i) => (feed === 'program' ? { ...t, audio: audio[i] } : t));

  const vault = parseVaultSettings(
    env,
    { passphrase: 'required', statusToken: 'required' },
    problems,
  );
  const passphrase = env[ENV.passphrase];
  // With a vault, a passphrase in the environment is already refused above, value unchecked.
  if (passphrase !== undefined && passphrase !== '' && raw(ENV.keyVaultUrl) === undefined) {
    const n = passphrase.length;
    if (n < PASSPHRASE_MIN_LENGTH || n > PASSPHRASE_MAX_LENGTH) {
      // Never echo a secret, not even a wrong one: its length is enough to fix it.
      problems.push(
        `${ENV.passphrase} has ${n} characters; SRT needs ${PASSPHRASE_MIN_LENGTH} to ${PASSPHRASE_MAX_LENGTH} (value not shown)`,
      );
    }
    if (!PASSPHRASE_PATTERN.test(passphrase)) {
      problems.push(
        `${ENV.passphrase} has characters other than A-Z a-z 0-9 . _ ~ - (value not shown); SRT URIs carry it unescaped`,
      );
    }
  }
  // With a vault, a token in the environment is refused above and the vault's is checked once read.
  const statusToken = raw(ENV.keyVaultUrl) === undefined ? (env[ENV.statusToken] ?? '') : '';
  if (raw(ENV.keyVaultUrl) === undefined && statusToken.length < STATUS_TOKEN_MIN_LENGTH) {
    problems.push(
      `${ENV.statusToken} has ${statusToken.length} characters; /status and /metrics need a token of at least ${STATUS_TOKEN_MIN_LENGTH} (value not shown)`,
    );
  }

  const fit = raw(ENV.slideFit) ?? DEFAULTS.slideFit;
  if (fit !== 'crop' && fit !== 'letterbox') {
    problems.push(`${ENV.slideFit}="${fit}" must be "crop" or "letterbox"`);
  }
  const size = raw(ENV.outputSize) ?? DEFAULTS.outputSize;
  const match = SIZE_RULE.exec(size);
  const [w, h] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || w % 2 || h % 2 || w < 16 || h < 16 || w > 7680 || h > 4320) {
    problems.push(
      `${ENV.outputSize}="${size}" must be WIDTHxHEIGHT with even numbers from 16x16 to 7680x4320`,
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    feed,
    eventName: raw(ENV.eventName) ?? 'unnamed',
    ingestPort,
    outputs,
    latencyMs,
    peerIdleTimeoutMs,
    passphrase: passphrase === '' ? undefined : passphrase,
    statusToken,
    healthPort,
    slideFit: fit as SlideFit,
    outputWidth: w,
    outputHeight: h,
    ...(vault && { vault }),
  };
}

function parseTargets(
  targets: string | undefined,
  names: string | undefined,
  problems: string[],
): OutputConfig[] {
  if (targets === undefined) {
    problems.push(
      `${ENV.outputTargets} is not set; give each mixer's SRT listener as host:port, e.g. "10.0.1.4:10001,10.0.1.5:10001"`,
    );
    return [];
  }
  const list = targets.split(',').map((t) => t.trim());
  const parsed: { host: string; port: number }[] = [];
  for (const t of list) {
    const m = TARGET_RULE.exec(t);
    const port = m ? Number(m[2]) : NaN;
    if (!m || !(port >= 1 && port <= 65535)) {
      problems.push(
        `${ENV.outputTargets}="${targets}" has "${t}"; each must be host:port with a port from 1 to 65535`,
      );
    } else if (parsed.some((p) => p.host === m[1] && p.port === port)) {
      problems.push(`${ENV.outputTargets}="${targets}" lists ${t} twice; each mixer needs its own`);
    } else {
      parsed.push({ host: m[1], port });
    }
  }
  if (list.length > MAX_OUTPUTS) {
    problems.push(
      `${ENV.outputTargets}="${targets.slice(0, 60)}..." has ${list.length} targets; at most ${MAX_OUTPUTS}`,
    );
  }
  const nameList =
    names === undefined
      ? list.map((_, i) => `mixer-${i + 1}`)
      : names.split(',').map((n) => n.trim());
  if (nameList.length !== list.length) {
    problems.push(
      `${ENV.outputNames}="${names}" has ${nameList.length} names but ${ENV.outputTargets} has ${list.length} targets; give one name per target`,
    );
  }
  for (const n of nameList) {
    if (!NAME_RULE.test(n)) {
      problems.push(
        `${ENV.outputNames}="${names}" has "${n}"; each name must be 1-32 of A-Z a-z 0-9 _ -`,
      );
    }
  }
  if (new Set(nameList).size !== nameList.length) {
    problems.push(`${ENV.outputNames}="${names}" repeats a name; each mixer needs its own`);
  }
  return parsed.map((t, i) => ({ ...t, name: nameList[i] ?? `mixer-${i + 1}` }));
}
