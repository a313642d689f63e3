/**
 * One language mixer, computed once: layout, inputs, output settings and destination. Two
 * renderers read it and nothing else: lib/mixer-env.ts (the container mixer's environment) and
 * lib/mixer-obs.ts (OBS's profile, scene collection and service for the Windows VM). So the
 * container and OBS cannot disagree about where the slides go or what YouTube receives.
 */
import { DEFAULTS, MIXER_INPUT_PORTS } from './contract';

/** Which program runs the mixer: a Linux container with ffmpeg, or OBS on a Windows VM. */
export type MixerKind = 'container' | 'obs';
export const MIXER_KINDS: readonly MixerKind[] = ['container', 'obs'];

/**
 * "inset": the program fills the frame, the slides sit in a region at the bottom right.
 * "side-by-side": program left, slides right, each half the width, centred vertically.
 */
export type MixerLayout = 'inset' | 'side-by-side';
export const MIXER_LAYOUTS: readonly MixerLayout[] = ['inset', 'side-by-side'];

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** YouTube's ingest settings for 1080p30 (support.google.com/youtube/answer/2853702). */
export const YOUTUBE_OUTPUT = {
  width: 1920,
  height: 1080,
  fps: 30,
  videoCodec: 'h264',
  videoBitrateKbps: 6000,
  keyframeSeconds: 2,
  x264Preset: 'veryfast',
  audioCodec: 'aac',
  audioBitrateKbps: 128,
  audioSampleRateHz: 48000,
  audioChannels: 2,
} as const;
export type OutputSettings = {
  readonly [K in keyof typeof YOUTUBE_OUTPUT]: (typeof YOUTUBE_OUTPUT)[K];
};

/** YouTube's primary RTMPS ingest; the stream key is the publish name that follows it. */
export const YOUTUBE_RTMPS_URL = 'rtmps://a.rtmps.youtube.com:443/live2';

/** Where the program and the slides go on a width x height canvas. */
export function layoutRects(
  layout: MixerLayout,
  width: number,
  height: number,
): { program: Rect; slides: Rect } {
  if (layout === 'side-by-side') {
    const w = width / 2;
    const h = Math.round((w * 9) / 16 / 2) * 2;
    const y = Math.round((height - h) / 4) * 2;
    return { program: { x: 0, y, width: w, height: h }, slides: { x: w, y, width: w, height: h } };
  }
  // A third of the frame: readable slides, and the speaker's face (usually centred) stays clear.
  const w = Math.round(width / 3 / 2) * 2;
  const h = Math.round(height / 3 / 2) * 2;
  return {
    program: { x: 0, y: 0, width, height },
    slides: { x: width - w, y: height - h, width: w, height: h },
  };
}

export interface MixerModelProps {
  readonly eventName: string;
  readonly language: string;
  /** @default "inset" */
  readonly layout?: string;
  /** rtmp:// or rtmps:// without the key. @default YOUTUBE_RTMPS_URL */
  readonly destinationUrl?: string;
  /** @default 200 */
  readonly srtLatencyMs?: number;
  /** @default - the mixer runs until it is torn down */
  readonly expiresAt?: Date;
}

export interface MixerModel {
  readonly eventName: string;
  readonly language: string;
  readonly layout: MixerLayout;
  readonly program: Rect;
  readonly slides: Rect;
  readonly inputs: { readonly programPort: number; readonly slidesPort: number };
  readonly srtLatencyMs: number;
  readonly output: OutputSettings;
  readonly destinationUrl: string;
  readonly expiresAt?: Date;
}

export class MixerModelError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'MixerModelError';
  }
}

/** scheme, host and path of an RTMP(S) destination, or a problem line. */
export function parseDestination(
  url: string,
): { secure: boolean; host: string; port: number; app: string } | string {
  const m = /^(rtmps?):\/\/([A-Za-z0-9.-]+)(?::(\d{1,5}))?\/([A-Za-z0-9._~/-]+)$/.exec(url);
  if (!m)
    return `destinationUrl "${url}" must be rtmp://host[:port]/app or rtmps://host[:port]/app`;
  const secure = m[1] === 'rtmps';
  const port = m[3] ? Number(m[3]) : secure ? 443 : 1935;
  if (port < 1 || port > 65535) return `destinationUrl "${url}" has port ${port}; 1 to 65535`;
  return { secure, host: m[2], port, app: m[4] };
}

export function buildMixerModel(props: MixerModelProps): MixerModel {
  const problems: string[] = [];
  const layout = (props.layout ?? 'inset') as MixerLayout;
  if (!MIXER_LAYOUTS.includes(layout)) {
    problems.push(`layout "${props.layout}" must be one of ${MIXER_LAYOUTS.join(', ')}`);
  }
  const destinationUrl = props.destinationUrl ?? YOUTUBE_RTMPS_URL;
  const dest = parseDestination(destinationUrl);
  if (typeof dest === 'string') problems.push(dest);
  if (!/^[a-z0-9-]{1,32}$/.test(props.language)) {
    problems.push(`language "${props.language}" must be 1-32 of a-z, 0-9 and "-"`);
  }
  const srtLatencyMs = props.srtLatencyMs ?? DEFAULTS.latencyMs;
  if (!Number.isInteger(srtLatencyMs) || srtLatencyMs < 20 || srtLatencyMs > 8000) {
    problems.push(`srtLatencyMs ${srtLatencyMs} must be a whole number from 20 to 8000`);
  }
  if (problems.length > 0) throw new MixerModelError(problems);
  const rects = layoutRects(layout, YOUTUBE_OUTPUT.width, YOUTUBE_OUTPUT.height);
  return {
    eventName: props.eventName,
    language: props.language,
    layout,
    ...rects,
    inputs: { programPort: MIXER_INPUT_PORTS.program, slidesPort: MIXER_INPUT_PORTS.slides },
    srtLatencyMs,
    output: YOUTUBE_OUTPUT,
    destinationUrl,
    expiresAt: props.expiresAt,
  };
}
