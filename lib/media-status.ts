/**
 * The JSON that the relay and the slide splitter answer on /status (with the status token),
 * and that the engine reads. The images produce exactly this shape; this file is its one owner.
 */

/** Audio of one relay output, measured before the AAC encoder. */
export interface OutputAudioStatus {
  /** Where it comes from, as plan shows it: "track 2", "channels 5+6 of track 1". */
  readonly source: string;
  /** The floor under it, when the event asks: its source and level. */
  readonly floor?: { readonly source: string; readonly mixDb: number };
  /** The feed lacks this language's track or channels: the output carries silence. */
  readonly missing: boolean;
  /** The floor was asked for but the feed lacks it: the language goes out alone. */
  readonly floorMissing: boolean;
  /** Highest sample over the last LEVEL_WINDOW_SECONDS, dBFS; null before any audio. */
  readonly peakDbfs: number | null;
  /** RMS over the same window, dBFS; SILENCE_DBFS for digital silence. */
  readonly rmsDbfs: number | null;
}

/** Seconds of audio that peakDbfs and rmsDbfs cover. */
export const LEVEL_WINDOW_SECONDS = 3;
/** Reported for digital silence (whose level is minus infinity), in JSON and metrics. */
export const SILENCE_DBFS = -120;

/** One mixer that this image pushes its feed to. */
export interface MediaOutputStatus {
  /** The language. */
  readonly name: string;
  /** "host:port" of the mixer's SRT listener. */
  readonly target: string;
  /** The SRT call to the mixer is up. */
  readonly connected: boolean;
  /** Bytes handed to the SRT caller while connected. */
  readonly bytes: number;
  /** Bytes dropped for this output alone (mixer not connected, or not keeping up). */
  readonly droppedBytes: number;
  readonly reconnects: number;
  /** Calls the mixer refused (wrong passphrase on one side). */
  readonly rejectedCalls: number;
  /** Restarts of this output's processes. */
  readonly restarts: number;
  /** Relay only. */
  readonly audio?: OutputAudioStatus;
}

export interface MediaStatus {
  readonly feed: 'program' | 'slides';
  readonly event: string;
  readonly uptimeSeconds: number;
  /** Processes up and listening: what /healthz and /readyz answer. */
  readonly live: boolean;
  readonly encrypted: boolean;
  readonly input: {
    readonly port: number;
    readonly connected: boolean;
    /** Feed bytes arrived within the last few seconds: the venue is sending. */
    readonly present: boolean;
    readonly bytes: number;
    readonly bitrateBps: number;
    readonly lastPacketAgeMs: number | null;
    readonly reconnects: number;
    readonly rejectedCallers: number;
    /** Relay only: channels of each audio stream of the current session, in track order. */
    readonly audioTracks?: readonly number[];
  };
  readonly outputs: readonly MediaOutputStatus[];
  readonly processes: readonly {
    readonly name: string;
    readonly running: boolean;
    readonly restarts: number;
  }[];
  /**
   * The last value re-read from Key Vault that broke its rule (named by secret and rule, never
   * the value); the value in force was kept. Absent while every value read was good.
   */
  readonly secretProblem?: string;
}
