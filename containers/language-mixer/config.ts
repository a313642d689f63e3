import {
  DEFAULTS,
  ENV,
  HEALTH_PORT,
  MIXER_INPUT_PORTS,
  PASSPHRASE_MAX_LENGTH,
  PASSPHRASE_MIN_LENGTH,
  PASSPHRASE_PATTERN,
} from '../../lib/contract';
import {
  MIXER_LAYOUTS,
  MixerLayout,
  YOUTUBE_OUTPUT,
  layoutRects,
  parseDestination,
} from '../../lib/mixer-model';
import { ConfigError } from '../shared/config';
import { STREAM_KEY_PATTERN, VaultSettings, parseVaultSettings } from '../shared/key-vault';
import { RtmpTarget } from './rtmp';

export interface MixerConfig {
  readonly eventName: string;
  readonly language: string;
  readonly layout: MixerLayout;
  readonly rects: ReturnType<typeof layoutRects>;
  readonly programPort: number;
  readonly slidesPort: number;
  readonly latencyMs: number;
  readonly peerIdleTimeoutMs: number;
  readonly passphrase?: string;
  readonly statusToken?: string;
  readonly healthPort: number;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly videoBitrateKbps: number;
  readonly keyframeSeconds: number;
  readonly audioBitrateKbps: number;
  readonly audioSampleRateHz: number;
  readonly x264Preset: string;
  readonly destination: RtmpTarget;
  readonly expiresAt?: Date;
  /**
   * Set when KEY_VAULT_URL is: the stream key, the passphrase and the status token come from
   * the vault; `withVaultSecrets` fills them in once read.
   * @default - STREAM_KEY, SRT_PASSPHRASE and STATUS_TOKEN from the environment
   */
  readonly vault?: VaultSettings;
}

type Env = Readonly<Record<string, string | undefined>>;
const PRESETS = ['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium'];

