import type { FakeRun } from './support/fake-engine';
import { request, SseClient } from './support/http';
import { CANARY, deployBody, startTestDashboard, type TestDashboard } from './support/setup';
import { MASK } from '../../dashboard/redact';

let t: TestDashboard;
let base: string;
const clients: SseClient[] = [];

beforeAll(async () => {
  t = await startTestDashboard();
  base = t.dashboard.url;
});
afterAll(async () => {
  for (const c of clients) c.close();
  await t.close();
});
afterEach(() => {
  for (const run of t.engine.started) if (!run.finished) run.finish();
});

async function startDeploy(): Promise<FakeRun> {
  const res = await request(base, 'POST', '/api/deploy', {
    headers: t.auth,
    body: deployBody(),
  });
  expect(res.status).toBe(202);
  return t.engine.started.find((r) => r.id === res.json.run.id) as FakeRun;
}

function subscribe(path: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const client = new SseClient();
  clients.push(client);
  return client.open(base, path, { ...t.auth, ...headers });
}

const types = (c: SseClient) => c.frames.map((f) => f.event);

describe('GET /api/runs/:id/stream', () => {
  it('gives a late subscriber the run so far, in order, then live events, and ends after done', async () => {
    const run = await startDeploy();
    run.emit({ type: 'phase-started', phase: 'apply', label: 'Deploying infrastructure' });
    run.log('azurerm_resource_group.group: Creating...');

    const late = await subscribe(`/api/runs/${run.id}/stream`);
    await late.until((f) => f.length === 3);
    expect(late.status).toBe(200);
    expect(types(late)).toEqual(['run-started', 'phase-started', 'log']);
    expect(late.frames.map((f) => f.id)).toEqual(['0', '1', '2']);
    expect(late.frames[0].data.logFile).toBe(run.logFile);

    run.emit({
      type: 'progress',
      phase: 'health',
      ready: 2,
      total: 5,
      attempt: 1,
      maxAttempts: 40,
      components: [{ name: 'relay', kind: 'relay', ready: true }],
    });
    run.finish({
      outputs: {
        program_ingest_url: 'srt://127.0.0.7:9998',
        mixer_admin_password: CANARY.passphrase,
      },
    } as never);
    await late.until(() => late.ended);
    expect(types(late)).toEqual(['run-started', 'phase-started', 'log', 'progress', 'done']);
    expect(late.frames[3].data).toMatchObject({ ready: 2, total: 5 });
    const result = late.frames[4].data.result;
    expect(result.outputs).toEqual({ program_ingest_url: 'srt://127.0.0.7:9998' });
  });

  it('sends only what a reconnecting client missed (Last-Event-ID)', async () => {
    const run = await startDeploy();
    for (const n of [1, 2, 3]) run.log(`line ${n}`);
    const again = await subscribe(`/api/runs/${run.id}/stream`, { 'last-event-id': '2' });
    await again.until((f) => f.length === 1);
    expect(again.frames.map((f) => [f.id, f.data.message])).toEqual([['3', 'line 3']]);
    run.log('line 4');
    await again.until((f) => f.length === 2);
    expect(again.frames[1].data.message).toBe('line 4');
  });

  it('gives two operators the same stream', async () => {
    const run = await startDeploy();
    const one = await subscribe(`/api/runs/${run.id}/stream`);
    const two = await subscribe(`/api/runs/${run.id}/stream`);
    run.log('shared line');
    run.finish();
    await Promise.all([one.until(() => one.ended), two.until(() => two.ended)]);
    expect(one.frames.map((f) => f.data)).toEqual(two.frames.map((f) => f.data));
    expect(types(one)).toEqual(['run-started', 'log', 'done']);
  });

  it('replays a finished run whole and closes', async () => {
    const run = await startDeploy();
    run.finish({
      ok: false,
      exitCode: 3,
      error: { code: 'apply-failed', message: 'apply failed', stack: 'trace' },
    });
    const late = await subscribe(`/api/runs/${run.id}/stream`);
    await late.until(() => late.ended);
    expect(types(late)).toEqual(['run-started', 'done']);
    expect(late.frames[1].data.result.error).toEqual({
      code: 'apply-failed',
      message: 'apply failed',
    });
  });

  it('masks a key the engine failed to redact', async () => {
    const run = await startDeploy();
    run.log(`terraform echoed -var youtube_key_original=${CANARY.original} by mistake`, 'warn');
    const client = await subscribe(`/api/runs/${run.id}/stream`);
    run.log(`and again live: ${CANARY.spanish} / ${CANARY.passphrase}`);
    run.finish();
    await client.until(() => client.ended);
    expect(client.raw).not.toContain(CANARY.original);
    expect(client.raw).not.toContain(CANARY.spanish);
    expect(client.raw).not.toContain(CANARY.passphrase);
    expect(client.frames[1].data.message).toBe(
      `terraform echoed -var youtube_key_original=${MASK} by mistake`,
    );
    expect(client.frames[2].data.message).toBe(`and again live: ${MASK} / ${MASK}`);
  });

  it('is 404 for an unknown run', async () => {
    const res = await request(base, 'GET', '/api/runs/run-999/stream', { headers: t.auth });
    expect(res.status).toBe(404);
  });
});

