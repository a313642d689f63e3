import type { DeployRequest, TeardownRequest } from '../../engine/types';
import { MASK } from '../../dashboard/redact';
import { request, type Reply } from './support/http';
import {
  CANARY,
  deployBody,
  expectNoCanary,
  startTestDashboard,
  type TestDashboard,
} from './support/setup';

let t: TestDashboard;
let base: string;
/** Every reply in this file, checked for canaries at the end. */
const replies: Reply[] = [];

async function call(method: string, path: string, body?: unknown): Promise<Reply> {
  const reply = await request(base, method, path, { headers: t.auth, body });
  replies.push(reply);
  return reply;
}

beforeAll(async () => {
  t = await startTestDashboard();
  base = t.dashboard.url;
});
afterAll(() => t.close());
afterEach(() => {
  // Leave no run in progress for the next test.
  for (const run of t.engine.started) if (!run.finished) run.finish();
  t.engine.calls.length = 0;
  t.engine.onRun = undefined;
});

describe('GET /api/events', () => {
  it('lists event files with their languages and environment, and the environments', async () => {
    const res = await call('GET', '/api/events');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json.environments).toEqual(['production', 'staging', 'development']);
    expect(res.json.events).toEqual([
      {
        name: 'Spring Summit',
        slug: 'spring-summit',
        environment: 'staging',
        languages: ['original', 'spanish'],
        audio: ['track 1', 'track 2'],
        ttlHours: 24,
        file: 'spring-summit.json',
      },
    ]);
  });
});

describe('GET /api/events/resolve', () => {
  it('gives a name without a file the default languages', async () => {
    const res = await call(
      'GET',
      '/api/events/resolve?name=Autumn%20Forum&environment=development',
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      slug: 'autumn-forum',
      environment: 'development',
      languages: ['original', 'spanish', 'french'],
    });
  });

  it('fails with 400 naming the field for a bad name and for an unknown environment', async () => {
    const name = await call('GET', '/api/events/resolve?name=Conf%202025!');
    expect(name.status).toBe(400);
    expect(name.json.error.field).toBe('name');
    expect(name.json.error.message).toMatch(/characters other than a-z/);
    const env = await call('GET', '/api/events/resolve?name=Autumn&environment=moon');
    expect(env.status).toBe(400);
    expect(env.json.error.field).toBe('environment');
  });
});

describe('POST /api/deploy', () => {
  it('starts a deploy with the keys intact and answers 202 without them', async () => {
    const res = await call('POST', '/api/deploy', deployBody());
    expect(res.status).toBe(202);
    expect(res.json.run).toMatchObject({ id: 'run-1', command: 'deploy', event: 'spring-summit' });
    expect(res.json.run.logFile).toBe('/tmp/fake-logs/run-1.log');
    expect(res.json.stream).toBe('/api/runs/run-1/stream');
    const [asked] = t.engine.callsOf('deploy') as DeployRequest[];
    expect(asked).toEqual({
      event: 'spring-summit',
      environment: 'staging',
      youtubeKeys: { original: CANARY.original, spanish: CANARY.spanish },
      srtPassphrase: CANARY.passphrase,
    });
    expect(
      t.logs.some((l) => l.includes('deploy spring-summit (staging) started as run run-1')),
    ).toBe(true);
  });

  it('uses the environment chosen on the page over the event file', async () => {
    await call(
      'POST',
      '/api/deploy',
      deployBody({ environment: 'development', srtPassphrase: '' }),
    );
    const [asked] = t.engine.callsOf('deploy') as DeployRequest[];
    expect(asked.environment).toBe('development');
    expect(asked).not.toHaveProperty('srtPassphrase');
  });

  it.each([
    ['a missing event', { event: undefined }, 'event'],
    ['an unknown environment', { environment: 'moon' }, 'environment'],
    ['an unknown field', { rollback: false }, 'rollback'],
    ['no keys at all', { youtubeKeys: undefined }, 'youtubeKeys'],
    [
      'a missing language key',
      { youtubeKeys: { original: CANARY.original } },
      'youtubeKeys.spanish',
    ],
    [
      'a key with a space in it',
      { youtubeKeys: { original: CANARY.original, spanish: `${CANARY.spanish} x` } },
      'youtubeKeys.spanish',
    ],
    [
      'a language the event does not have',
      {
        youtubeKeys: { original: CANARY.original, spanish: CANARY.spanish, klingon: 'abcdefgh12' },
      },
      'youtubeKeys.klingon',
    ],
    [
      'the same key twice',
      { youtubeKeys: { original: CANARY.original, spanish: CANARY.original } },
      'youtubeKeys.spanish',
    ],
    ['a passphrase SRT cannot use', { srtPassphrase: 'short' }, 'srtPassphrase'],
    [
      'a passphrase with characters the images refuse',
      { srtPassphrase: 'long enough but spaced!' },
      'srtPassphrase',
    ],
    [
      'a key with characters the engine refuses',
      { youtubeKeys: { original: 'abcd.efgh.ijkl', spanish: CANARY.spanish } },
      'youtubeKeys.original',
    ],
  ])(
    'refuses %s with 400 naming the field, and never calls the engine',
    async (_what, overrides, field) => {
      const res = await call('POST', '/api/deploy', deployBody(overrides));
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('bad-input');
      expect(res.json.error.problems.map((p: { field: string }) => p.field)).toContain(field);
      expect(t.engine.callsOf('deploy')).toEqual([]);
    },
  );

  it('reports every problem at once', async () => {
    const res = await call('POST', '/api/deploy', {
      event: 'Spring Summit',
      environment: 'moon',
      youtubeKeys: {},
      srtPassphrase: 'short',
    });
    expect(res.json.error.problems.map((p: { field: string }) => p.field)).toEqual([
      'environment',
      'youtubeKeys.original',
      'youtubeKeys.spanish',
      'srtPassphrase',
    ]);
  });

  it('refuses a second deploy of an event with a run in progress (409), and allows it after', async () => {
    const first = await call('POST', '/api/deploy', deployBody());
    expect(first.status).toBe(202);
    const second = await call('POST', '/api/deploy', deployBody());
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe('run-in-progress');
    expect(second.json.error.message).toMatch(/a deploy of spring-summit is already in progress/);
    expect(second.json.error.run.id).toBe(first.json.run.id);
    expect(t.engine.callsOf('deploy')).toHaveLength(1);

    t.engine.getRun(first.json.run.id)?.cancel();
    const third = await call('POST', '/api/deploy', deployBody());
    expect(third.status).toBe(202);
  });

  it('lets a different event deploy while one is in progress', async () => {
    await call('POST', '/api/deploy', deployBody());
    const other = await call('POST', '/api/deploy', {
      event: 'Autumn Forum',
      youtubeKeys: { original: 'key-original-1', spanish: 'key-spanish-1', french: 'key-french-1' },
    });
    expect(other.status).toBe(202);
  });

  it('is 405 for GET', async () => {
    const res = await call('GET', '/api/deploy');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });
});

