/**
 * Reads one event's parts once: the relay's and the splitter's /status and each container
 * mixer's, all with the event's status token (from the deploying machine's file), in parallel and each
 * bounded by a timeout, then judges every part in an operator's words. Never throws: a part
 * that cannot be read is a part in state "bad" with the reason.
 */
import type { MediaOutputStatus, MediaStatus } from '../../lib/media-status';
import type { MixerStatus } from '../../lib/mixer-status';
import type { EnvironmentName } from '../../lib/profiles';
import type { EventOutputs } from '../../lib/stack-outputs';
import type {
  AudioLive,
  EventLive,
  FeedPartLive,
  LanguageLive,
  MixerLive,
  PartState,
  PartView,
} from './types';

/** A language whose peak stays below this over the relay's window is called silent. */
export const SILENT_BELOW_DBFS = -60;

/** GETs a part's JSON status; resolves to the body or why not, worded as a part's summary. */
export type StatusFetcher = (
  url: string,
  token: string | undefined,
  timeoutMs: number,
) => Promise<{ ok: true; body: unknown } | { ok: false; reason: string; unknown?: boolean }>;

/**
 * The status token lives in an owner-only file on the machine that deployed the event
 * (engine/credentials.ts); elsewhere no part can be asked, which says nothing about the part.
 */
export const NO_TOKEN_HERE =
  'status token not on this machine (it stays on the machine that deployed the event)';

/** What the usual network failures mean, for a box on the page rather than a stack trace. */
const NETWORK_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  UND_ERR_SOCKET: 'connection closed',
  ENOTFOUND: 'name not found',
  EAI_AGAIN: 'name not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'timed out',
};

