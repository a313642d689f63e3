import { OutputConfig, SupervisorConfig } from './config';
import { SecretFiles } from './secrets';

export const QUIET = ['-hide_banner', '-nostats', '-nostdin'];
/**
 * MPEG-TS, every packet flushed at once. pes_payload_size 0: each audio frame in a PES of its
 * own; the default gathers ~2.9 kB of audio first, about 180 ms at 128 kbit/s, at every hop.
 * max_interleave_delta 1 (µs): write packets as they come instead of holding audio until the
 * video catches up; the feed is live and already in order (bench:relay: p95 203 -> 129 ms).
 */
const TS_OUT = [
  '-f',
  'mpegts',
  '-flush_packets',
  '1',
  '-pes_payload_size',
  '0',
  '-max_interleave_delta',
  '1',
];

/**
 * The venue's SRT listener. Info level, because the supervisor reads the audio layout from the
 * stream list ffmpeg prints once the feed is probed. It exits when the venue hangs up and is
 * started again, listening, at once.
 */
export function ingestArgs(secrets: SecretFiles): string[] {
  return [
    ...QUIET,
    ...['-loglevel', 'level+info', '-fflags', '+genpts+discardcorrupt'],
    ...['-analyzeduration', '1000000', '-probesize', '2000000'],
    ...['-f', 'concat', '-safe', '0', '-protocol_whitelist', 'file,srt,udp'],
    ...['-i', secrets.ingestList],
    ...['-map', '0:v?', '-map', '0:a?', '-c', 'copy', ...TS_OUT, 'pipe:1'],
  ];
}

/** MPEG-TS read from the supervisor's pipe. */
export const PIPE_IN = [
  ...['-fflags', '+genpts+discardcorrupt', '-analyzeduration', '1000000', '-probesize', '2000000'],
  ...['-f', 'mpegts', '-i', 'pipe:0'],
];

/** The SRT caller to one mixer; the passphrase comes from the preset file, never argv. */
export function callerArgs(
  out: OutputConfig,
  cfg: SupervisorConfig,
  secrets: SecretFiles,
): string[] {
  const params = [
    'mode=caller',
    `latency=${cfg.latencyMs * 1000}`,
    `peer_idle_timeout=${cfg.peerIdleTimeoutMs * 1000}`,
    'connect_timeout=2000',
    'pkt_size=1316',
  ].join('&');
  return [
    ...TS_OUT,
    ...(secrets.callerPreset ? ['-fpre', secrets.callerPreset] : []),
    `srt://${out.host}:${out.port}?${params}`,
  ];
}