describe('GET /api/events/plan', () => {
  it("gives the engine's cost and time to stream-ready, planning once for pages that ask together", async () => {
    t.engine.answers = {
      plan: (ref) => ({
        event: 'spring-summit',
        environment: ref.environment ?? 'staging',
        languages: ['original', 'spanish'],
        resources: new Array(9).fill({
          type: 'x',
          address: 'x.y',
          createSeconds: 1,
          costPerHour: 0,
        }),
        cost: {
          currency: 'USD',
          perHour: 0.61,
          perEvent: 14.64,
          priceDate: '2026-01-15',
          region: 'westeurope',
          sources: ['https://prices.azure.com'],
        },
        timeToReady: { seconds: 655, criticalPath: ['a.b'] },
        mixer: 'obs',
        alternative: {
          mixer: 'container',
          resourceCount: 6,
          cost: { perHour: 0.33, perEvent: 7.92 },
          timeToReady: { seconds: 345, criticalPath: ['a.b', 'c.d'] },
        },
      }),
    };
    const path = '/api/events/plan?name=Spring%20Summit&environment=staging';
    const [a, b] = await Promise.all([call('GET', path), call('GET', path)]);
    t.engine.answers = {};
    expect(a.status).toBe(200);
    expect(a.json).toEqual(b.json);
    expect(a.json).toMatchObject({
      event: 'spring-summit',
      environment: 'staging',
      resourceCount: 9,
      cost: { perHour: 0.61, perEvent: 14.64, region: 'westeurope', priceDate: '2026-01-15' },
      timeToReadySeconds: 655,
      mixer: 'obs',
    });
    // The other kind in the page's own terms: what it costs and when it would be ready.
    expect(a.json.alternative).toEqual({
      mixer: 'container',
      costPerHour: 0.33,
      perEvent: 7.92,
      timeToReadySeconds: 345,
    });
    expect(t.engine.callsOf('plan')).toEqual([{ event: 'Spring Summit', environment: 'staging' }]);
  });

  it('names the field of a bad event name (400), and says when the plan itself failed (502)', async () => {
    const bad = await call('GET', '/api/events/plan?name=ab');
    expect(bad.status).toBe(400);
    expect(bad.json.error.problems).toEqual([
      { field: 'name', message: expect.stringMatching(/3 to 40 characters/) },
    ]);
    t.engine.answers = {
      plan: () => ({
        ok: false,
        exitCode: 1,
        error: { code: 'synth-failed', message: 'synthesizing broken-one failed: boom' },
      }),
    };
    const failed = await call('GET', '/api/events/plan?name=Broken%20One');
    t.engine.answers = {};
    expect(failed.status).toBe(502);
    expect(failed.json.error).toMatchObject({
      code: 'plan-failed',
      message: 'synthesizing broken-one failed: boom',
    });
  });
});

