/**
 * Live status of a deployed event, part by part: what the relay, the slide splitter and each
 * language's mixer say on their token-protected /status, put in the words an operator at the
 * venue needs ("spanish: silent", "french: on air"). The engine reads it; the dashboard pushes
 * it to the page and `status` prints it. Fields are only ever added.
 */
import type { EnvironmentName } from '../../lib/profiles';

/**
 * ok: doing its job; warn: up but not (yet) doing it (no feed, silent, not on air); bad:
 * broken or unreachable; unknown: nothing here can tell (no status endpoint, no reading yet).
 */
export type PartState = 'ok' | 'warn' | 'bad' | 'unknown';

/** One line per part, for a badge or a terminal. */
export interface PartView {
  readonly state: PartState;
  /** e.g. "feed in, 6.2 Mbit/s", "not answering (timeout after 2000 ms)". */
  readonly summary: string;
}

/** The relay or the slide splitter: the venue's feed coming in. */
export interface FeedPartLive extends PartView {
  readonly name: 'relay' | 'splitter';
  /** Its /status answered (with the token). */
  readonly reachable: boolean;
  /** The venue's encoder is connected over SRT. */
  readonly ingestConnected?: boolean;
  /** Feed bytes arrived within the last few seconds. */
  readonly feedPresent?: boolean;
  readonly bitrateBps?: number;
  /** Callers refused at ingest (wrong passphrase), since the part started. */
  readonly rejectedCallers?: number;
}

/** A language's audio as the relay measures it on its way to that language's mixer. */
export interface AudioLive extends PartView {
  /** Where it is in the program feed, e.g. "track 2", "channels 3+4 of track 1". */
  readonly source: string;
  /** Highest sample over the last few seconds, dBFS; null before any audio. */
  readonly peakDbfs: number | null;
  readonly rmsDbfs: number | null;
  /** Peak below SILENT_BELOW_DBFS, or the track is missing. */
  readonly silent: boolean;
  /** The feed lacks this language's track or channels: the relay sends silence. */
  readonly missing: boolean;
}

export interface MixerLive extends PartView {
  /** container: the headless mixer with its /status; obs: a Windows VM with none here. */
  readonly kind: 'container' | 'obs';
  readonly reachable: boolean;
  /** The relay's program feed is connected to the mixer's SRT listener. */
  readonly programConnected?: boolean;
  readonly slidesConnected?: boolean;
  /** The destination accepted the stream and took bytes within the last seconds. */
  readonly onAir?: boolean;
  readonly outputBitrateBps?: number;
  readonly droppedFrames?: number;
  /** The mixer's latest error line, already redacted by the mixer. */
  readonly lastError?: string;
}

export interface LanguageLive {
  readonly language: string;
  /** The relay's call to this language's mixer is up (push delivery). */
  readonly programDelivered?: boolean;
  /** The splitter's call to this language's mixer is up. */
  readonly slidesDelivered?: boolean;
  readonly audio?: AudioLive;
  readonly mixer: MixerLive;
  /** What the channel gets: ok only when the mixer is on air. */
  readonly destination: PartView;
  /** The worst of the language's parts. */
  readonly state: PartState;
}

export interface EventLive {
  readonly event: string;
  readonly environment: EnvironmentName;
  /** ISO 8601: when these readings were taken. */
  readonly at: string;
  /** The venue's two feeds, as the relay and the splitter receive them. */
  readonly venue: PartView;
  readonly relay: FeedPartLive;
  readonly splitter: FeedPartLive;
  /** In the event's language order. */
  readonly languages: readonly LanguageLive[];
  /** The worst state of every part. */
  readonly state: PartState;
}

/** Every deployed event of this machine's state, read at one time. */
export interface LiveSnapshot {
  /** ISO 8601. */
  readonly at: string;
  readonly events: readonly EventLive[];
}

export type LiveListener = (snapshot: LiveSnapshot) => void;

export interface LiveOptions {
  /** Between the end of one round of reads and the start of the next. @default 3000 */
  readonly intervalMs?: number;
  /** Per request to a part's /status. @default 2500 */
  readonly timeoutMs?: number;
}
