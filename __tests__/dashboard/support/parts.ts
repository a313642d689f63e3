/**
 * Stand-ins for the parts of an event that cannot run here: an HTTP /status that answers with
 * the shape the real image produces (typed by the image's own interface, so a drift fails to
 * compile) only to the right bearer token, and records every request it is sent.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MediaStatus } from '../../../lib/media-status';
import type { MixerStatus } from '../../../lib/mixer-status';

export interface StatusStandIn<T> {
  readonly url: string;
  /** Every request: path and the Authorization header it carried. */
  readonly asked: { path: string; authorization?: string }[];
  /** What /status answers now; a test changes it to script the part. */
  body: T;
  close(): Promise<void>;
}

/** token: the one it accepts, or how to learn it (a token the engine generates on deploy). */
export async function statusStandIn<T>(
  token: string | (() => string | undefined),
  body: T,
): Promise<StatusStandIn<T>> {
  const expected = typeof token === 'string' ? () => token : token;
  const asked: { path: string; authorization?: string }[] = [];
  const server = http.createServer((req, res) => {
    asked.push({ path: req.url ?? '', authorization: req.headers.authorization });
    if (req.url !== '/status') {
      res.writeHead(404).end();
      return;
    }
    const want = expected();
    if (want === undefined || req.headers.authorization !== `Bearer ${want}`) {
      res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(standIn.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const standIn: StatusStandIn<T> = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/status`,
    asked,
    body,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return standIn;
}

export interface MixerScript {
  readonly program?: boolean;
  readonly slides?: boolean;
  readonly onAir?: boolean;
  readonly lastError?: string;
}

/** A container mixer's /status (lib/mixer-status.ts) in the given state. */
export function mixerStatus(language: string, s: MixerScript = {}): MixerStatus {
  const input = (connected: boolean, port: number) => ({
    port,
    connected,
    bytes: connected ? 4_000_000 : 0,
    bitrateBps: connected ? 6_000_000 : 0,
    lastPacketAgeMs: connected ? 15 : null,
    reconnects: 0,
    rejectedCallers: 0,
  });
  return {
    kind: 'container-mixer',
    event: 'stand-in',
    language,
    layout: 'side-by-side',
    uptimeSeconds: 42,
    onAir: s.onAir === true,
    picture: s.program ? (s.slides ? 'composite' : 'program-only') : 'waiting',
    inputs: { program: input(s.program === true, 10001), slides: input(s.slides === true, 10002) },
    output: {
      destination: 'rtmp://127.0.0.1/live2',
      bitrateBps: s.onAir ? 6_100_000 : 0,
      droppedFrames: 0,
      duplicatedFrames: 0,
      speed: s.program ? 1 : null,
      lastWriteAgeMs: s.onAir ? 40 : null,
      restarts: 0,
    },
    lastError: s.lastError ? { at: '2026-05-01T08:00:00.000Z', message: s.lastError } : null,
    expiresAt: null,
    processes: [{ name: 'compositor', running: true, restarts: 0 }],
  };
}

export interface FeedScript {
  readonly connected?: boolean;
  readonly present?: boolean;
  /** Relay only: per language, the peak dBFS (null: none measured) or "missing". */
  readonly audio?: readonly (number | null | 'missing')[];
}

/** A relay's or splitter's /status (lib/media-status.ts) in the given state. */
export function feedStatus(
  feed: 'program' | 'slides',
  languages: readonly string[],
  s: FeedScript = {},
): MediaStatus {
  return {
    feed,
    event: 'stand-in',
    uptimeSeconds: 42,
    live: true,
    encrypted: true,
    input: {
      port: feed === 'program' ? 9998 : 9997,
      connected: s.connected === true,
      present: s.present === true,
      bytes: s.present ? 9_000_000 : 0,
      bitrateBps: s.present ? 6_200_000 : 0,
      lastPacketAgeMs: s.present ? 8 : null,
      reconnects: 0,
      rejectedCallers: 0,
    },
    outputs: languages.map((name, i) => {
      const level = s.audio?.[i];
      return {
        name,
        target: `127.0.0.1:${10001 + i}`,
        connected: s.present === true,
        bytes: 0,
        droppedBytes: 0,
        reconnects: 0,
        rejectedCalls: 0,
        restarts: 0,
        ...(feed === 'program'
          ? {
              audio: {
                source: `track ${i + 1}`,
                missing: level === 'missing',
                floorMissing: false,
                peakDbfs: typeof level === 'number' ? level : level === 'missing' ? -120 : null,
                rmsDbfs: typeof level === 'number' ? level - 9 : level === 'missing' ? -120 : null,
              },
            }
          : {}),
      };
    }),
    processes: [{ name: 'ingest', running: true, restarts: 0 }],
  };
}
