import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Frequency of the tone in the first audio stream: periods between upward zero crossings per
 * 100 ms block of decoded samples, median over the blocks that carry sound (a switch may leave a
 * short gap).
 */
export async function toneHz(file: string, fromSeconds = 1, seconds = 3): Promise<number> {
  const { stdout } = await run(
    'ffmpeg',
    [
      ...['-v', 'error', '-ss', String(fromSeconds), '-t', String(seconds), '-i', file],
      ...['-map', '0:a:0', '-ac', '1', '-ar', '48000', '-f', 's16le', '-'],
    ],
    { encoding: 'buffer', maxBuffer: 64 << 20 },
  );
  const samples = new Int16Array(stdout.buffer, stdout.byteOffset, stdout.length >> 1);
  const block = 4800;
  const estimates: number[] = [];
  for (let start = 0; start + block <= samples.length; start += block) {
    // Whole periods between the block's first and last upward crossing, each placed between its
    // two samples: a count of crossings per block alone is only good to 1 / block seconds (10 Hz).
    let first = -1;
    let last = -1;
    let periods = -1;
    let energy = 0;
    for (let i = start + 1; i < start + block; i++) {
      const a = samples[i - 1];
      const b = samples[i];
      if (a < 0 && b >= 0) {
        const at = i - 1 + a / (a - b);
        if (first < 0) first = at;
        last = at;
        periods += 1;
      }
      energy += b * b;
    }
    if (Math.sqrt(energy / block) > 300 && periods > 0) {
      estimates.push((periods * 48000) / (last - first));
    }
  }
  if (estimates.length === 0) return 0;
  estimates.sort((a, b) => a - b);
  return estimates[estimates.length >> 1];
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
