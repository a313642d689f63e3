/** Channel count of each audio stream of the feed, in stream order (track 1 first). */
export type AudioLayout = readonly number[];

const NAMED: Readonly<Record<string, number>> = {
  mono: 1,
  stereo: 2,
  '2.1': 3,
  '3.0': 3,
  '3.0(back)': 3,
  '4.0': 4,
  quad: 4,
  'quad(side)': 4,
  '3.1': 4,
  '5.0': 5,
  '5.0(side)': 5,
  '4.1': 5,
  '5.1': 6,
  '5.1(side)': 6,
  '6.0': 6,
  hexagonal: 6,
  '6.1': 7,
  '7.0': 7,
  '7.1': 8,
  '7.1(wide)': 8,
  octagonal: 8,
};

const AUDIO_LINE = /^\s*Stream #0:\d+\S*: Audio: .*?, \d+ Hz, ([^,]+),/;

/**
 * Reads the audio layout from the stream list ffmpeg prints for its input ("Input #0" up to
 * "Output #0"), line by line, and reports it once the list is complete.
 */
export class LayoutReader {
  private streams?: number[];

  constructor(private readonly onLayout: (layout: AudioLayout) => void) {}

  line(line: string): void {
    if (line.startsWith('Input #0')) {
      this.streams = [];
    } else if (
      this.streams &&
      (line.startsWith('Output #0') || line.startsWith('Stream mapping'))
    ) {
      this.onLayout(this.streams);
      this.streams = undefined;
    } else if (this.streams) {
      const m = AUDIO_LINE.exec(line);
      if (m) this.streams.push(channelCount(m[1].trim()));
    }
  }
}

/** "stereo" -> 2, "6 channels" -> 6; an unknown name counts as one channel, never zero. */
export function channelCount(layout: string): number {
  const n = /^(\d+) channels/.exec(layout);
  if (n) return Number(n[1]);
  return NAMED[layout.replace(/\s.*$/, '')] ?? 1;
}
