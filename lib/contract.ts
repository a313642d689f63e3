/**
 * The media contract between the EventStack and the relay / slide-splitter images.
 *
 * Both sides import this file, so a port or a variable name cannot drift apart: the stack
 * writes these environment variables into the container groups, and the supervisors in
 * containers/ read exactly these names. Change it here and both follow.
 *
 * Delivery is "pull": every language mixer's OBS calls in (SRT caller) to its own output
 * port on the public container group. The containers never need a path into the VNet.
 */

/** Health, readiness, JSON status and Prometheus metrics (TCP). */
export const HEALTH_PORT = 8080;

/** HTTP paths served on HEALTH_PORT. */
export const HEALTH_PATHS = {
  /** 200 while every child process is up; used by the liveness probe. */
  live: '/healthz',
  /** 200 while the feed has arrived within the last few seconds, else 503; readiness probe. */
  ready: '/readyz',
  /** JSON status: per output connected / bytes / reconnects, input bitrate, uptime. */
  status: '/status',
  /** Prometheus text exposition. */
  metrics: '/metrics',
} as const;

/** The two media feeds that arrive from the venue. */
export type FeedKind = 'program' | 'slides';

export interface FeedContract {
  /** UDP port the venue encoder calls in to (SRT listener). */
  readonly ingestPort: number;
  /** Mixer i (0-based, in language order) pulls this feed from outputBasePort + i + 1. */
  readonly outputBasePort: number;
}

export const FEEDS: Readonly<Record<FeedKind, FeedContract>> = {
  program: { ingestPort: 9998, outputBasePort: 10000 },
  slides: { ingestPort: 9999, outputBasePort: 10100 },
};

/** Most mixers one feed can serve: output ports of the two feeds must never overlap. */
export const MAX_OUTPUTS = FEEDS.slides.outputBasePort - FEEDS.program.outputBasePort - 1;

/** UDP port on which mixer `index` (0-based) pulls `feed`. */
export function outputPort(feed: FeedKind, index: number): number {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_OUTPUTS) {
    throw new RangeError(`mixer index ${index} is outside 0..${MAX_OUTPUTS - 1}`);
  }
  return FEEDS[feed].outputBasePort + index + 1;
}

/** Environment variables the containers read. Values are strings, as in any environment. */
export const ENV = {
  /** Event slug, for logs and metrics labels. */
  eventName: 'EVENT_NAME',
  /** UDP port of the SRT listener for the venue encoder. */
  ingestPort: 'SRT_INGEST_PORT',
  /** Comma-separated UDP ports, one SRT listener per mixer, in language order. */
  outputPorts: 'SRT_OUTPUT_PORTS',
  /** Comma-separated labels for those outputs (language names), same order and count. */
  outputNames: 'SRT_OUTPUT_NAMES',
  /** SRT latency in milliseconds, on ingest and outputs. */
  latencyMs: 'SRT_LATENCY_MS',
  /** Idle time after which a silent SRT peer is dropped, milliseconds. */
  peerIdleTimeoutMs: 'SRT_PEER_IDLE_TIMEOUT_MS',
  /** SRT passphrase (10-79 characters), enforced on ingest and outputs. Secure variable. */
  passphrase: 'SRT_PASSPHRASE',
  /** TCP port for health and metrics. */
  healthPort: 'HEALTH_PORT',
  /** Slide splitter only: "crop" (centre crop) or "letterbox". */
  slideFit: 'SLIDE_FIT',
  /** Slide splitter only: output frame size, "1920x1080". */
  outputSize: 'OUTPUT_SIZE',
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
