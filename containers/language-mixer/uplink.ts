import { log } from '../shared/log';
import { FlvReader, FlvTag, isKeyframe, isSequenceHeader } from './flv';
import { RtmpPublisher, RtmpTarget } from './rtmp';

/** A destination that has not taken bytes for this long has stopped reading. */
const STALL_MS = 5000;
/** Tags held from the cut keyframe while a new session opens (a stream key change): ~10 s. */
const MAX_HELD = 1000;

/**
 * Keeps one RTMP(S) publish session to the destination across compositor restarts: each new
 * FLV stream continues the previous one's timeline, so a layout switch is a seamless edit for
 * YouTube rather than a new broadcast. Reconnects by itself when the destination drops us.
 */
export class Uplink {
  reader?: FlvReader;
  publisher?: RtmpPublisher;
  connects = 0;
  lastError: string | null = null;
  private connecting = false;
  private base = 0;
  private rebase = false;
  private lastTs = 0;
  private headers = new Map<string, FlvTag>();
  private waitKeyframe = true;
  /** The running stream was cut at a keyframe: drop its tail until the next stream begins. */
  private sealed = false;
  private retryAt = 0;
  private failures = 0;
  /** A changed stream key, taken into use at the next keyframe. */
  private nextKey?: string;
  /** From the cut keyframe until the new session publishes, media waits here. */
  private held?: { type: 8 | 9; ts: number; data: Buffer }[];

  constructor(
    private target: RtmpTarget,
    private readonly onError: (message: string) => void,
    /**
     * Called as each keyframe passes; true when a layout switch cuts the stream there. The
     * keyframe goes out and the old run's tail does not (x264 flushes frames as it stops), so
     * the new run's first keyframe follows within a frame and no GOP outgrows the interval.
     */
    private readonly onKeyframe: () => boolean = () => false,
  ) {}

  /** A new FLV stream begins (the compositor (re)started). */
  newStream(): void {
    this.rebase = true;
    this.sealed = false;
    this.headers.clear();
    this.reader = new FlvReader((t) => this.onTag(t));
  }

  push(chunk: Buffer): void {
    try {
      this.reader?.push(chunk);
    } catch (err) {
      this.fail(`compositor output: ${(err as Error).message}`);
      this.reader = undefined;
    }
  }

  close(): void {
    this.publisher?.close('stopping');
  }

  /**
   * A changed stream key (Key Vault refresh): the session ends right before the next video
   * keyframe and a new one publishes with the key, starting at that keyframe, as a layout
   * switch cuts. With no session up, the next connection uses it.
   */
  changeStreamKey(streamKey: string): void {
    if (this.publisher?.published || this.connecting) this.nextKey = streamKey;
    else this.target = { ...this.target, streamKey };
  }

  get destination(): string {
    return RtmpPublisher.describe(this.target);
  }

  private onTag(tag: FlvTag): void {
    if (this.sealed) return;
    if (this.rebase && (tag.type === 8 || tag.type === 9)) {
      // The new run's first media tag follows the previous run's last one by about a frame,
      // whatever timestamp ffmpeg started this run at.
      this.base = this.lastTs + 33 - tag.timestamp;
      this.rebase = false;
    }
    const ts = Math.max(this.base + tag.timestamp, 0);
    this.lastTs = Math.max(this.lastTs, ts);
    if (tag.type === 18 || isSequenceHeader(tag)) this.headers.set(String(tag.type), tag);
    if (this.nextKey !== undefined && tag.type === 9 && isKeyframe(tag) && !this.connecting) {
      this.switchKey(this.nextKey);
    }
    const p = this.publisher;
    if (!p?.published) {
      if (this.held && (tag.type === 8 || tag.type === 9) && this.held.length < MAX_HELD) {
        this.held.push({ type: tag.type, ts, data: tag.data });
      }
      this.connect();
      return;
    }
    if (p.backlog > 0 && Date.now() - p.lastFlushAt > STALL_MS) {
      p.close('destination stopped reading');
      return;
    }
    if (tag.type === 18) return p.sendMetadata(tag.data);
    if (tag.type !== 8 && tag.type !== 9) return;
    // After (re)connecting, video starts at a keyframe so the first GOP decodes.
    const cut = isKeyframe(tag) && this.onKeyframe();
    if (tag.type === 9 && this.waitKeyframe) {
      if (!isKeyframe(tag)) return;
      this.waitKeyframe = false;
    }
    p.sendMedia(tag.type, ts, tag.data);
    if (cut) this.sealed = true;
  }

  private switchKey(streamKey: string): void {
    const old = this.publisher;
    this.nextKey = undefined;
    this.target = { ...this.target, streamKey };
    // Detached first, so its close is not a failure with a backoff.
    this.publisher = undefined;
    old?.finish('stream key changed');
    this.held = [];
    this.retryAt = 0;
    log('info', 'stream key changed; publishing again with it from this keyframe', {
      destination: this.destination,
    });
  }

  private connect(): void {
    if (this.connecting || Date.now() < this.retryAt) return;
    this.connecting = true;
    // A session that dropped while a new key waited for its keyframe reconnects with the new key.
    if (this.nextKey !== undefined) {
      this.target = { ...this.target, streamKey: this.nextKey };
      this.nextKey = undefined;
    }
    RtmpPublisher.open(this.target)
      .then((p) => {
        this.publisher = p;
        this.connects += 1;
        this.failures = 0;
        this.waitKeyframe = true;
        log('info', 'publishing', { destination: this.destination });
        for (const h of this.headers.values()) {
          if (h.type === 18) p.sendMetadata(h.data);
          else p.sendMedia(h.type as 8 | 9, this.held?.[0]?.ts ?? this.lastTs, h.data);
        }
        // Held media begins at the keyframe the old session ended before.
        for (const t of this.held ?? []) p.sendMedia(t.type, t.ts, t.data);
        if (this.held?.length) this.waitKeyframe = false;
        this.held = undefined;
        p.onClose((why) => {
          if (this.publisher === p) this.fail(why);
        });
      })
      .catch((err: Error) => {
        this.held = undefined;
        this.fail(err.message);
      })
      .finally(() => {
        this.connecting = false;
      });
  }

  private fail(message: string): void {
    this.failures += 1;
    this.retryAt = Date.now() + Math.min(500 * 2 ** (this.failures - 1), 8000);
    this.lastError = message;
    this.onError(message);
    log('warn', 'destination', { destination: this.destination, reason: message });
  }
}
