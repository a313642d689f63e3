/**
 * The media contract between the EventStack and the relay / slide-splitter images.
 *
 * Both sides import this file, so a port or a variable name cannot drift apart: the stack
 * writes these environment variables into the container groups, and the supervisors in
 * containers/ read exactly these names. Change it here and both follow.
 *
 * Delivery is PUSH (help/ingest.md, "Why push"): the venue calls the relay and the splitter,
 * and they call every language mixer, which listens on MIXER_INPUT_PORTS. A container group
 * then exposes its ingest port and HEALTH_PORT only, whatever the number of languages.
 */

/** Health, readiness, JSON status and Prometheus metrics (TCP). */
export const HEALTH_PORT = 8080;

/** HTTP paths served on HEALTH_PORT. */
export const HEALTH_PATHS = {
  /** 200 while the processes are up and listening; the liveness probe. */
  live: '/healthz',
  /**
   * 200 while every process is up and listening, feed or no feed; the readiness probe. ACI
   * routes no traffic to a container that is not ready, so feed presence is in /status only.
   */
  ready: '/readyz',
  /** JSON status (Bearer STATUS_TOKEN): input, per output target / connected / audio levels. */
  status: '/status',
  /** Prometheus text exposition (Bearer STATUS_TOKEN). */
  metrics: '/metrics',
} as const;

/** The two media feeds that arrive from the venue. */
export type FeedKind = 'program' | 'slides';

export interface FeedContract {
  /** UDP port the venue encoder calls in to (SRT listener). */
  readonly ingestPort: number;
}

export const FEEDS: Readonly<Record<FeedKind, FeedContract>> = {
  program: { ingestPort: 9998 },
  // Not 9999: ACI reserves it (container-instances FAQ, "Does the ACI service reserve ports").
  slides: { ingestPort: 9997 },
};

/**
 * Most mixers one relay or splitter serves. Push needs no port per mixer, so this is a sizing
 * bound: each relay output costs about 2 % of a core (npm run bench:relay).
 */
export const MAX_OUTPUTS = 64;

/**
 * Every language mixer (container or OBS VM) is an SRT listener, passphrase enforced, on these
 * UDP ports; the relay pushes the program feed to the first and the splitter the slides to the
 * second. Only the relay's and the splitter's addresses need to reach them.
 */
export const MIXER_INPUT_PORTS: Readonly<Record<FeedKind, number>> = {
  program: 10001,
  slides: 10002,
};

/**
 * What a mixer receives on each input (MPEG-TS over SRT, live mode). Program: the venue's
 * H.264 stream-copied and exactly one audio stream, that language's (plus the floor under it
 * when the event asks). Slides: H.264 1920x1080, no audio.
 */
export const MIXER_INPUT_MEDIA = {
  program: {
    video: 'h264 (as the venue sends it)',
    audio: { codec: 'aac', channels: 2, sampleRateHz: 48000 },
  },
  slides: { video: 'h264', width: 1920, height: 1080, audio: null },
} as const;

