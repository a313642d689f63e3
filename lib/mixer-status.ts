/**
 * What the container mixer answers on /status (with the status token), and what `status` and
 * the deploy's health wait read. The image produces it (containers/language-mixer/status.ts);
 * the engine only reads it. One owner: this file.
 */

/** One SRT listener of the mixer, as its caller (relay or splitter) sees it. */
export interface MixerInputStatus {
  readonly port: number;
  /** An SRT caller is connected now. */
  readonly connected: boolean;
  /** Media bytes received since start. */
  readonly bytes: number;
  readonly bitrateBps: number;
  /** Milliseconds since the last datagram; null before the first. */
  readonly lastPacketAgeMs: number | null;
  /** New caller sessions after the first. */
  readonly reconnects: number;
  /** Callers refused in the handshake (wrong or missing passphrase). */
  readonly rejectedCallers: number;
}

/**
 * What goes out. "composite": program and slides as the layout says; "program-only": no
 * slides are arriving, so the program fills the frame; "waiting": no program feed yet, nothing
 * is sent (the language's audio comes with the program).
 */
export type MixerPicture = 'composite' | 'program-only' | 'waiting';

export interface MixerOutputStatus {
  /** scheme://host/path of the destination; never the key. */
  readonly destination: string;
  /** Bytes written to the destination over the last second, as bits per second. */
  readonly bitrateBps: number;
  /** Frames the encoder dropped to hold the frame rate (since start, all runs). */
  readonly droppedFrames: number;
  /** Frames repeated to hold the frame rate (a feed slower than the output). */
  readonly duplicatedFrames: number;
  /** Encoding speed against real time (1 = keeping up); null when not running. */
  readonly speed: number | null;
  /** Milliseconds since the destination last accepted bytes; null before the first. */
  readonly lastWriteAgeMs: number | null;
  /** Compositor starts after the first (layout switches, feed sessions, failures). */
  readonly restarts: number;
}

export interface MixerStatus {
  readonly kind: 'container-mixer';
  readonly event: string;
  readonly language: string;
  readonly layout: string;
  readonly uptimeSeconds: number;
  /**
   * The destination accepted the stream (RTMP publish answered) and took bytes within the last
   * 3 seconds. What `status` and `deploy` call ready.
   */
  readonly onAir: boolean;
  readonly picture: MixerPicture;
  readonly inputs: { readonly program: MixerInputStatus; readonly slides: MixerInputStatus };
  readonly output: MixerOutputStatus;
  /** The latest error line of any child, redacted; null when none since start. */
  readonly lastError: { readonly at: string; readonly message: string } | null;
  /** When the mixer stops by itself; null when no expiry was given. */
  readonly expiresAt: string | null;
  readonly processes: readonly {
    readonly name: string;
    readonly running: boolean;
    readonly restarts: number;
  }[];
}

/** How long after the last accepted write a mixer still counts as on air. */
export const ON_AIR_WINDOW_MS = 3000;
