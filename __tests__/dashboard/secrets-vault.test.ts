/**
 * The dashboard path of the Key Vault canary (issue 12): keys and passphrase typed into the
 * dashboard reach the event's vault (the fixture app's stand-in, FIXTURE_VAULT_DIR) and no
 * file stream-control writes, nor any answer the dashboard gives. A real engine runs real
 * cdktf and terraform 1.11 behind a real dashboard on 127.0.0.1; the requests are the ones the
 * page sends (token header, JSON body). The event has OBS mixers, so the engine generates the
 * status token and the admin password: both reach the vault, and on disk only their owner-only
 * files; the live feed asks the relay (a stand-in) with the token from its file and never
 * shows it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine, type Engine } from '../../engine';
import { startDashboard, type Dashboard } from '../../dashboard/server';
import { TOKEN_HEADER } from '../../dashboard/security';
import { VAULT_SECRETS } from '../../lib/secrets';
import { makeSandbox, requireTerraform, Sandbox } from '../cli/support/sandbox';
import { filesHolding, readVault } from '../cli/support/vault';
import { request, SseClient } from './support/http';
import { feedStatus, statusStandIn, type StatusStandIn } from './support/parts';
import type { MediaStatus } from '../../lib/media-status';

jest.setTimeout(240_000);

const KEYS = {
  original: 'canaryDASH-original-1357',
  spanish: 'canaryDASH-spanish-2468',
};
const PASSPHRASE = 'canaryDASH-pass-97531';
const CANARIES = [...Object.values(KEYS), PASSPHRASE];

let box: Sandbox;
let vaultDir: string;
let engine: Engine;
let dashboard: Dashboard;
let relay: StatusStandIn<MediaStatus>;
const served: string[] = [];
const tokenFile = () => path.join(box.stateDir, 'staging', 'vault-fest.status-token');
const passwordFile = () => path.join(box.stateDir, 'staging', 'vault-fest.mixer-admin-password');
const readFile = (file: string) =>
  fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined;

beforeAll(async () => {
  requireTerraform();
  box = makeSandbox('dash-vault');
  vaultDir = path.join(box.root, 'vault');
  box.writeEvent('vault-fest', {
    name: 'Vault Fest',
    environment: 'staging',
    languages: ['original', 'spanish'],
    mixer: 'obs',
  });
  // Answers only to the token the engine generated, once it is in its file.
  relay = await statusStandIn(
    () => readFile(tokenFile()),
    feedStatus('program', ['original', 'spanish']),
  );
  engine = createEngine(
    box.options({
      env: { FIXTURE_VAULT_DIR: vaultDir, FIXTURE_RELAY_STATUS_URL: relay.url },
      live: { intervalMs: 100, timeoutMs: 2000 },
    }),
  );
  dashboard = await startDashboard({ engine, port: 0, log: (line) => served.push(line) });
});

afterAll(async () => {
  const running = engine?.runs().filter((r) => !r.finished) ?? [];
  for (const run of running) run.cancel();
  await Promise.all(running.map((r) => r.result));
  await dashboard?.close();
  await relay?.close();
  box?.remove();
});

async function call(method: string, route: string, body?: unknown) {
  const reply = await request(dashboard.url, method, route, {
    headers: { [TOKEN_HEADER]: dashboard.token },
    body,
  });
  served.push(reply.text);
  return reply;
}

/** Starts a run through the API and waits for the engine to finish it. */
async function runThrough(route: string, body: unknown) {
  const started = await call('POST', route, body);
  expect(started.status).toBe(202);
  const id = started.json.run.id as string;
  const result = await engine.runs().find((r) => r.id === id)!.result;
  // What the page shows of the finished run.
  const shown = await call('GET', `/api/runs/${id}`);
  expect(shown.status).toBe(200);
  return result;
}

/** The folders stream-control writes to, plus the whole project (synth output included). */
const written = () => [box.stateDir, box.logDir, box.lockDir, box.projectDir];

describe('dashboard deploy: secrets reach the vault and nothing else', () => {
  it('fills the vault, keeps state, logs, locks, synth output and answers clean, and teardown empties it', async () => {
    const deployed = await runThrough('/api/deploy', {
      event: 'Vault Fest',
      youtubeKeys: KEYS,
      srtPassphrase: PASSPHRASE,
    });
    expect(deployed.error).toBeUndefined();
    expect(deployed.exitCode).toBe(0);
    const token = readFile(tokenFile())!;
    const password = readFile(passwordFile())!;
    expect(token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(password).toMatch(/^[A-Za-z0-9!#%*_=+?-]{24}$/);
    for (const file of [tokenFile(), passwordFile()])
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readVault(vaultDir)).toEqual({
      [VAULT_SECRETS.streamKey('original')]: KEYS.original,
      [VAULT_SECRETS.streamKey('spanish')]: KEYS.spanish,
      [VAULT_SECRETS.passphrase]: PASSPHRASE,
      [VAULT_SECRETS.statusToken]: token,
      [VAULT_SECRETS.mixerAdminPassword]: password,
    });
    const stateFile = path.join(box.stateDir, 'staging', 'vault-fest.tfstate');
    const state = fs.readFileSync(stateFile, 'utf8');
    expect(JSON.parse(state).resources.length).toBe(6);
    for (const canary of [...CANARIES, token, password]) expect(state).not.toContain(canary);
    expect(filesHolding(written(), CANARIES)).toEqual([]);
    expect(filesHolding(written(), [token, password]).sort()).toEqual(
      [`${tokenFile()}: ${token}`, `${passwordFile()}: ${password}`].sort(),
    );
    expect((await call('GET', '/api/status')).status).toBe(200);

    // The live feed: the relay was asked with the token from its file, and said so.
    const feed = new SseClient();
    try {
      await feed.open(dashboard.url, '/api/feed', { [TOKEN_HEADER]: dashboard.token });
      await feed.until((frames) =>
        frames.some(
          (f) =>
            f.event === 'live' &&
            f.data.events.some(
              (e: { event: string; relay: { reachable: boolean } }) =>
                e.event === 'vault-fest' && e.relay.reachable,
            ),
        ),
      );
      served.push(feed.raw);
    } finally {
      feed.close();
    }
    expect(relay.asked.map((r) => r.authorization)).toContain(`Bearer ${token}`);

    const down = await runThrough('/api/teardown', { event: 'vault-fest', confirm: 'vault-fest' });
    expect(down.exitCode).toBe(0);
    expect(readVault(vaultDir)).toEqual({});
    expect(filesHolding(written(), [...CANARIES, token, password])).toEqual([]);
    // Every answer the dashboard gave (runs, status, the live feed) and every line it logged.
    for (const canary of [...CANARIES, token, password])
      expect(served.join('\n')).not.toContain(canary);
  });
});
