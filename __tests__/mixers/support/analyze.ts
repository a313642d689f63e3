import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { decodeLeft, zeroCrossingHz } from '../../containers/support/tone';

const run = promisify(execFile);

/** Frequency of the tone in the first audio stream, `seconds` long from `fromSeconds`. */
export async function toneHz(file: string, fromSeconds = 1, seconds = 3): Promise<number> {
  return zeroCrossingHz(await decodeLeft(file, { fromSeconds, seconds }));
}

export interface StreamInfo {
  readonly width: number;
  readonly height: number;
  readonly sampleRate: number;
  readonly channels: number;
  readonly durationSeconds: number;
}

export async function streamInfo(file: string): Promise<StreamInfo> {
  const { stdout } = await run('ffprobe', [
    ...['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file],
  ]);
  const j = JSON.parse(stdout) as {
    streams: Record<string, string | number>[];
    format: { duration?: string };
  };
  const v = j.streams.find((s) => s.codec_type === 'video') ?? {};
  const a = j.streams.find((s) => s.codec_type === 'audio') ?? {};
  return {
    width: Number(v.width),
    height: Number(v.height),
    sampleRate: Number(a.sample_rate),
    channels: Number(a.channels),
    durationSeconds: Number(j.format.duration),
  };
}

/** Seconds between consecutive keyframes (packet flags), in stream order. */
export async function keyframeIntervals(file: string): Promise<number[]> {
  const { stdout } = await run(
    'ffprobe',
    [
      ...['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags'],
      ...['-of', 'csv=p=0', file],
    ],
    { maxBuffer: 16 << 20 },
  );
  const keys = stdout
    .split('\n')
    .filter((l) => l.includes('K'))
    .map((l) => Number(l.split(',')[0]))
    .filter((t) => Number.isFinite(t));
  return keys.slice(1).map((t, i) => Math.round((t - keys[i]) * 1000) / 1000);
}

/** One decoded frame, `atSeconds` from the end, as grey levels: px(x, y) in 0..255. */
export async function grayFrame(
  file: string,
  fromEndSeconds: number,
  width: number,
  height: number,
): Promise<(x: number, y: number) => number> {
  const { stdout } = await run(
    'ffmpeg',
    [
      ...['-v', 'error', '-sseof', `-${fromEndSeconds}`, '-i', file, '-frames:v', '1'],
      ...['-pix_fmt', 'gray', '-f', 'rawvideo', '-'],
    ],
    { encoding: 'buffer', maxBuffer: 16 << 20 },
  );
  if (stdout.length !== width * height) throw new Error(`frame of ${stdout.length} bytes`);
  return (x, y) => stdout[y * width + x];
}

/** Mean grey level of a rectangle, sampled every 8 pixels. */
export function regionMean(
  px: (x: number, y: number) => number,
  r: { x: number; y: number; width: number; height: number },
): number {
  let sum = 0;
  let n = 0;
  for (let y = r.y + 8; y < r.y + r.height - 8; y += 8) {
    for (let x = r.x + 8; x < r.x + r.width - 8; x += 8) {
      sum += px(x, y);
      n += 1;
    }
  }
  return sum / n;
}
