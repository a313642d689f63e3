import { request } from './support/http';
import { CANARY, deployBody, startTestDashboard, TOKEN, type TestDashboard } from './support/setup';

let t: TestDashboard;
let base: string;
beforeAll(async () => {
  t = await startTestDashboard();
  base = t.dashboard.url;
});
afterAll(() => t.close());
beforeEach(() => {
  t.engine.calls.length = 0;
});

const API_ROUTES: [string, string][] = [
  ['GET', '/api/events'],
  ['GET', '/api/events/resolve?name=Spring%20Summit'],
  ['GET', '/api/status'],
  ['GET', '/api/runs'],
  ['GET', '/api/runs/run-1'],
  ['GET', '/api/runs/run-1/stream'],
  ['GET', '/api/feed'],
  ['POST', '/api/deploy'],
  ['POST', '/api/teardown'],
];

describe('the page', () => {
  it('is served without a token, with headers that forbid framing and inline script', async () => {
    const res = await request(base, 'GET', '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    // The page must not carry inline script the CSP would block anyway.
    expect(res.text).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('serves every module the page imports, as JavaScript', async () => {
    const seen = new Set<string>();
    const queue = ['/app.js'];
    while (queue.length > 0) {
      const file = queue.shift() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      const res = await request(base, 'GET', file);
      expect([file, res.status]).toEqual([file, 200]);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      for (const m of res.text.matchAll(/from '\.\/([a-z-]+\.js)'/g)) queue.push(`/${m[1]}`);
    }
    expect(seen.size).toBeGreaterThan(5);
  });

  it('serves the script and stylesheet with their types, and 404 for anything else', async () => {
    expect((await request(base, 'GET', '/app.js')).headers['content-type']).toMatch(
      /^text\/javascript/,
    );
    expect((await request(base, 'GET', '/app.css')).headers['content-type']).toMatch(/^text\/css/);
    expect((await request(base, 'GET', '/../package.json')).status).toBe(404);
    expect((await request(base, 'GET', '/server.ts')).status).toBe(404);
  });
});

describe('token', () => {
  it.each(API_ROUTES)('%s %s without the token is 401', async (method, path) => {
    const res = await request(base, method, path, method === 'POST' ? { body: deployBody() } : {});
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('unauthorized');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses a wrong token of the same length and a token in the query string', async () => {
    const wrong = TOKEN.slice(0, -1) + (TOKEN.endsWith('x') ? 'y' : 'x');
    const res = await request(base, 'POST', '/api/deploy', {
      headers: { 'x-stream-control-token': wrong },
      body: deployBody(),
    });
    expect(res.status).toBe(401);
    expect((await request(base, 'GET', `/api/events?token=${TOKEN}`)).status).toBe(401);
    expect(t.engine.calls).toEqual([]);
  });
});

describe('cross-site requests', () => {
  it('refuses a deploy whose Origin is another site, before the engine sees it', async () => {
    const res = await request(base, 'POST', '/api/deploy', {
      headers: { ...t.auth, origin: 'http://evil.example' },
      body: deployBody(),
    });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('cross-site');
    expect(t.engine.calls).toEqual([]);
    expect(t.logs).toContain('refused POST /api/deploy from 127.0.0.1: cross-site');
  });

  it.each(['cross-site', 'same-site'])(
    'refuses Sec-Fetch-Site: %s even with the token',
    async (site) => {
      const res = await request(base, 'POST', '/api/teardown', {
        headers: { ...t.auth, 'sec-fetch-site': site },
        body: { event: 'Spring Summit', confirm: 'spring-summit' },
      });
      expect(res.status).toBe(403);
      expect(t.engine.calls).toEqual([]);
    },
  );

  it('accepts the same origin, as the page sends it', async () => {
    const res = await request(base, 'GET', '/api/events', {
      headers: { ...t.auth, origin: base, 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(200);
  });

  it('refuses a Host that is not this loopback address (DNS rebinding)', async () => {
    const port = t.dashboard.port;
    const res = await request(base, 'GET', '/', { headers: { host: `rebound.example:${port}` } });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('bad-host');
    const ok = await request(base, 'GET', '/api/events', {
      headers: { ...t.auth, host: `localhost:${port}` },
    });
    expect(ok.status).toBe(200);
  });

  it('does not answer CORS preflights with permission', async () => {
    const res = await request(base, 'OPTIONS', '/api/deploy', {
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.status).toBeGreaterThanOrEqual(400);
  });
});

describe('request bodies', () => {
  it('refuses a deploy that is not JSON (a cross-site form) with 415', async () => {
    const res = await request(base, 'POST', '/api/deploy', {
      headers: { ...t.auth, 'content-type': 'application/x-www-form-urlencoded' },
      rawBody: `event=Spring+Summit&youtubeKeys=${CANARY.original}`,
    });
    expect(res.status).toBe(415);
    expect(res.text).not.toContain(CANARY.original);
  });

  it('refuses bodies over 16 KiB and malformed JSON', async () => {
    const big = await request(base, 'POST', '/api/deploy', {
      headers: t.auth,
      body: deployBody({ padding: 'x'.repeat(20_000) }),
    });
    expect(big.status).toBe(413);
    const bad = await request(base, 'POST', '/api/deploy', {
      headers: { ...t.auth, 'content-type': 'application/json' },
      rawBody: '{"event": ',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('bad-json');
    expect(t.engine.calls).toEqual([]);
  });
});