/** Reads the variables in lib/contract.ts ENV; every problem at once, secrets never echoed. */
export function parseMixerConfig(env: Env): MixerConfig {
  const problems: string[] = [];
  const raw = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const value = raw(name);
    if (value === undefined) return fallback;
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(n >= min && n <= max)) {
      problems.push(`${name}="${value}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return n;
  };
  const language = raw(ENV.mixerLanguage) ?? '';
  if (!/^[a-z0-9-]{1,32}$/.test(language)) {
    problems.push(`${ENV.mixerLanguage}="${language}" must be 1-32 of a-z, 0-9 and "-"`);
  }
  const layout = (raw(ENV.mixerLayout) ?? 'inset') as MixerLayout;
  if (!MIXER_LAYOUTS.includes(layout)) {
    problems.push(`${ENV.mixerLayout}="${layout}" must be one of ${MIXER_LAYOUTS.join(', ')}`);
  }
  const ports = (
    raw(ENV.mixerInputPorts) ?? `${MIXER_INPUT_PORTS.program},${MIXER_INPUT_PORTS.slides}`
  )
    .split(',')
    .map((p) => Number(p.trim()));
  if (ports.length !== 2 || !ports.every((p) => p >= 1 && p <= 65535) || ports[0] === ports[1]) {
    problems.push(
      `${ENV.mixerInputPorts}="${raw(ENV.mixerInputPorts)}" must be two different UDP ports "program,slides"`,
    );
  }
  const latencyMs = int(ENV.latencyMs, DEFAULTS.latencyMs, 20, 8000);
  const peerIdleTimeoutMs = int(ENV.peerIdleTimeoutMs, DEFAULTS.peerIdleTimeoutMs, 1000, 60000);
  const vault = parseVaultSettings(
    env,
    { streamKey: 'required', passphrase: 'required', statusToken: 'required' },
    problems,
  );
  const fromVault = raw(ENV.keyVaultUrl) !== undefined;
  const passphrase = env[ENV.passphrase] || undefined;
  if (
    !fromVault &&
    passphrase !== undefined &&
    (passphrase.length < PASSPHRASE_MIN_LENGTH ||
      passphrase.length > PASSPHRASE_MAX_LENGTH ||
      !PASSPHRASE_PATTERN.test(passphrase))
  ) {
    problems.push(
      `${ENV.passphrase} must be ${PASSPHRASE_MIN_LENGTH}-${PASSPHRASE_MAX_LENGTH} of A-Z a-z 0-9 . _ ~ - (value not shown)`,
    );
  }
  const size = raw(ENV.outputSize) ?? `${YOUTUBE_OUTPUT.width}x${YOUTUBE_OUTPUT.height}`;
  const m = /^(\d{2,4})x(\d{2,4})$/.exec(size);
  const [width, height] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || width % 4 || height % 4 || width < 64 || height < 64) {
    problems.push(
      `${ENV.outputSize}="${size}" must be WIDTHxHEIGHT, multiples of 4, at least 64x64`,
    );
  }
  const fps = int(ENV.outputFps, YOUTUBE_OUTPUT.fps, 1, 60);
  const videoBitrateKbps = int(ENV.videoBitrateKbps, YOUTUBE_OUTPUT.videoBitrateKbps, 100, 51000);
  const keyframeSeconds = int(ENV.keyframeSeconds, YOUTUBE_OUTPUT.keyframeSeconds, 1, 4);
  const audioBitrateKbps = int(ENV.audioBitrateKbps, YOUTUBE_OUTPUT.audioBitrateKbps, 32, 512);
  const audioSampleRateHz = int(
    ENV.audioSampleRateHz,
    YOUTUBE_OUTPUT.audioSampleRateHz,
    44100,
    48000,
  );
  const x264Preset = raw(ENV.x264Preset) ?? YOUTUBE_OUTPUT.x264Preset;
  if (!PRESETS.includes(x264Preset)) {
    problems.push(`${ENV.x264Preset}="${x264Preset}" must be one of ${PRESETS.join(', ')}`);
  }
  const url = raw(ENV.destinationUrl);
  const dest =
    url === undefined
      ? `${ENV.destinationUrl} is not set; e.g. rtmps://a.rtmps.youtube.com:443/live2`
      : parseDestination(url);
  if (typeof dest === 'string') problems.push(dest.replace(/^destinationUrl/, ENV.destinationUrl));
  const streamKey = env[ENV.streamKey];
  // With a vault the key is read after this (a key in the environment is refused above).
  if (!fromVault && !streamKey) {
    problems.push(`${ENV.streamKey} is not set; it is the destination's stream key`);
  } else if (!fromVault && !STREAM_KEY_PATTERN.test(streamKey!)) {
    problems.push(
      `${ENV.streamKey} must be 1-200 printable characters without spaces (value not shown)`,
    );
  }
  let expiresAt: Date | undefined;
  const exp = raw(ENV.expiresAt);
  if (exp !== undefined) {
    expiresAt = new Date(exp);
    if (Number.isNaN(expiresAt.getTime()))
      problems.push(`${ENV.expiresAt}="${exp}" must be an ISO 8601 instant`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    eventName: raw(ENV.eventName) ?? 'unnamed',
    language,
    layout,
    rects: layoutRects(layout, width, height),
    programPort: ports[0],
    slidesPort: ports[1],
    latencyMs,
    peerIdleTimeoutMs,
    passphrase,
    statusToken: fromVault ? undefined : env[ENV.statusToken] || undefined,
    healthPort: int(ENV.healthPort, HEALTH_PORT, 1, 65535),
    width,
    height,
    fps,
    videoBitrateKbps,
    keyframeSeconds,
    audioBitrateKbps,
    audioSampleRateHz,
    x264Preset,
    destination: {
      ...(dest as Exclude<typeof dest, string>),
      streamKey: fromVault ? '' : (streamKey as string),
    },
    expiresAt,
    ...(vault && { vault }),
  };
}

/** The configuration with the secrets read from the vault in force. */
export function withVaultSecrets(
  cfg: MixerConfig,
  values: {
    readonly passphrase?: string;
    readonly streamKey?: string;
    readonly statusToken?: string;
  },
): MixerConfig {
  return {
    ...cfg,
    passphrase: values.passphrase ?? cfg.passphrase,
    statusToken: values.statusToken ?? cfg.statusToken,
    destination: { ...cfg.destination, streamKey: values.streamKey ?? cfg.destination.streamKey },
  };
}