/** Environment variables the containers read. Values are strings, as in any environment. */
export const ENV = {
  /** Event slug, for logs and metrics labels. */
  eventName: 'EVENT_NAME',
  /** UDP port of the SRT listener for the venue encoder. */
  ingestPort: 'SRT_INGEST_PORT',
  /** Comma-separated labels for the outputs (language names), in SRT_OUTPUT_TARGETS order. */
  outputNames: 'SRT_OUTPUT_NAMES',
  /** SRT latency in milliseconds, on ingest and outputs. */
  latencyMs: 'SRT_LATENCY_MS',
  /** Idle time after which a silent SRT peer is dropped, milliseconds. */
  peerIdleTimeoutMs: 'SRT_PEER_IDLE_TIMEOUT_MS',
  /**
   * SRT passphrase (10-79 characters), enforced on ingest and outputs. Local runs and tests
   * only: on Azure the part reads it from Key Vault (KEY_VAULT_URL), so no resource attribute,
   * and therefore no Terraform state, holds it.
   */
  passphrase: 'SRT_PASSPHRASE',
  /**
   * Key Vault the part reads its secrets from at start ("https://<vault>.vault.azure.net/"),
   * with a token for its managed identity from IMDS. When set, SRT_PASSPHRASE and STREAM_KEY
   * come from the vault secrets named below, never from the environment.
   */
  keyVaultUrl: 'KEY_VAULT_URL',
  /** Vault secret that holds the SRT passphrase (lib/secrets.ts VAULT_SECRETS). */
  passphraseSecret: 'SRT_PASSPHRASE_SECRET',
  /** Vault secret that holds the status token (with KEY_VAULT_URL, STATUS_TOKEN is not set). */
  statusTokenSecret: 'STATUS_TOKEN_SECRET',
  /** Container mixer: vault secret that holds its own language's stream key. */
  streamKeySecret: 'STREAM_KEY_SECRET',
  /**
   * Client id of the user-assigned identity to ask IMDS for: a container group may carry
   * several (the registry pull identity too). Azure SDKs read the same name.
   */
  azureClientId: 'AZURE_CLIENT_ID',
  /**
   * IMDS base URL. @default "http://169.254.169.254". Azure's identity libraries honour the
   * same variable; here only tests set it, to a loopback stand-in.
   */
  imdsEndpoint: 'AZURE_POD_IDENTITY_AUTHORITY_HOST',
  /** Seconds between re-reads of the vault, so a changed key reaches a running part. @default 60 */
  secretsRefreshSeconds: 'SECRETS_REFRESH_SECONDS',
  /**
   * Push delivery: comma-separated "host:port" of each mixer's SRT listener for this feed, in
   * the order of SRT_OUTPUT_NAMES. The relay and the splitter call them and keep retrying.
   */
  outputTargets: 'SRT_OUTPUT_TARGETS',
  /** Relay only: JSON list, one OutputAudio per output in order (formatOutputAudio). */
  outputAudio: 'OUTPUT_AUDIO',
  /**
   * Bearer token that /status and /metrics require, given directly: local runs and tests only.
   * On Azure the parts read it from the vault (statusTokenSecret); beside KEY_VAULT_URL it is
   * refused.
   */
  statusToken: 'STATUS_TOKEN',
  /** TCP port for health and metrics. */
  healthPort: 'HEALTH_PORT',
  /** Slide splitter only: "crop" (centre crop) or "letterbox". */
  slideFit: 'SLIDE_FIT',
  /** Slide splitter only: output frame size, "1920x1080". */
  outputSize: 'OUTPUT_SIZE',
  /** Container mixer: "program,slides" UDP ports of its SRT listeners. @default MIXER_INPUT_PORTS */
  mixerInputPorts: 'MIXER_INPUT_PORTS',
  /** Container mixer: the language this mixer carries (logs, status). */
  mixerLanguage: 'MIXER_LANGUAGE',
  /** Container mixer: "inset" or "side-by-side" (lib/mixer-model.ts MixerLayout). */
  mixerLayout: 'MIXER_LAYOUT',
  /** Container mixer: rtmp:// or rtmps:// destination without the key, e.g. YouTube's ingest. */
  destinationUrl: 'RTMP_URL',
  /** Container mixer: the stream key (publish name); local runs only (see KEY_VAULT_URL). Never in a child's argv. */
  streamKey: 'STREAM_KEY',
  /** Container mixer: output frames per second. */
  outputFps: 'OUTPUT_FPS',
  /** Container mixer: H.264 bitrate, kbit/s (constant: maxrate equals it). */
  videoBitrateKbps: 'VIDEO_BITRATE_KBPS',
  /** Container mixer: seconds between keyframes. */
  keyframeSeconds: 'KEYFRAME_INTERVAL_S',
  /** Container mixer: AAC bitrate, kbit/s. */
  audioBitrateKbps: 'AUDIO_BITRATE_KBPS',
  /** Container mixer: AAC sample rate, Hz. */
  audioSampleRateHz: 'AUDIO_SAMPLE_RATE_HZ',
  /** Container mixer: x264 preset; tests lower it, the event keeps the default. */
  x264Preset: 'X264_PRESET',
  /** ISO 8601 instant at which the container stops by itself (the event's expiry). */
  expiresAt: 'EXPIRES_AT',
} as const;

/** SRT's own passphrase rule (SRTO_PASSPHRASE): 10 to 79 characters. */
export const PASSPHRASE_MIN_LENGTH = 10;
export const PASSPHRASE_MAX_LENGTH = 79;
/**
 * Characters a passphrase may use. The passphrase travels inside SRT URIs (srt-live-transmit,
 * OBS, ffmpeg), and these tools disagree on percent-decoding; these characters need none.
 */
export const PASSPHRASE_PATTERN = /^[A-Za-z0-9._~-]+$/;

