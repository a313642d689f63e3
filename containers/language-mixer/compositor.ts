import { MixerPicture } from '../../lib/mixer-status';
import { MixerConfig } from './config';

export interface CompositorPorts {
  readonly programIn: number;
  readonly slidesIn: number;
  /** Loopback TCP port where the supervisor takes the FLV (and publishes it itself). */
  readonly flvOut: number;
  /** Loopback TCP port for ffmpeg's -progress report (frames, drops, speed). */
  readonly progressOut: number;
}

const input = (port: number): string[] => [
  ...['-thread_queue_size', '1024', '-analyzeduration', '2000000', '-probesize', '5000000'],
  ...['-f', 'mpegts', '-i', `udp://127.0.0.1:${port}?fifo_size=1000000&overrun_nonfatal=1`],
];

/** Fit any frame inside w x h, black around it, square pixels. */
const fit = (w: number, h: number): string =>
  `scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2,setsar=1`;

/** The video filter graph for a picture; its output is [v]. */
export function videoFilter(cfg: MixerConfig, picture: Exclude<MixerPicture, 'waiting'>): string {
  const { width: W, height: H, fps } = cfg;
  const { program: p, slides: s } = cfg.rects;
  // Without slides the program fills the frame, whatever the layout.
  if (picture === 'program-only') return `[0:v]fps=${fps},${fit(W, H)},format=yuv420p[v]`;
  const base =
    p.width === W && p.height === H
      ? `[0:v]fps=${fps},${fit(W, H)}[bg]`
      : `[0:v]fps=${fps},${fit(p.width, p.height)},pad=${W}:${H}:${p.x}:${p.y}:black[bg]`;
  // repeatlast holds the latest slide between slide frames (a slide feed may run at 1 fps).
  return `${base};[1:v]${fit(s.width, s.height)}[sl];[bg][sl]overlay=${s.x}:${s.y}:repeatlast=1:eof_action=pass,format=yuv420p[v]`;
}

/**
 * ffmpeg: program (and slides) from loopback UDP, one picture, YouTube's settings, FLV to the
 * supervisor. No URL with a secret on this command line: the key stays with the supervisor.
 */
export function compositorArgs(
  cfg: MixerConfig,
  picture: Exclude<MixerPicture, 'waiting'>,
  ports: CompositorPorts,
): string[] {
  const gop = cfg.fps * cfg.keyframeSeconds;
  const kbps = cfg.videoBitrateKbps;
  return [
    ...['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'warning'],
    ...['-fflags', '+genpts+discardcorrupt'],
    ...input(ports.programIn),
    ...(picture === 'composite' ? input(ports.slidesIn) : []),
    ...['-filter_complex', videoFilter(cfg, picture), '-map', '[v]', '-map', '0:a:0'],
    ...['-c:v', 'libx264', '-preset', cfg.x264Preset, '-profile:v', 'high', '-r', String(cfg.fps)],
    ...['-b:v', `${kbps}k`, '-maxrate', `${kbps}k`, '-bufsize', `${kbps * 2}k`],
    // A keyframe exactly every keyframeSeconds: fixed GOP, no scene-cut keyframes in between.
    ...['-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0'],
    ...['-force_key_frames', `expr:gte(t,n_forced*${cfg.keyframeSeconds})`],
    ...['-af', 'aresample=async=1000', '-c:a', 'aac', '-b:a', `${cfg.audioBitrateKbps}k`],
    ...['-ar', String(cfg.audioSampleRateHz), '-ac', '2'],
    ...['-max_muxing_queue_size', '1024', '-progress', `tcp://127.0.0.1:${ports.progressOut}`],
    ...['-stats_period', '1', '-f', 'flv', '-flvflags', 'no_duration_filesize'],
    `tcp://127.0.0.1:${ports.flvOut}`,
  ];
}
