/** One FLV tag as ffmpeg writes it: 8 audio, 9 video, 18 script data (onMetaData). */
export interface FlvTag {
  readonly type: number;
  /** Milliseconds, from the start of this ffmpeg run. */
  readonly timestamp: number;
  readonly data: Buffer;
}

/** Splits an FLV byte stream (ffmpeg's stdout) into tags, whatever the read boundaries. */
export class FlvReader {
  private buf: Buffer = Buffer.alloc(0);
  private headerDone = false;

  constructor(private readonly onTag: (tag: FlvTag) => void) {}

  push(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    if (!this.headerDone) {
      if (this.buf.length < 13) return;
      if (this.buf.toString('latin1', 0, 3) !== 'FLV') throw new Error('not an FLV stream');
      // Header (its own length at byte 5), then PreviousTagSize0.
      const skip = this.buf.readUInt32BE(5) + 4;
      if (this.buf.length < skip) return;
      this.buf = this.buf.subarray(skip);
      this.headerDone = true;
    }
    while (this.buf.length >= 11) {
      const size = this.buf.readUIntBE(1, 3);
      if (this.buf.length < 11 + size + 4) return;
      const timestamp = (this.buf.readUInt8(7) << 24) | this.buf.readUIntBE(4, 3);
      this.onTag({
        type: this.buf.readUInt8(0) & 0x1f,
        timestamp: timestamp >>> 0,
        data: Buffer.from(this.buf.subarray(11, 11 + size)),
      });
      this.buf = this.buf.subarray(11 + size + 4);
    }
  }
}

/** A video tag that starts a GOP (FLV frame type 1). */
export const isKeyframe = (t: FlvTag): boolean => t.type === 9 && t.data[0] >> 4 === 1;
/** AVC or AAC sequence header: the decoder configuration a receiver needs before media. */
export const isSequenceHeader = (t: FlvTag): boolean =>
  (t.type === 9 && (t.data[0] & 0x0f) === 7 && t.data[1] === 0) ||
  (t.type === 8 && t.data[0] >> 4 === 10 && t.data[1] === 0);
