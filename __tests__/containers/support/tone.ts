import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

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

/** The left channel of the first audio stream, decoded by ffmpeg, skipping the first second. */
export async function decodeLeft(file: string, sampleRate = 48000): Promise<Float64Array> {
  const { stdout } = await run(
    'ffmpeg',
    [
      ...['-v', 'error', '-ss', '1', '-i', file, '-map', '0:a:0', '-af', 'pan=mono|c0=c0'],
      ...['-ar', String(sampleRate), '-f', 's16le', '-'],
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

/** The dominant frequency from zero crossings (a single tone measures within a few Hz). */
export function zeroCrossingHz(samples: Float64Array, sampleRate = 48000): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) {
    if (samples[i - 1] < 0 && samples[i] >= 0) crossings += 1;
  }
  return (crossings * sampleRate) / samples.length;
}

/** RMS level in dBFS; -Infinity for digital silence. */
export function rmsDb(samples: Float64Array): number {
  let sum = 0;
  for (const x of samples) sum += x * x;
  return 10 * Math.log10(sum / Math.max(samples.length, 1));
}
