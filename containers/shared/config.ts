import {
  DEFAULTS,
  ENV,
  FEEDS,
  FeedKind,
  HEALTH_PORT,
  MAX_OUTPUTS,
  PASSPHRASE_MAX_LENGTH,
  PASSPHRASE_MIN_LENGTH,
  PASSPHRASE_PATTERN,
} from '../../lib/contract';

export type SlideFit = 'crop' | 'letterbox';

export interface OutputConfig {
  readonly name: string;
  readonly port: number;
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
  readonly healthPort: number;
  readonly slideFit: SlideFit;
  readonly outputWidth: number;
  readonly outputHeight: number;
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

  const outputs = parseOutputs(raw(ENV.outputPorts), raw(ENV.outputNames), problems);
  for (const o of outputs) {
    if (o.port === ingestPort) {
      problems.push(`${ENV.outputPorts} port ${o.port} is also ${ENV.ingestPort}; use another`);
    }
  }

  const passphrase = env[ENV.passphrase];
  if (passphrase !== undefined && passphrase !== '') {
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
    healthPort,
    slideFit: fit as SlideFit,
    outputWidth: w,
    outputHeight: h,
  };
}

function parseOutputs(
  ports: string | undefined,
  names: string | undefined,
  problems: string[],
): OutputConfig[] {
  if (ports === undefined) {
    problems.push(`${ENV.outputPorts} is not set; give one UDP port per mixer, e.g. "10001,10002"`);
    return [];
  }
  const portList = ports.split(',').map((p) => p.trim());
  const parsed: number[] = [];
  for (const p of portList) {
    const n = /^\d+$/.test(p) ? Number(p) : NaN;
    if (!(n >= 1 && n <= 65535)) {
      problems.push(
        `${ENV.outputPorts}="${ports}" has "${p}"; each must be a port from 1 to 65535`,
      );
    } else if (parsed.includes(n)) {
      problems.push(
        `${ENV.outputPorts}="${ports}" lists port ${n} twice; each mixer needs its own`,
      );
    } else {
      parsed.push(n);
    }
  }
  if (portList.length > MAX_OUTPUTS) {
    problems.push(
      `${ENV.outputPorts}="${ports}" has ${portList.length} ports; at most ${MAX_OUTPUTS}`,
    );
  }
  const nameList =
    names === undefined
      ? portList.map((_, i) => `mixer-${i + 1}`)
      : names.split(',').map((n) => n.trim());
  if (nameList.length !== portList.length) {
    problems.push(
      `${ENV.outputNames}="${names}" has ${nameList.length} names but ${ENV.outputPorts} has ${portList.length} ports; give one name per port`,
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
  return parsed.map((port, i) => ({ port, name: nameList[i] ?? `mixer-${i + 1}` }));
}