describe('POST /api/runs/:id/cancel', () => {
  it('stops a running deploy through the engine, like Ctrl-C, and answers with the run', async () => {
    const started = await call('POST', '/api/deploy', deployBody());
    const id = started.json.run.id;
    const run = t.engine.started.find((r) => r.id === id)!;
    const res = await call('POST', `/api/runs/${id}/cancel`);
    expect(res.status).toBe(202);
    expect(run.cancelled).toBe(true);
    expect(res.json.run).toMatchObject({ id, command: 'deploy', finished: true, exitCode: 130 });
    expect(t.logs.some((l) => l.includes(`cancel of deploy spring-summit (run ${id})`))).toBe(true);
  });

  it('refuses a finished run (409), an unknown one (404), a query (400) and GET (405)', async () => {
    const started = await call('POST', '/api/deploy', deployBody());
    const id = started.json.run.id;
    t.engine.started.find((r) => r.id === id)!.finish();
    const finished = await call('POST', `/api/runs/${id}/cancel`);
    expect(finished.status).toBe(409);
    expect(finished.json.error.code).toBe('finished');
    expect((await call('POST', '/api/runs/no-such-run/cancel')).status).toBe(404);
    await call('GET', '/api/events/plan?name=Spring%20Summit&environment=production');
    const plan = t.engine.started.find((r) => r.command === 'plan')!;
    const query = await call('POST', `/api/runs/${plan.id}/cancel`);
    expect(query.status).toBe(400);
    expect(query.json.error.code).toBe('not-cancellable');
    const get = await call('GET', `/api/runs/${id}/cancel`);
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
  });
});

describe('POST /api/teardown', () => {
  it('refuses without the typed event name, naming the confirm field', async () => {
    for (const confirm of [undefined, '', 'spring', 'SPRING-SUMMIT']) {
      const res = await call('POST', '/api/teardown', { event: 'Spring Summit', confirm });
      expect(res.status).toBe(400);
      expect(res.json.error.field).toBe('confirm');
      expect(res.json.error.message).toContain('spring-summit');
    }
    expect(t.engine.callsOf('teardown')).toEqual([]);
  });

  it.each(['spring-summit', 'Spring Summit'])(
    'starts the teardown when "%s" is typed',
    async (typed) => {
      const res = await call('POST', '/api/teardown', { event: 'Spring Summit', confirm: typed });
      expect(res.status).toBe(202);
      expect(t.engine.callsOf('teardown')).toEqual([
        { event: 'spring-summit', environment: 'staging', confirm: true } satisfies TeardownRequest,
      ]);
    },
  );

  it('is refused (409) while a deploy of the same event runs', async () => {
    await call('POST', '/api/deploy', deployBody());
    const res = await call('POST', '/api/teardown', {
      event: 'spring-summit',
      confirm: 'spring-summit',
    });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/deploy of spring-summit is already in progress/);
    expect(t.engine.callsOf('teardown')).toEqual([]);
  });
});

describe('GET /api/runs', () => {
  it('lists deploys and teardowns newest first, with their outcome, but not queries', async () => {
    const started = await call('POST', '/api/deploy', deployBody());
    const id = started.json.run.id;
    t.engine.started
      .find((r) => r.id === id)
      ?.finish({
        ok: false,
        exitCode: 1,
        error: {
          code: 'apply-failed',
          message: 'terraform apply failed',
          hint: 'read the log',
          stack: 'at secret.ts:1',
        },
      });
    await call('GET', '/api/status');
    const res = await call('GET', '/api/runs');
    expect(res.status).toBe(200);
    expect(
      res.json.runs.every((r: { command: string }) => ['deploy', 'teardown'].includes(r.command)),
    ).toBe(true);
    expect(res.json.runs[0]).toMatchObject({
      id,
      finished: true,
      ok: false,
      exitCode: 1,
      error: { code: 'apply-failed', message: 'terraform apply failed', hint: 'read the log' },
    });
    expect(res.json.runs[0].error).not.toHaveProperty('stack');

    const one = await call('GET', `/api/runs/${id}`);
    expect(one.json).toEqual(res.json.runs[0]);
    expect((await call('GET', '/api/runs/no-such-run')).status).toBe(404);
  });
});