/** The whole passphrase rule, for every front end that accepts one (CLI, dashboard). */
export function isValidPassphrase(passphrase: unknown): passphrase is string {
  return (
    typeof passphrase === 'string' &&
    passphrase.length >= PASSPHRASE_MIN_LENGTH &&
    passphrase.length <= PASSPHRASE_MAX_LENGTH &&
    PASSPHRASE_PATTERN.test(passphrase)
  );
}

/** Defaults shared by the stack and the images. */
export const DEFAULTS = {
  latencyMs: 200,
  peerIdleTimeoutMs: 5000,
  slideFit: 'crop',
  outputSize: '1920x1080',
} as const;

/**
 * Where one output's audio comes from in the program feed, 1-based as an event file writes it:
 * a whole audio stream ("track"), or one or two channels of the feed's first audio stream.
 */
export type AudioSource =
  { readonly track: number } | { readonly channels: readonly [number] | readonly [number, number] };

/** One relay output's audio: its language, and the floor mixed under it when asked. */
export interface OutputAudio {
  readonly source: AudioSource;
  /** @default - no floor under the language */
  readonly floor?: { readonly source: AudioSource; readonly mixDb: number };
}

/** Highest track or channel number the images accept (MPEG-TS and AAC allow fewer). */
export const MAX_AUDIO_INDEX = 64;
/** floorMixDb range: below -60 dB the floor is inaudible, above 0 it would drown the language. */
export const FLOOR_MIX_DB_RANGE = { min: -60, max: 0 } as const;

/** The OUTPUT_AUDIO value for these outputs, in order. */
export function formatOutputAudio(outputs: readonly OutputAudio[]): string {
  return JSON.stringify(outputs);
}

/** "track 2", "channels 3+4", "channel 5": how status, plan and help name a source. */
export function describeAudioSource(source: AudioSource): string {
  if ('track' in source) return `track ${source.track}`;
  return source.channels.length === 1
    ? `channel ${source.channels[0]} of track 1`
    : `channels ${source.channels.join('+')} of track 1`;
}

/**
 * Parses OUTPUT_AUDIO as the images read it. Structure only (the event model owns the
 * venue-facing rules, such as the LFE position); one problem line per bad entry.
 */
export function parseOutputAudio(
  text: string,
  count: number,
): { outputs: OutputAudio[]; problems: string[] } {
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { outputs: [], problems: [`${ENV.outputAudio} is not JSON: ${text.slice(0, 80)}`] };
  }
  if (!Array.isArray(raw) || raw.length !== count) {
    return {
      outputs: [],
      problems: [`${ENV.outputAudio} must be a JSON list with one entry per output (${count})`],
    };
  }
  const index = (n: unknown): boolean =>
    typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_AUDIO_INDEX;
  const source = (s: unknown): AudioSource | undefined => {
    const o = s as Record<string, unknown> | null;
    if (o && typeof o === 'object' && Object.keys(o).length === 1) {
      if (index(o.track)) return { track: o.track as number };
      const ch = o.channels;
      if (Array.isArray(ch) && (ch.length === 1 || ch.length === 2) && ch.every(index)) {
        return { channels: [...ch] as [number] | [number, number] };
      }
    }
    return undefined;
  };
  const outputs: OutputAudio[] = [];
  raw.forEach((entry: unknown, i: number) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const own = source(e.source);
    const floor = e.floor as Record<string, unknown> | undefined;
    const floorSource = floor === undefined ? undefined : source(floor.source);
    const mixDb = floor?.mixDb;
    const mixOk =
      typeof mixDb === 'number' &&
      mixDb >= FLOOR_MIX_DB_RANGE.min &&
      mixDb <= FLOOR_MIX_DB_RANGE.max;
    if (!own || (floor !== undefined && (!floorSource || !mixOk))) {
      problems.push(
        `${ENV.outputAudio} entry ${i + 1} ${JSON.stringify(entry)} must be {"source":{"track":N}|{"channels":[a,b]|[a]}} with N, a, b from 1 to ${MAX_AUDIO_INDEX}, and an optional "floor":{"source":...,"mixDb":${FLOOR_MIX_DB_RANGE.min}..${FLOOR_MIX_DB_RANGE.max}}`,
      );
      return;
    }
    outputs.push(
      floorSource
        ? { source: own, floor: { source: floorSource, mixDb: mixDb as number } }
        : { source: own },
    );
  });
  return { outputs, problems };
}
