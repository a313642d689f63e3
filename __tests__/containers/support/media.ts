import { ChildProcess, execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { statSync } from 'node:fs';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { launch } from './procs';

const run = promisify(execFile);

export async function freeUdpPort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((resolve) => s.bind(0, '127.0.0.1', () => resolve()));
  const { port } = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export async function freeTcpPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  const address = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** SRT caller URI as ffmpeg (and OBS) take it: latency in microseconds. */
export function callerUri(port: number, latencyMs: number, passphrase?: string): string {
  const pass = passphrase ? `&passphrase=${passphrase}` : '';
  return `srt://127.0.0.1:${port}?mode=caller&latency=${latencyMs * 1000}&connect_timeout=2000${pass}`;
}

export interface SourceOptions {
  readonly size: string;
  readonly fps: number;
  readonly audio: boolean;
  readonly seconds?: number;
}

/** A test pattern (and tone), encoded in real time and pushed over SRT like a venue encoder. */
export function startSource(uri: string, o: SourceOptions): ChildProcess {
  const audio = o.audio
    ? [
        '-f',
        'lavfi',
        '-i',
        'sine=frequency=440:sample_rate=48000',
        '-map',
        '1:a',
        '-c:a',
        'aac',
        '-b:a',
        '64k',
        '-ac',
        '2',
      ]
    : [];
  return launch('ffmpeg', [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-re'],
    ...['-f', 'lavfi', '-i', `testsrc2=size=${o.size}:rate=${o.fps}`],
    ...audio,
    ...['-map', '0:v', '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency'],
    ...[
      '-g',
      String(o.fps),
      '-b:v',
      '1500k',
      '-maxrate',
      '1500k',
      '-bufsize',
      '750k',
      '-pix_fmt',
      'yuv420p',
    ],
    ...(o.seconds ? ['-t', String(o.seconds)] : []),
    ...['-f', 'mpegts', uri],
  ]);
}

export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export interface Probe {
  readonly video?: { width: number; height: number; codec: string; frames: number };
  readonly audio?: { codec: string; channels: number };
  readonly durationSeconds: number;
  readonly startSeconds: number;
}

/** ffprobe with decoding (-count_frames), so "decodable" means frames came out of the decoder. */
export async function probe(file: string): Promise<Probe> {
  const { stdout } = await run('ffprobe', [
    ...['-v', 'error', '-count_frames', '-show_streams', '-show_format', '-of', 'json', file],
  ]);
  const j = JSON.parse(stdout) as {
    streams: Record<string, string | number>[];
    format: { duration?: string; start_time?: string };
  };
  const v = j.streams.find((s) => s.codec_type === 'video');
  const a = j.streams.find((s) => s.codec_type === 'audio');
  return {
    video: v && {
      width: Number(v.width),
      height: Number(v.height),
      codec: String(v.codec_name),
      frames: Number(v.nb_read_frames ?? 0),
    },
    audio: a && { codec: String(a.codec_name), channels: Number(a.channels) },
    durationSeconds: Number(j.format.duration ?? 0),
    startSeconds: Number(j.format.start_time ?? 0),
  };
}
