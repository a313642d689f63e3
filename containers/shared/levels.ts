import { LEVEL_WINDOW_SECONDS, SILENCE_DBFS } from '../../lib/media-status';

const LINE = /lavfi\.astats\.Overall\.(Peak|RMS)_level=(-?inf|-?\d+(?:\.\d+)?)/;
const WINDOW_MS = LEVEL_WINDOW_SECONDS * 1000;

interface AudioLevel {
  /** Highest sample peak over the window, dBFS; SILENCE_DBFS for digital silence. */
  readonly peakDbfs: number | null;
  /** RMS over the window, dBFS; likewise. Both null before any audio. */
  readonly rmsDbfs: number | null;
}

/** Peak and RMS of the last few seconds from ffmpeg's astats lines (audio-plan.ts METER). */
export class LevelMeter {
  private samples: { at: number; peak: number; power: number }[] = [];
  private pendingPeak?: number;

  /** True when the line was a meter reading. */
  line(line: string, now = Date.now()): boolean {
    const m = LINE.exec(line);
    if (!m) return /\] frame:\d+\s+pts:/.test(line);
    const db = m[2].endsWith('inf') ? -Infinity : Number(m[2]);
    if (m[1] === 'Peak') {
      this.pendingPeak = db;
    } else {
      this.samples.push({ at: now, peak: this.pendingPeak ?? db, power: 10 ** (db / 10) });
      this.pendingPeak = undefined;
      this.samples = this.samples.filter((s) => now - s.at <= WINDOW_MS);
    }
    return true;
  }

  level(now = Date.now()): AudioLevel {
    const recent = this.samples.filter((s) => now - s.at <= WINDOW_MS);
    if (recent.length === 0) return { peakDbfs: null, rmsDbfs: null };
    const peak = Math.max(...recent.map((s) => s.peak));
    const power = recent.reduce((sum, s) => sum + s.power, 0) / recent.length;
    const db = (x: number): number =>
      Number.isFinite(x) && x > SILENCE_DBFS ? Math.round(x * 10) / 10 : SILENCE_DBFS;
    return { peakDbfs: db(peak), rmsDbfs: db(10 * Math.log10(power)) };
  }
}