export const fetchStatus: StatusFetcher = async (url, token, timeoutMs) => {
  try {
    const response = await fetch(url, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    if (response.status === 401 || response.status === 403)
      return { ok: false, reason: `refused the status token (HTTP ${response.status})` };
    if (!response.ok) return { ok: false, reason: `answered HTTP ${response.status}` };
    return { ok: true, body: await response.json() };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError') return { ok: false, reason: `no answer in ${timeoutMs} ms` };
    const code = e.cause?.code ?? '';
    return {
      ok: false,
      reason: `not answering (${NETWORK_WORDS[code] ?? (code || e.message.split('\n')[0])})`,
    };
  }
};

const RANK: Record<PartState, number> = { ok: 0, unknown: 1, warn: 2, bad: 3 };

export function worst(...states: PartState[]): PartState {
  return states.reduce<PartState>((a, b) => (RANK[b] > RANK[a] ? b : a), 'ok');
}

export function mbps(bps: number): string {
  return `${(bps / 1e6).toFixed(1)} Mbit/s`;
}

function feedPart(
  name: 'relay' | 'splitter',
  read: Awaited<ReturnType<StatusFetcher>> | undefined,
): { part: FeedPartLive; status?: MediaStatus } {
  if (!read) {
    return {
      part: {
        name,
        state: 'unknown',
        summary: 'no status endpoint in this event’s outputs (deployed before live status)',
        reachable: false,
      },
    };
  }
  if (!read.ok)
    return {
      part: {
        name,
        state: read.unknown ? 'unknown' : 'bad',
        summary: read.reason,
        reachable: false,
      },
    };
  const status = read.body as MediaStatus;
  const input = status.input;
  const what = name === 'relay' ? 'program' : 'slides';
  let state: PartState;
  let summary: string;
  // Per-language processes only run while a feed does, so "not running" alone is no fault;
  // `live` is the image's own word that its processes are up and its ingest listens.
  if (!status.live) {
    state = 'bad';
    summary = 'not live: its ingest is not listening';
  } else if (!input.connected) {
    state = 'warn';
    summary =
      input.rejectedCallers > 0
        ? `waiting for the venue’s ${what} feed; ${input.rejectedCallers} caller(s) refused (wrong passphrase?)`
        : `waiting for the venue’s ${what} feed`;
  } else if (!input.present) {
    state = 'warn';
    const age =
      input.lastPacketAgeMs === null ? '' : ` for ${Math.round(input.lastPacketAgeMs / 1000)} s`;
    summary = `encoder connected, no data${age}`;
  } else {
    state = 'ok';
    summary = `${what} feed in, ${mbps(input.bitrateBps)}`;
  }
  // A value re-read from Key Vault was refused: the part runs on the old one, which the
  // operator should know before the next restart makes it matter.
  if (status.secretProblem) {
    if (state === 'ok') state = 'warn';
    summary = `${summary}; ${status.secretProblem}`;
  }
  return {
    status,
    part: {
      name,
      state,
      summary,
      reachable: true,
      ingestConnected: input.connected,
      feedPresent: input.present,
      bitrateBps: input.bitrateBps,
      rejectedCallers: input.rejectedCallers,
    },
  };
}

function audioOf(
  output: MediaOutputStatus | undefined,
  feedPresent: boolean,
): AudioLive | undefined {
  const audio = output?.audio;
  if (!audio) return undefined;
  const silent = audio.missing || (audio.peakDbfs !== null && audio.peakDbfs < SILENT_BELOW_DBFS);
  let view: PartView;
  if (audio.missing)
    view = { state: 'bad', summary: `${audio.source} is not in the feed: silence` };
  else if (!feedPresent) view = { state: 'unknown', summary: `${audio.source}: no feed` };
  else if (audio.peakDbfs === null)
    view = { state: 'unknown', summary: `${audio.source}: no level yet` };
  else if (silent)
    view = { state: 'warn', summary: `${audio.source}: silent (peak ${audio.peakDbfs} dBFS)` };
  else
    view = {
      state: 'ok',
      summary: `${audio.source}: peak ${audio.peakDbfs} dBFS, RMS ${audio.rmsDbfs} dBFS`,
    };
  return {
    ...view,
    source: audio.source,
    peakDbfs: audio.peakDbfs,
    rmsDbfs: audio.rmsDbfs,
    silent,
    missing: audio.missing,
  };
}

function mixerPart(read: Awaited<ReturnType<StatusFetcher>> | undefined): MixerLive {
  if (!read) {
    return {
      kind: 'obs',
      state: 'unknown',
      summary: 'OBS on a VM: no status endpoint; use Check Status for the VM',
      reachable: false,
    };
  }
  if (!read.ok)
    return {
      kind: 'container',
      state: read.unknown ? 'unknown' : 'bad',
      summary: read.reason,
      reachable: false,
    };
  const s = read.body as MixerStatus;
  const base = {
    kind: 'container' as const,
    reachable: true,
    programConnected: s.inputs.program.connected,
    slidesConnected: s.inputs.slides.connected,
    onAir: s.onAir,
    outputBitrateBps: s.output.bitrateBps,
    droppedFrames: s.output.droppedFrames,
    ...(s.lastError ? { lastError: s.lastError.message } : {}),
  };
  if (s.onAir) {
    const slides = s.picture === 'program-only' ? ', without slides' : '';
    return {
      ...base,
      state: s.picture === 'program-only' ? 'warn' : 'ok',
      summary: `on air, ${mbps(s.output.bitrateBps)}${slides}`,
    };
  }
  if (!s.inputs.program.connected)
    return { ...base, state: 'warn', summary: 'waiting for the relay’s program feed' };
  const why = s.lastError ? `: ${s.lastError.message}` : '';
  return { ...base, state: 'bad', summary: `input connected, not on air${why}` };
}

/** YouTube itself cannot be asked; what the mixer says about its push is what is known. */
function destinationOf(mixer: MixerLive): PartView {
  if (mixer.onAir) return { state: 'ok', summary: 'taking the stream' };
  if (mixer.kind === 'obs') return { state: 'unknown', summary: 'not visible from here' };
  return { state: mixer.reachable ? 'warn' : 'unknown', summary: 'nothing sent' };
}

export interface ReadEventInput {
  readonly event: string;
  readonly environment: EnvironmentName;
  readonly outputs: EventOutputs;
  /** From the deploying machine's token file; absent elsewhere (parts shown as unknown). */
  readonly token?: string;
}

export async function readEventLive(
  input: ReadEventInput,
  options: { fetcher?: StatusFetcher; timeoutMs: number; now: () => Date },
): Promise<EventLive> {
  const fetcher = options.fetcher ?? fetchStatus;
  const noToken = { ok: false as const, reason: NO_TOKEN_HERE, unknown: true };
  const get = (url: string | undefined) =>
    !url
      ? Promise.resolve(undefined)
      : input.token
        ? fetcher(url, input.token, options.timeoutMs)
        : Promise.resolve(noToken);
  const { outputs } = input;
  const mixers = outputs.mixers ?? [];
  const [relayRead, splitterRead, ...mixerReads] = await Promise.all([
    get(outputs.relay_status_url),
    get(outputs.splitter_status_url),
    ...mixers.map((m) => get(m.status_url)),
  ]);
  const relay = feedPart('relay', relayRead);
  const splitter = feedPart('splitter', splitterRead);
  const output = (s: MediaStatus | undefined, language: string) =>
    s?.outputs.find((o) => o.name === language);

  const languages: LanguageLive[] = mixers.map((m, i) => {
    const program = output(relay.status, m.language);
    const slides = output(splitter.status, m.language);
    const audio = audioOf(program, relay.part.feedPresent === true);
    const mixer = mixerPart(mixerReads[i]);
    const destination = destinationOf(mixer);
    return {
      language: m.language,
      ...(program ? { programDelivered: program.connected } : {}),
      ...(slides ? { slidesDelivered: slides.connected } : {}),
      ...(audio ? { audio } : {}),
      mixer,
      destination,
      state: worst(mixer.state, audio?.state ?? 'ok', destination.state),
    };
  });

  const venue = venueOf(relay.part, splitter.part);
  return {
    event: input.event,
    environment: input.environment,
    at: options.now().toISOString(),
    venue,
    relay: relay.part,
    splitter: splitter.part,
    languages,
    state: worst(
      venue.state,
      relay.part.state,
      splitter.part.state,
      ...languages.map((l) => l.state),
    ),
  };
}

function venueOf(relay: FeedPartLive, splitter: FeedPartLive): PartView {
  const feeds = [
    ['program', relay],
    ['slides', splitter],
  ] as const;
  const sending = feeds.filter(([, p]) => p.feedPresent).map(([n]) => n);
  const silent = feeds.filter(([, p]) => p.reachable && !p.feedPresent).map(([n]) => n);
  if (sending.length === 2) return { state: 'ok', summary: 'sending program and slides' };
  if (sending.length === 1)
    return {
      state: 'warn',
      summary: `sending ${sending[0]}; no ${silent.join(', ') || 'other feed'}`,
    };
  if (silent.length > 0) return { state: 'warn', summary: 'not sending yet' };
  return { state: 'unknown', summary: 'not visible from here' };
}