describe('GET /api/status', () => {
  it('lists every live event with age, expiry, health, ingest URLs and RDP targets, never secrets', async () => {
    t.engine.answers = {
      list: {
        events: [
          {
            event: 'spring-summit',
            environment: 'staging',
            backend: 'local',
            resourceCount: 7,
            ageMs: 3_600_000,
            createdAt: '2026-05-01T07:00:00Z',
            expiresAt: '2026-05-02T07:00:00Z',
            expired: false,
          },
          {
            event: 'gone-event',
            environment: 'production',
            backend: 'local',
            resourceCount: 0,
            expired: false,
          },
        ],
      },
      outputs: () => ({
        outputs: {
          resource_group: 'rg-spring-summit-staging',
          program_ingest_url: 'srt://127.0.0.7:9998?mode=caller',
          slides_ingest_url: 'srt://127.0.0.7:9999?mode=caller',
          mixers: [
            {
              language: 'original',
              computer_name: 'mx-0',
              private_ip: '10.42.2.11',
              public_ip: '127.0.0.11',
              rdp: '127.0.0.11:3389',
            },
          ],
          mixer_admin_password: CANARY.passphrase,
        },
      }),
      status: () => ({
        health: [
          { name: 'relay', kind: 'relay', ready: true },
          { name: 'mixer-original', kind: 'mixer', ready: false, detail: 'VM starting' },
        ],
      }),
    };
    const res = await call('GET', '/api/status');
    t.engine.answers = {};
    expect(res.status).toBe(200);
    expect(res.json.events).toHaveLength(1);
    expect(res.json.events[0]).toMatchObject({
      event: 'spring-summit',
      environment: 'staging',
      resourceGroup: 'rg-spring-summit-staging',
      ageMs: 3_600_000,
      expiresAt: '2026-05-02T07:00:00Z',
      expired: false,
      ingest: {
        program: 'srt://127.0.0.7:9998?mode=caller',
        slides: 'srt://127.0.0.7:9999?mode=caller',
      },
      rdp: [{ language: 'original', target: '127.0.0.11:3389' }],
      health: { ready: 1, total: 2 },
      problems: [],
    });
    expect(t.engine.callsOf('outputs')).toEqual([
      { event: 'spring-summit', environment: 'staging' },
    ]);
  });

  it('shows an engine failure as a readable message with the log file', async () => {
    t.engine.answers = {
      list: {
        ok: false,
        exitCode: 7,
        error: {
          code: 'terraform-missing',
          message: 'terraform is not on PATH',
          hint: 'install Terraform 1.5 or newer',
        },
      },
    };
    const res = await call('GET', '/api/status');
    t.engine.answers = {};
    expect(res.json.error).toMatchObject({
      code: 'terraform-missing',
      message: 'terraform is not on PATH',
      hint: 'install Terraform 1.5 or newer',
    });
    expect(res.json.error.logFile).toMatch(/^\/tmp\/fake-logs\/run-\d+\.log$/);
  });

  it('masks a key from an earlier deploy even in answers about other runs', async () => {
    await call('POST', '/api/deploy', deployBody());
    t.engine.answers = {
      list: {
        events: [
          {
            event: 'spring-summit',
            environment: 'staging',
            backend: 'local',
            resourceCount: 3,
            expired: false,
          },
        ],
      },
      outputs: () => ({
        outputs: { program_ingest_url: `srt://host:9998?streamid=${CANARY.spanish}` },
      }),
    };
    const res = await call('GET', '/api/status');
    t.engine.answers = {};
    expect(res.json.events[0].ingest.program).toBe(`srt://host:9998?streamid=${MASK}`);
  });

  it('keeps one broken event to its own row', async () => {
    t.engine.answers = {
      list: {
        events: [
          {
            event: 'spring-summit',
            environment: 'staging',
            backend: 'local',
            resourceCount: 3,
            expired: true,
          },
        ],
      },
      status: () => ({
        ok: false,
        exitCode: 8,
        error: { code: 'network', message: 'Azure did not answer' },
      }),
    };
    const res = await call('GET', '/api/status');
    t.engine.answers = {};
    expect(res.json.events[0].expired).toBe(true);
    expect(res.json.events[0].problems).toEqual([
      expect.stringMatching(
        /^health: Azure did not answer \(log: \/tmp\/fake-logs\/run-\d+\.log\)$/,
      ),
    ]);
    expect(res.json.events[0]).not.toHaveProperty('health');
  });
});

// Last in the file on purpose: it checks every reply the tests above received.
describe('keys', () => {
  it('never appear in any response or dashboard log line', () => {
    expect(replies.length).toBeGreaterThan(30);
    expect(replies.some((r) => r.status === 202)).toBe(true);
    for (const r of replies) expectNoCanary(r.text);
    expect(t.logs.length).toBeGreaterThan(0);
    expectNoCanary(t.logs.join('\n'));
  });
});
