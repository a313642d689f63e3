/**
 * Server-Sent Events for one run. A subscriber first gets the run's history (so a browser
 * that reconnects, or a second operator, sees the log so far), then live events; with
 * Last-Event-ID it gets only what it missed. The stream ends after the run's "done" event.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EngineEvent, Engine, Run } from '../engine';
import { LOGGED_COMMANDS, presentEvent, summarize } from './present';
import type { Scrubber } from './redact';

/** Proxies and phones drop idle connections; a comment line keeps them open. */
const HEARTBEAT_MS = 15_000;

function openStream(req: IncomingMessage, res: ServerResponse, onClose: () => void): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'X-Accel-Buffering': 'no',
    Connection: 'keep-alive',
  });
  res.write('retry: 2000\n\n');
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const cleanup = () => {
    clearInterval(heartbeat);
    onClose();
  };
  req.on('close', cleanup);
  res.on('close', cleanup);
}

function frame(id: number | undefined, type: string, data: unknown): string {
  const idLine = id === undefined ? '' : `id: ${id}\n`;
  return `${idLine}event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Last-Event-ID is the seq of the last event the client has; absent or bad means "none". */
export function parseLastEventId(req: IncomingMessage): number {
  const raw = req.headers['last-event-id'];
  const n = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : -1;
  return n;
}

export function streamRun(
  req: IncomingMessage,
  res: ServerResponse,
  run: Run,
  scrubber: Scrubber,
): void {
  const after = parseLastEventId(req);
  let closed = false;
  let unsubscribe: () => void = () => undefined;
  openStream(req, res, () => {
    closed = true;
    unsubscribe();
  });
  const send = (event: EngineEvent) => {
    if (closed || event.seq <= after) return;
    res.write(frame(event.seq, event.type, presentEvent(scrubber, event)));
    if (event.type === 'done') {
      closed = true;
      res.end();
    }
  };
  unsubscribe = run.subscribe(send, { replay: true });
  // The replay may already have delivered "done" and ended the response.
  if (closed) unsubscribe();
}

/**
 * Tells every open page when a deploy or teardown starts or ends, whoever started it, so it
 * can follow the run and refresh the status panel without polling; and pushes each round of
 * the engine's live status (every part of every deployed event) as it is read.
 */
export function streamFeed(
  req: IncomingMessage,
  res: ServerResponse,
  engine: Engine,
  scrubber: Scrubber,
): void {
  let unsubscribe: () => void = () => undefined;
  let stopLive: () => void = () => undefined;
  let closed = false;
  openStream(req, res, () => {
    closed = true;
    unsubscribe();
    stopLive();
  });
  unsubscribe = engine.subscribeAll((event) => {
    if (event.type !== 'run-started' && event.type !== 'done') return;
    const run = engine.getRun(event.runId);
    if (!run || !LOGGED_COMMANDS.has(run.command)) return;
    const summary = summarize(scrubber, run, event.type === 'done' ? event.result : undefined);
    res.write(frame(undefined, event.type === 'done' ? 'run-finished' : 'run-started', summary));
  });
  stopLive = engine.watchLive((snapshot) => {
    if (!closed) res.write(frame(undefined, 'live', scrubber.scrub(snapshot)));
  });
  if (closed) stopLive();
}
