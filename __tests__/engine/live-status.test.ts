/**
 * The engine's live status (watchLive): it finds every deployed event in the state folder,
 * reads each part's /status with the event's status token from the owner-only file the deploy
 * left beside the state (never from state: an output there is ignored),
 * and says in an operator's words what each part is doing. The parts are stand-ins that answer
 * in the images' own /status shapes and record what they were asked; the browser test
 * (dashboard/live.e2e.test.ts) runs the real relay.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEngine, type EventLive, type LiveSnapshot } from '../../engine';
import type { MediaStatus } from '../../lib/media-status';
import type { MixerStatus } from '../../lib/mixer-status';
import {
  feedStatus,
  mixerStatus,
  statusStandIn,
  type StatusStandIn,
} from '../dashboard/support/parts';

const TOKEN = 'CANARY-status-token-3f9a1c77d2';
const LANGUAGES = ['original', 'spanish', 'french', 'german'];

let tmp: string;
let relay: StatusStandIn<MediaStatus>;
let splitter: StatusStandIn<MediaStatus>;
let mixers: StatusStandIn<MixerStatus>[];

/**
 * A local state file as terraform writes it, with the outputs the EventStack declares, and the
 * token file the deploy writes beside it (none: the event was deployed from another machine).
 */
function writeState(
  slug: string,
  outputs: Record<string, { value: unknown; sensitive?: boolean }>,
  token?: string,
) {
  const dir = path.join(tmp, 'state', 'staging');
  fs.mkdirSync(dir, { recursive: true });
  if (token !== undefined)
    fs.writeFileSync(path.join(dir, `${slug}.status-token`), `${token}\n`, { mode: 0o600 });
  fs.writeFileSync(
    path.join(dir, `${slug}.tfstate`),
    JSON.stringify({
      version: 4,
      resources: [
        { mode: 'managed', type: 'azurerm_container_group', name: 'relay', instances: [{}] },
      ],
      outputs: Object.fromEntries(
        Object.entries(outputs).map(([k, v]) => [k, { type: 'string', ...v }]),
      ),
    }),
  );
}

function mixerOutputs(urls: (string | undefined)[]) {
  return LANGUAGES.map((language, i) => ({
    language,
    computer_name: `mx-${i}`,
    private_ip: `10.42.2.${11 + i}`,
    public_ip: `127.0.0.${11 + i}`,
    rdp: `127.0.0.${11 + i}:3389`,
    ...(urls[i] ? { status_url: urls[i] } : {}),
  }));
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'live-status-'));
  relay = await statusStandIn(TOKEN, feedStatus('program', LANGUAGES));
  splitter = await statusStandIn(TOKEN, feedStatus('slides', LANGUAGES));
  // german is an OBS VM: no status endpoint.
  mixers = await Promise.all(
    LANGUAGES.slice(0, 3).map((l) => statusStandIn(TOKEN, mixerStatus(l))),
  );
  writeState(
    'spring-summit',
    {
      relay_status_url: { value: relay.url },
      splitter_status_url: { value: splitter.url },
      mixers: { value: mixerOutputs([...mixers.map((m) => m.url), undefined]) },
      // An older stack's output: state is no source of the token any more.
      status_token: { value: 'CANARY-token-in-old-state-00000', sensitive: true },
    },
    TOKEN,
  );
});

afterAll(async () => {
  for (const s of [relay, splitter, ...mixers]) await s?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function engine() {
  return createEngine({
    stateDir: path.join(tmp, 'state'),
    logDir: path.join(tmp, 'logs'),
    lockDir: path.join(tmp, 'locks'),
    env: {},
    live: { intervalMs: 50, timeoutMs: 5000 },
  });
}

/** Subscribes until a round satisfies test; returns that round. */
function until(test: (s: LiveSnapshot) => boolean): Promise<LiveSnapshot> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error('no matching round in 10 s'));
    }, 10_000);
    const stop = engine().watchLive((s) => {
      if (!test(s)) return;
      clearTimeout(timer);
      stop();
      resolve(s);
    });
  });
}

const event = (s: LiveSnapshot): EventLive => s.events.find((e) => e.event === 'spring-summit')!;

