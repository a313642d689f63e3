import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SAMPLE_RATE = 48000;

export interface AudioStreamInfo {
  readonly codec: string;
  readonly channels: number;
  readonly sampleRate: number;
}

/** Every audio stream of a recording, as ffprobe reads it. */
export async function audioStreams(file: string): Promise<AudioStreamInfo[]> {
  const { stdout } = await run('ffprobe', [
    ...[
      '-v',
      'error',
      '-select_streams',
      'a',
      '-show_entries',
      'stream=codec_name,channels,sample_rate',
    ],
    ...['-of', 'json', file],
  ]);
  const j = JSON.parse(stdout) as { streams: Record<string, string | number>[] };
  return j.streams.map((s) => ({
    codec: String(s.codec_name),
    channels: Number(s.channels),
    sampleRate: Number(s.sample_rate),
  }));
}

/**
 * The left channel of the first audio stream, decoded by ffmpeg at 48 kHz: from `fromSeconds`
 * (the first second skipped by default), for `seconds` or to the end.
 */
export async function decodeLeft(
  file: string,
  { fromSeconds = 1, seconds }: { fromSeconds?: number; seconds?: number } = {},
): Promise<Float64Array> {
  const { stdout } = await run(
    'ffmpeg',
    [
      ...['-v', 'error', '-ss', String(fromSeconds)],
      ...(seconds === undefined ? [] : ['-t', String(seconds)]),
      ...['-i', file, '-map', '0:a:0', '-af', 'pan=mono|c0=c0'],
      ...['-ar', String(SAMPLE_RATE), '-f', 's16le', '-'],
    ],
    { encoding: 'buffer', maxBuffer: 64 << 20 },
  );
  const n = Math.floor(stdout.length / 2);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = stdout.readInt16LE(i * 2) / 32768;
  return out;
}

/** Level of one frequency in dBFS (Goertzel over the whole signal, sine amplitude scale). */
export function toneDb(samples: Float64Array, hz: number, sampleRate = 48000): number {
  const w = (2 * Math.PI * hz) / sampleRate;
  const coeff = 2 * Math.cos(w);
  let s1 = 0;
  let s2 = 0;
  for (const x of samples) {
    const s0 = x + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  const amplitude = (2 * Math.sqrt(Math.max(power, 0))) / samples.length;
  return 20 * Math.log10(Math.max(amplitude, 1e-12));
}

/**
 * The frequency of a single tone: whole periods between the first and last upward zero crossing
 * of each 100 ms block, each crossing placed between its two samples, median over the blocks
 * that carry sound (a switch or a dropout leaves a short gap). Good to a fraction of a hertz,
 * where a count of crossings per block is only good to 10 Hz.
 */
export function zeroCrossingHz(samples: Float64Array, sampleRate = SAMPLE_RATE): number {
  const block = Math.round(sampleRate / 10);
  const estimates: number[] = [];
  for (let start = 0; start + block <= samples.length; start += block) {
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
    // About -41 dBFS RMS: below it the block is a gap, not the tone.
    if (Math.sqrt(energy / block) > 0.009 && periods > 0) {
      estimates.push((periods * sampleRate) / (last - first));
    }
  }
  if (estimates.length === 0) return 0;
  estimates.sort((a, b) => a - b);
  return estimates[estimates.length >> 1];
}

/** RMS level in dBFS; -Infinity for digital silence. */
export function rmsDb(samples: Float64Array): number {
  let sum = 0;
  for (const x of samples) sum += x * x;
  return 10 * Math.log10(sum / Math.max(samples.length, 1));
}
