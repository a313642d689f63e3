import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { createEngine } from '../../engine';
import { findTfcToken } from '../../engine/tfc';
import { KEYS, makeSandbox, requireTerraform, Sandbox } from './support/sandbox';

interface Recorded {
  method: string;
  url: string;
  auth?: string;
  contentType?: string;
  body?: { data: { type: string; id?: string; attributes: Record<string, unknown> } };
}

/** Plays Terraform Cloud: no workspace yet, then one existing variable (srt_passphrase). */
function standIn(): Promise<{ url: string; requests: Recorded[]; close: () => Promise<void> }> {
  const requests: Recorded[] = [];
  let created = false;
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (d) => (text += d));
    req.on('end', () => {
      requests.push({
        method: req.method!,
        url: req.url!,
        auth: req.headers.authorization,
        contentType: req.headers['content-type'],
        body: text ? JSON.parse(text) : undefined,
      });
      const send = (status: number, body?: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/vnd.api+json' });
        res.end(body === undefined ? '' : JSON.stringify(body));
      };
      if (
        req.method === 'GET' &&
        req.url === '/api/v2/organizations/acme/workspaces/streaming-production-cloud-show'
      ) {
        return created
          ? send(200, { data: { id: 'ws-123' } })
          : send(404, { errors: [{ status: '404' }] });
      }
      if (req.method === 'POST' && req.url === '/api/v2/organizations/acme/workspaces') {
        created = true;
        return send(201, { data: { id: 'ws-123' } });
      }
      if (req.method === 'GET' && req.url === '/api/v2/workspaces/ws-123/vars') {
        return send(200, {
          data: [{ id: 'var-pass', attributes: { key: 'srt_passphrase', category: 'terraform' } }],
        });
      }
      if (req.url?.startsWith('/api/v2/workspaces/ws-123/vars'))
        return send(req.method === 'POST' ? 201 : 200, { data: {} });
      send(500);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        requests,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

const DEPLOY_TIME = new Date('2026-12-06T21:30:00Z');

let box: Sandbox;
beforeAll(() => {
  requireTerraform();
  box = makeSandbox('tfc');
  box.writeEvent('cloud-show', {
    name: 'cloud-show',
    stateBackend: { kind: 'cloud', organization: 'acme' },
    // OBS mixers: the engine generates their admin password as well as the status token.
    mixer: 'obs',
  });
});
afterAll(() => box.remove());

describe('Terraform Cloud backend: keys become sensitive workspace variables before the run', () => {
  it('creates the workspace, POSTs new variables and PATCHes existing ones, then deploys', async () => {
    const tfc = await standIn();
    try {
      const engine = createEngine(
        box.options({
          terraformCloud: { baseUrl: tfc.url },
          env: { TF_TOKEN_app_terraform_io: 'tfc-token-canary', HOME: box.root },
          now: () => DEPLOY_TIME,
        }),
      );
      const run = engine.deploy({
        event: 'cloud-show',
        youtubeKeys: KEYS,
        srtPassphrase: 'canaryPASS-phrase-9999',
      });
      const result = await run.result;
      expect(result.error).toBeUndefined();
      expect(result.exitCode).toBe(0);
      expect(tfc.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'GET /api/v2/organizations/acme/workspaces/streaming-production-cloud-show',
        'POST /api/v2/organizations/acme/workspaces',
        'GET /api/v2/workspaces/ws-123/vars',
        'PATCH /api/v2/workspaces/ws-123/vars/var-pass',
        ...Array<string>(6).fill('POST /api/v2/workspaces/ws-123/vars'),
      ]);
      const createWorkspace = tfc.requests.find(
        (r) => r.method === 'POST' && r.url.endsWith('/workspaces'),
      );
      expect(createWorkspace?.body?.data.attributes).toEqual({
        name: 'streaming-production-cloud-show',
        'tag-names': ['stream-control', 'environment:production', 'event:cloud-show'],
      });
      for (const r of tfc.requests) {
        expect(r.auth).toBe('Bearer tfc-token-canary');
        if (r.body) expect(r.contentType).toBe('application/vnd.api+json');
      }
      const vars = tfc.requests
        .filter((r) => r.url.includes('/vars') && r.body)
        .map((r) => r.body!.data);
      expect(
        vars.map((v) => [
          v.type,
          v.attributes.key,
          v.attributes.category,
          v.attributes.sensitive,
          v.attributes.hcl,
        ]),
      ).toEqual([
        ['vars', 'srt_passphrase', 'terraform', true, false],
        // Not secret: the version Key Vault's write-only values are written under.
        ['vars', 'secrets_version', 'terraform', false, false],
        // Generated by the engine, kept beside the (here empty) local state folder.
        ['vars', 'status_token', 'terraform', true, false],
        ['vars', 'mixer_admin_password', 'terraform', true, false],
        ['vars', 'youtube_key_original', 'terraform', true, false],
        ['vars', 'youtube_key_spanish', 'terraform', true, false],
        ['vars', 'youtube_key_french', 'terraform', true, false],
      ]);
      expect(vars[0].id).toBe('var-pass');
      // The deploy's time in whole seconds, so every deploy writes the keys it was given.
      expect(vars[1].attributes.value).toBe(String(DEPLOY_TIME.getTime() / 1000));
      const kept = (name: string) =>
        fs.readFileSync(path.join(box.stateDir, 'production', `cloud-show.${name}`), 'utf8').trim();
      expect(vars[2].attributes.value).toBe(kept('status-token'));
      expect(vars[3].attributes.value).toBe(kept('mixer-admin-password'));
      expect(vars[4].attributes.value).toBe(KEYS[0]);
      // The secrets phase runs before terraform sees anything.
      const phases = run
        .history()
        .filter((e) => e.type === 'phase-started')
        .map((e) => (e as { phase: string }).phase);
      expect(phases.indexOf('secrets')).toBeLessThan(phases.indexOf('apply'));
      expect(fs.readFileSync(result.logFile!, 'utf8')).not.toContain('tfc-token-canary');
    } finally {
      await tfc.close();
    }
  });

  it('exits 8 with one line when Terraform Cloud cannot be reached', async () => {
    // A port that was just free: nothing listens there.
    const closed = await new Promise<number>((resolve) => {
      const s = http.createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const engine = createEngine(
      box.options({
        terraformCloud: { baseUrl: `http://127.0.0.1:${closed}` },
        env: { TF_TOKEN_app_terraform_io: 'tfc-token', HOME: box.root },
      }),
    );
    const result = await engine.deploy({ event: 'cloud-show', youtubeKeys: KEYS }).result;
    expect(result.exitCode).toBe(8);
    expect(result.error?.message).toMatch(
      /^network failure: cannot reach Terraform Cloud at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED$/,
    );
    expect(result.error?.hint).toMatch(/check the connection/);
  });

  it('exits 7 naming terraform login when there is no token', async () => {
    const engine = createEngine(
      box.options({ terraformCloud: { baseUrl: 'http://127.0.0.1:9' }, env: { HOME: box.root } }),
    );
    const result = await engine.deploy({ event: 'cloud-show', youtubeKeys: KEYS }).result;
    expect(result.exitCode).toBe(7);
    expect(result.error).toMatchObject({
      code: 'tfc-token',
      hint: expect.stringMatching(/terraform login app.terraform.io/),
    });
  });

  it("reads the token from terraform's credentials file", () => {
    const home = path.join(box.root, 'home');
    fs.mkdirSync(path.join(home, '.terraform.d'), { recursive: true });
    fs.writeFileSync(
      path.join(home, '.terraform.d', 'credentials.tfrc.json'),
      JSON.stringify({ credentials: { 'app.terraform.io': { token: 'from-file' } } }),
    );
    expect(findTfcToken('app.terraform.io', { HOME: home })).toBe('from-file');
    expect(
      findTfcToken('app.terraform.io', { HOME: home, TF_TOKEN_app_terraform_io: 'from-env' }),
    ).toBe('from-env');
  });
});
