import { ChildProcess, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** The venue's track 1: a 100 ms beep every BEEP_PERIOD_MS, silence between. */
export const BEEP_PERIOD_MS = 2000;
export const BEEP_SOURCE = `sine=frequency=1000:sample_rate=48000,volume=enable='gte(mod(t\\,${BEEP_PERIOD_MS / 1000})\\,0.1)':volume=0`;

const RATE = 8000;
const THRESHOLD = 0.05;

/**
 * A mixer stand-in that hears the beeps: an SRT listener that decodes the first audio stream as
 * it arrives and notes the wall-clock moment each beep starts. Decoding costs the same on every
 * path, so comparing two paths' onsets gives the latency one adds over the other.
 */
export class BeepListener {
  readonly onsets: number[] = [];
  readonly proc: ChildProcess;
  private quietSamples = 0;

  constructor(port: number, passphrase: string | undefined) {
    this.proc = spawn(
      'ffmpeg',
      [
        ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
        ...[
          '-fflags',
          'nobuffer',
          '-flags',
          'low_delay',
          '-probesize',
          '32768',
          '-analyzeduration',
          '0',
        ],
        ...(passphrase ? ['-passphrase', passphrase] : []),
        ...['-i', `srt://127.0.0.1:${port}?mode=listener&latency=200000`],
        ...['-map', '0:a:0', '-ac', '1', '-ar', String(RATE), '-f', 's16le', 'pipe:1'],
      ],
      { detached: true, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    this.proc.stdout!.on('data', (chunk: Buffer) => this.listen(chunk, performance.now()));
  }

  private listen(chunk: Buffer, now: number): void {
    const n = Math.floor(chunk.length / 2);
    for (let i = 0; i < n; i++) {
      const loud = Math.abs(chunk.readInt16LE(i * 2)) / 32768 > THRESHOLD;
      // An onset: loud after at least half a period of quiet. The chunk's last sample arrived now.
      if (loud && this.quietSamples > (RATE * BEEP_PERIOD_MS) / 2000) {
        this.onsets.push(now - ((n - i) / RATE) * 1000);
      }
      this.quietSamples = loud ? 0 : this.quietSamples + 1;
    }
  }
}

/** For each onset of `path`, how much later it came than the same beep on `reference`. */
export function addedMs(path: readonly number[], reference: readonly number[]): number[] {
  const out: number[] = [];
  for (const t of path) {
    const before = reference.filter((r) => r <= t + 50);
    if (before.length === 0) continue;
    const d = t - before[before.length - 1];
    // Beeps repeat: a difference over one period would be matched to the wrong beep.
    if (d < BEEP_PERIOD_MS - 100) out.push(d);
  }
  return out;
}
