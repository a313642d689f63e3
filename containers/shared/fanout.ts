import { Writable } from 'node:stream';

/** A consumer that is behind by more than this loses chunks instead of holding others up. */
const MAX_BACKLOG_BYTES = 2 << 20;

export interface Sink {
  /** Where to write now, or undefined while the consumer is not taking media. */
  writable(): Writable | undefined;
  /** Counts what was handed over. */
  delivered(bytes: number): void;
  /** Counts what this sink lost on its own (not taking media, or too far behind). */
  dropped(bytes: number): void;
}

/**
 * Copies each chunk of the feed to every sink through its pipe. A write never awaits: a sink
 * whose pipe is full (a stalled ffmpeg, an unreachable mixer) drops chunks on its own, and no
 * other sink notices. That is the whole isolation guarantee between mixers.
 */
export class Fanout {
  bytesIn = 0;
  lastChunkAt = 0;

  constructor(private readonly sinks: () => readonly Sink[]) {}

  push(chunk: Buffer): void {
    this.bytesIn += chunk.length;
    this.lastChunkAt = Date.now();
    for (const s of this.sinks()) {
      const w = s.writable();
      if (!w || w.destroyed || w.writableLength > MAX_BACKLOG_BYTES) {
        s.dropped(chunk.length);
        continue;
      }
      w.write(chunk);
      s.delivered(chunk.length);
    }
  }
}