describe('GET /api/feed', () => {
  it('tells open pages when a deploy starts and finishes, whoever started it', async () => {
    const feed = await subscribe('/api/feed');
    const run = await startDeploy();
    await feed.until((f) => f.some((x) => x.event === 'run-started'));
    run.finish();
    await feed.until((f) => f.some((x) => x.event === 'run-finished'));
    const started = feed.frames.find((f) => f.event === 'run-started');
    const finished = feed.frames.find((f) => f.event === 'run-finished');
    expect(started?.data).toMatchObject({
      id: run.id,
      command: 'deploy',
      event: 'spring-summit',
      finished: false,
    });
    expect(finished?.data).toMatchObject({ id: run.id, finished: true, ok: true, exitCode: 0 });
    expect(feed.raw).not.toContain(CANARY.original);
  });
});

describe('GET /api/feed: live status', () => {
  const snapshot = (summary: string) => ({
    at: '2026-05-01T08:00:00.000Z',
    events: [
      {
        event: 'spring-summit',
        environment: 'staging',
        at: '2026-05-01T08:00:00.000Z',
        state: 'warn',
        venue: { state: 'warn', summary: 'not sending yet' },
        relay: { name: 'relay', state: 'warn', summary, reachable: true },
        splitter: { name: 'splitter', state: 'ok', summary: 'slides in', reachable: true },
        languages: [],
      },
    ],
  });

  it("pushes each round of the engine's live reading to every open page, masked, and stops listening when they go", async () => {
    await startDeploy(); // the dashboard now knows these keys
    const before = t.engine.liveListeners;
    const one = await subscribe('/api/feed');
    const two = await subscribe('/api/feed');
    await waitUntil(() => t.engine.liveListeners === before + 2);
    t.engine.pushLive(snapshot('waiting for the venue’s program feed') as never);
    t.engine.pushLive(snapshot(`echoed ${CANARY.spanish}`) as never);
    for (const c of [one, two]) {
      await c.until((f) => f.filter((x) => x.event === 'live').length === 2);
      const live = c.frames.filter((f) => f.event === 'live').map((f) => f.data);
      expect(live[0]).toEqual(snapshot('waiting for the venue’s program feed'));
      expect(live[1].events[0].relay.summary).toBe(`echoed ${MASK}`);
      expect(c.raw).not.toContain(CANARY.spanish);
    }
    one.close();
    two.close();
    await waitUntil(() => t.engine.liveListeners === before);
  });
});

async function waitUntil(test: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(test()).toBe(true);
}