describe('engine watchLive', () => {
  it('asks every part that has a status endpoint, with the token from its file beside the state, and never shows the token', async () => {
    const parts = [relay, splitter, ...mixers];
    const before = parts.map((s) => s.asked.length);
    const snapshot = await until(() => parts.every((s, i) => s.asked.length > before[i]));
    const asked = parts.map((s, i) => s.asked.slice(before[i]));
    for (const requests of asked) {
      expect(requests.length).toBeGreaterThan(0);
      for (const r of requests)
        expect(r).toEqual({ path: '/status', authorization: `Bearer ${TOKEN}` });
    }
    expect(JSON.stringify(snapshot)).not.toContain(TOKEN);
    const live = event(snapshot);
    expect(live.environment).toBe('staging');
    expect(live.languages.map((l) => l.language)).toEqual(LANGUAGES);
    expect(live.languages[3].mixer).toMatchObject({ kind: 'obs', state: 'unknown' });
  });

  it('calls the relay waiting without a feed, and OK with one, with each language’s audio judged', async () => {
    relay.body = feedStatus('program', LANGUAGES);
    splitter.body = feedStatus('slides', LANGUAGES);
    const waiting = event(await until((s) => event(s).relay.feedPresent === false));
    expect(waiting.relay).toMatchObject({ state: 'warn', reachable: true, ingestConnected: false });
    expect(waiting.relay.summary).toMatch(/waiting for the venue’s program feed/);
    expect(waiting.venue.state).toBe('warn');

    relay.body = feedStatus('program', LANGUAGES, {
      connected: true,
      present: true,
      audio: [-14.5, -75, 'missing', null],
    });
    splitter.body = feedStatus('slides', LANGUAGES, { connected: true, present: true });
    const live = event(await until((s) => event(s).relay.feedPresent === true));
    expect(live.relay).toMatchObject({ state: 'ok', bitrateBps: 6_200_000 });
    expect(live.relay.summary).toBe('program feed in, 6.2 Mbit/s');
    expect(live.venue).toEqual({ state: 'ok', summary: 'sending program and slides' });
    const audio = live.languages.map((l) => l.audio && [l.audio.state, l.audio.silent]);
    expect(audio).toEqual([
      ['ok', false],
      ['warn', true],
      ['bad', true],
      ['unknown', false],
    ]);
    expect(live.languages[2].audio?.summary).toBe('track 3 is not in the feed: silence');
    expect(live.languages.every((l) => l.programDelivered === true)).toBe(true);
  });

  it('warns when a part kept its old secret because the vault gave one that breaks the rule', async () => {
    const problem =
      'Key Vault secret "status-token" (STATUS_TOKEN_SECRET) has 12 characters; /status and /metrics need a token of at least 16 (value not shown); the value in force is kept';
    relay.body = {
      ...feedStatus('program', LANGUAGES, { connected: true, present: true }),
      secretProblem: problem,
    };
    splitter.body = feedStatus('slides', LANGUAGES, { connected: true, present: true });
    const kept = event(await until((s) => event(s).relay.summary.includes('Key Vault')));
    expect(kept.relay).toMatchObject({
      state: 'warn',
      summary: `program feed in, 6.2 Mbit/s; ${problem}`,
    });
    expect(kept.splitter.state).toBe('ok');
    relay.body = feedStatus('program', LANGUAGES, { connected: true, present: true });
  });

  it('calls a mixer on air only when it says so, and says why not', async () => {
    mixers[0].body = mixerStatus('original', { program: true, slides: true, onAir: true });
    mixers[1].body = mixerStatus('spanish', { program: true, lastError: 'RTMP handshake refused' });
    mixers[2].body = mixerStatus('french');
    const live = event(await until((s) => event(s).languages[0].mixer.onAir === true));
    const [original, spanish, french] = live.languages;
    expect(original.mixer).toMatchObject({ state: 'ok', summary: 'on air, 6.1 Mbit/s' });
    expect(original.destination.state).toBe('ok');
    expect(spanish.mixer).toMatchObject({
      state: 'bad',
      programConnected: true,
      onAir: false,
      lastError: 'RTMP handshake refused',
    });
    expect(spanish.mixer.summary).toBe('input connected, not on air: RTMP handshake refused');
    expect(spanish.destination.state).toBe('warn');
    expect(french.mixer).toMatchObject({ state: 'warn', programConnected: false });
    expect(live.state).toBe('bad');
  });

  it('shows a part that refuses the token or does not answer as a problem, with the reason', async () => {
    await mixers[2].close();
    writeState(
      'autumn-forum',
      {
        relay_status_url: { value: relay.url },
        splitter_status_url: { value: splitter.url },
        mixers: { value: mixerOutputs([]) },
      },
      'CANARY-not-the-token-000000',
    );
    try {
      const snapshot = await until(
        (s) => s.events.length === 2 && !event(s).languages[2].mixer.reachable,
      );
      const other = snapshot.events.find((e) => e.event === 'autumn-forum')!;
      expect(other.relay).toMatchObject({ state: 'bad', reachable: false });
      expect(other.relay.summary).toBe('refused the status token (HTTP 401)');
      const gone = event(snapshot).languages[2].mixer;
      expect(gone.state).toBe('bad');
      // A pooled connection the server dropped, or a fresh one refused: either way, down.
      expect(gone.summary).toMatch(/^not answering \((connection refused|connection closed)\)$/);
    } finally {
      fs.rmSync(path.join(tmp, 'state', 'staging', 'autumn-forum.tfstate'));
    }
  });

  it('without the token file (deployed elsewhere) asks no part and says where the token is', async () => {
    const inState = 'CANARY-winter-token-in-state-000';
    writeState('winter-expo', {
      relay_status_url: { value: relay.url },
      splitter_status_url: { value: splitter.url },
      mixers: { value: mixerOutputs([mixers[0].url]) },
      status_token: { value: inState, sensitive: true },
    });
    try {
      const snapshot = await until((s) => s.events.some((e) => e.event === 'winter-expo'));
      const elsewhere = snapshot.events.find((e) => e.event === 'winter-expo')!;
      const expected = {
        state: 'unknown',
        reachable: false,
        summary:
          'status token not on this machine (it stays on the machine that deployed the event)',
      };
      expect(elsewhere.relay).toMatchObject(expected);
      expect(elsewhere.splitter).toMatchObject(expected);
      expect(elsewhere.languages[0].mixer).toMatchObject(expected);
      // Neither the token in state nor no token at all: the parts were not asked for this event.
      const auth = [relay, splitter, mixers[0]].flatMap((s) => s.asked.map((r) => r.authorization));
      expect(auth).not.toContain(`Bearer ${inState}`);
      expect(auth.filter((a) => a === undefined)).toEqual([]);
    } finally {
      fs.rmSync(path.join(tmp, 'state', 'staging', 'winter-expo.tfstate'));
    }
  });

  it('reads nothing while no one listens', async () => {
    const stop = engine().watchLive(() => undefined);
    await new Promise((r) => setTimeout(r, 200));
    stop();
    await new Promise((r) => setTimeout(r, 100));
    const after = relay.asked.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(relay.asked.length).toBe(after);
  });
});
