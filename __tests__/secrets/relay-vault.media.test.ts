/**
 * The real relay and splitter processes reading their passphrase and status token from Key
 * Vault (the loopback stand-in): what they ask, when they start listening, a venue push with
 * the vault's value, changes picked up by the refresh, and the values never in argv,
 * environment, logs or HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENV } from '../../lib/contract';
import { KEY_VAULT_API_VERSION, KEY_VAULT_RESOURCE, VAULT_SECRETS } from '../../lib/secrets';
import { MediaStatus } from '../../lib/media-status';
import { callerUri, fileSize, freeTcpPort, freeUdpPort } from '../containers/support/media';
import { exited, killAll, launch, waitFor } from '../containers/support/procs';
import { RunningRelay, STATUS_TOKEN, httpGet } from '../containers/support/relay';
import { startMixer, startVenue } from '../containers/support/venue';
import { exitedWithin } from '../mixers/support/mixer';
import { processText } from './support/exposed';
import { IMDS_TOKEN_PATH, KeyVaultStandIn, READER_CLIENT_ID } from '../support/key-vault-stand-in';

const ROOT = join(__dirname, '..', '..');
// Canaries: vault values that must never surface outside the supervisor's memory.
const FIRST = 'canary-vault-pass-a1';
const SECOND = 'canary-vault-pass-b2';
const LATENCY_MS = 120;
const TOKEN = 'vault-stand-in-token-77';
// The status token the stand-in's vault serves; the relay has no STATUS_TOKEN in its environment.
const NEXT_STATUS_TOKEN = 'canary-status-token-next-0002';

let kv: KeyVaultStandIn;
let relay: RunningRelay;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relay-vault-'));
  kv = await KeyVaultStandIn.start({
    secrets: { [VAULT_SECRETS.passphrase]: FIRST, [VAULT_SECRETS.statusToken]: STATUS_TOKEN },
    token: TOKEN,
  });
});
afterAll(async () => {
  await killAll();
  await kv.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every child's command line and environment, and what the relay said and serves. */
async function exposed(r: RunningRelay): Promise<string> {
  const proc = processText(r.proc.pid!);
  expect(proc).toContain('ffmpeg');
  const http = [(await r.get('/status')).body, (await r.get('/metrics')).body];
  return [proc, r.logs(), ...http].join('\n');
}

/** The relay's entry point as ACI starts it, configured through its environment only. */
async function launchRelay(env: Record<string, string>): Promise<RunningRelay> {
  const ingestPort = await freeUdpPort();
  const healthPort = await freeTcpPort();
  const outputPorts = [await freeUdpPort()];
  const proc = launch(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join('containers', 'srt-relay', 'main.ts')],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        [ENV.ingestPort]: String(ingestPort),
        [ENV.outputTargets]: `127.0.0.1:${outputPorts[0]}`,
        [ENV.outputNames]: 'en',
        [ENV.healthPort]: String(healthPort),
        [ENV.statusTokenSecret]: VAULT_SECRETS.statusToken,
        [ENV.latencyMs]: String(LATENCY_MS),
        [ENV.peerIdleTimeoutMs]: '1500',
        ...env,
      },
    },
  );
  let logs = '';
  proc.stdout?.on('data', (d: Buffer) => (logs += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (logs += d.toString()));
  const get = (path: string, token: string | null = STATUS_TOKEN) =>
    httpGet(`http://127.0.0.1:${healthPort}${path}`, token);
  return {
    proc,
    ingestPort,
    outputPorts,
    healthPort,
    logs: () => logs,
    get,
    status: async () => JSON.parse((await get('/status')).body) as MediaStatus,
  };
}

/** A venue push with `pass`: accepted when a mixer stand-in with `mixerPass` records media. */
async function pushAccepted(pass: string, mixerPass: string, name: string): Promise<boolean> {
  const file = join(dir, `${name}.ts`);
  const mixer = startMixer(relay.outputPorts[0], mixerPass, file, 3);
  const venue = startVenue(callerUri(relay.ingestPort, LATENCY_MS, pass), 'tracks');
  const done = await Promise.race([
    exited(mixer),
    new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 25000)),
  ]);
  venue.kill('SIGKILL');
  mixer.kill('SIGKILL');
  await exited(venue);
  return done === 0 && fileSize(file) > 10000;
}

describe('srt-relay with KEY_VAULT_URL', () => {
  it('reads passphrase and status token with its identity after a 403 each, and listens only once it has them', async () => {
    kv.failNext(2);
    relay = await launchRelay({
      ...kv.partEnv(),
      [ENV.passphraseSecret]: VAULT_SECRETS.passphrase,
      [ENV.secretsRefreshSeconds]: '2',
    });
    // Probe the health port from the start: nothing may answer before the vault has.
    const answered: number[] = [];
    await waitFor(
      '/readyz',
      async () => {
        const res = await relay.get('/readyz', null).catch(() => undefined);
        if (res) answered.push(Date.now());
        return res?.code === 200;
      },
      20000,
      50,
    );

    const [imds, ...vault] = kv.requests;
    expect(imds).toMatchObject({
      service: 'imds',
      method: 'GET',
      path: IMDS_TOKEN_PATH,
      query: {
        'api-version': '2018-02-01',
        resource: KEY_VAULT_RESOURCE,
        client_id: READER_CLIENT_ID,
      },
      status: 200,
    });
    expect(imds.headers.metadata).toBe('true');
    const pass = `/secrets/${VAULT_SECRETS.passphrase}`;
    const status = `/secrets/${VAULT_SECRETS.statusToken}`;
    expect(vault.slice(0, 4).map((r) => [r.service, r.path, r.query, r.status])).toEqual(
      [
        [pass, 403],
        [status, 403],
        [pass, 200],
        [status, 200],
      ].map(([path, code]) => ['vault', path, { 'api-version': KEY_VAULT_API_VERSION }, code]),
    );
    for (const r of vault) expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const readAt = vault[3].at;
    expect(answered.filter((t) => t < readAt)).toEqual([]);
    const failures = relay
      .logs()
      .split('\n')
      .filter((l) => l.includes('secret read failed'));
    expect(failures).toHaveLength(2);
    expect(JSON.parse(failures[0])).toMatchObject({
      secret: VAULT_SECRETS.passphrase,
      status: 403,
      code: 'Forbidden',
    });
    expect(JSON.parse(failures[1])).toMatchObject({
      secret: VAULT_SECRETS.statusToken,
      status: 403,
    });
    // The vault's token opens /status; no other does.
    expect((await relay.get('/status')).code).toBe(200);
    expect((await relay.get('/status', 'not-the-status-token-000')).code).toBe(401);
  }, 40000);

  it("accepts a venue push with the vault's passphrase and refuses a wrong one", async () => {
    const wrong = startVenue(
      callerUri(relay.ingestPort, LATENCY_MS, 'not-the-vault-pass'),
      'tracks',
    );
    expect(await exitedWithin(wrong, 15000, 'the wrong venue')).not.toBe(0);
    await waitFor('a rejection', async () => (await relay.status()).input.rejectedCallers >= 1);
    expect(await pushAccepted(FIRST, FIRST, 'first')).toBe(true);
    expect((await relay.status()).encrypted).toBe(true);
  }, 60000);

  it('puts a passphrase changed in the vault in force at the next refresh, on ingest and outputs', async () => {
    kv.setSecret(VAULT_SECRETS.passphrase, SECOND);
    await waitFor('the change', () => relay.logs().includes('SRT children restarted'), 15000);
    const refused = (await relay.status()).input.rejectedCallers;
    const old = startVenue(callerUri(relay.ingestPort, LATENCY_MS, FIRST), 'tracks');
    expect(await exitedWithin(old, 15000, 'the venue with the old passphrase')).not.toBe(0);
    await waitFor('the old one refused', async () => {
      return (await relay.status()).input.rejectedCallers > refused;
    });
    // The output calls the mixer with the new passphrase too: only a SECOND mixer records.
    expect(await pushAccepted(SECOND, SECOND, 'second')).toBe(true);
    const change = relay
      .logs()
      .split('\n')
      .find((l) => l.includes('"msg":"secret changed"'));
    expect(JSON.parse(change!)).toMatchObject({ secrets: VAULT_SECRETS.passphrase });
  }, 90000);

  it('never shows a vault value in a child argv or environment, the logs, /status or /metrics', async () => {
    const text = await exposed(relay);
    expect(text).not.toContain(FIRST);
    expect(text).not.toContain(SECOND);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(STATUS_TOKEN);
  });

  it('puts a status token changed in the vault in force at the next refresh, without restarting SRT', async () => {
    const restarts = () => relay.logs().split('SRT children restarted').length;
    const before = restarts();
    kv.setSecret(VAULT_SECRETS.statusToken, NEXT_STATUS_TOKEN);
    await waitFor(
      'the new token',
      async () => (await relay.get('/status', NEXT_STATUS_TOKEN)).code === 200,
      15000,
    );
    expect((await relay.get('/status', STATUS_TOKEN)).code).toBe(401);
    expect((await relay.get('/metrics', STATUS_TOKEN)).code).toBe(401);
    expect((await relay.get('/metrics', NEXT_STATUS_TOKEN)).code).toBe(200);
    expect(restarts()).toBe(before);
    const change = relay
      .logs()
      .split('\n')
      .filter((l) => l.includes('"msg":"secret changed"'))
      .pop();
    expect(JSON.parse(change!)).toMatchObject({ secrets: VAULT_SECRETS.statusToken });
    expect(processText(relay.proc.pid!) + relay.logs()).not.toContain(NEXT_STATUS_TOKEN);
  }, 30000);
  it('keeps the status token in force when the vault gives one that breaks the rule, logging it once', async () => {
    const bad = 'canary-short';
    const refusals = () =>
      relay
        .logs()
        .split('\n')
        .filter((l) => l.includes('breaks its rule'));
    const reads = () =>
      kv.calls('vault').filter((c) => c.path === `/secrets/${VAULT_SECRETS.statusToken}`).length;
    kv.setSecret(VAULT_SECRETS.statusToken, bad);
    await waitFor('the refusal', () => refusals().length > 0, 15000);
    // Two more refreshes read the same bad token: still one line.
    const seen = reads();
    await waitFor('two more refreshes', () => reads() >= seen + 2, 15000);
    expect(refusals()).toHaveLength(1);
    expect(JSON.parse(refusals()[0])).toMatchObject({
      level: 'warn',
      secret: VAULT_SECRETS.statusToken,
      rule: `Key Vault secret "${VAULT_SECRETS.statusToken}" (${ENV.statusTokenSecret}) has 12 characters; /status and /metrics need a token of at least 16 (value not shown)`,
    });
    expect((await relay.get('/status', NEXT_STATUS_TOKEN)).code).toBe(200);
    expect((await relay.get('/status', bad)).code).toBe(401);
    // /status says what was refused and that the token in force stays, without the value.
    const status = JSON.parse((await relay.get('/status', NEXT_STATUS_TOKEN)).body) as MediaStatus;
    expect(status.secretProblem).toBe(
      `Key Vault secret "${VAULT_SECRETS.statusToken}" (${ENV.statusTokenSecret}) has 12 characters; /status and /metrics need a token of at least 16 (value not shown); the value in force is kept`,
    );
    expect(processText(relay.proc.pid!) + relay.logs()).not.toContain(bad);
  }, 40000);
});

/** An image's entry point run to its end with this environment (async: the stand-in is in this process). */
async function runImage(image: string, env: Record<string, string>, timeoutMs: number) {
  const proc = launch(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join('containers', image, 'main.ts')],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        [ENV.outputTargets]: '127.0.0.1:1',
        [ENV.statusTokenSecret]: VAULT_SECRETS.statusToken,
        [ENV.healthPort]: String(await freeTcpPort()),
        ...env,
      },
    },
  );
  let stdout = '';
  let stderr = '';
  proc.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
  const code = await exited(proc);
  clearTimeout(timer);
  return { code, stdout, stderr };
}

describe('slide-splitter with KEY_VAULT_URL', () => {
  it('refuses a vault URL that is plain http to a host other than loopback, before any call', async () => {
    kv.clearRequests();
    const r = await runImage(
      'slide-splitter',
      {
        [ENV.keyVaultUrl]: 'http://10.20.30.40/',
        [ENV.passphraseSecret]: VAULT_SECRETS.passphrase,
        [ENV.imdsEndpoint]: kv.baseUrl,
      },
      20000,
    );
    expect(r.code).toBe(2);
    expect(kv.requests).toEqual([]);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^slide-splitter: KEY_VAULT_URL="http:\/\/10\.20\.30\.40\/" must be https:\/\/ \(http:\/\/ only for a loopback host\)/,
      ),
    ]);
  }, 30000);

  it('refuses a vault together with SRT_PASSPHRASE or STATUS_TOKEN, never echoing them', async () => {
    kv.clearRequests();
    const r = await runImage(
      'slide-splitter',
      {
        ...kv.partEnv(),
        [ENV.passphraseSecret]: VAULT_SECRETS.passphrase,
        [ENV.passphrase]: FIRST,
        [ENV.statusToken]: STATUS_TOKEN,
      },
      20000,
    );
    expect(r.code).toBe(2);
    expect(kv.requests).toEqual([]);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringContaining(`${ENV.passphrase} is set and so is ${ENV.keyVaultUrl}`),
      expect.stringContaining(`${ENV.statusToken} is set and so is ${ENV.keyVaultUrl}`),
    ]);
    expect(r.stderr + r.stdout).not.toContain(FIRST);
    expect(r.stderr + r.stdout).not.toContain(STATUS_TOKEN);
  }, 30000);

  it('refuses a vault value that breaks the passphrase rule with exit 2, naming the secret, not the value', async () => {
    const bad = await KeyVaultStandIn.start({
      secrets: { [VAULT_SECRETS.passphrase]: 'canary short', [VAULT_SECRETS.statusToken]: 'tiny' },
    });
    const r = await runImage(
      'slide-splitter',
      { ...bad.partEnv(), [ENV.passphraseSecret]: VAULT_SECRETS.passphrase },
      20000,
    );
    await bad.close();
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringContaining(
        `slide-splitter: Key Vault secret "${VAULT_SECRETS.passphrase}" (${ENV.passphraseSecret}) has 12 characters or characters outside`,
      ),
      `slide-splitter: Key Vault secret "${VAULT_SECRETS.statusToken}" (${ENV.statusTokenSecret}) has 4 characters; /status and /metrics need a token of at least 16 (value not shown)`,
    ]);
    expect(r.stderr + r.stdout).not.toContain('canary short');
    expect(r.stdout).not.toContain('"msg":"started"');
  }, 30000);

  it('exits 1 after its bounded retries when the vault keeps refusing, so ACI restarts it', async () => {
    const refusing = await KeyVaultStandIn.start({
      secrets: { [VAULT_SECRETS.passphrase]: FIRST },
    });
    refusing.failNext(100);
    const r = await runImage(
      'slide-splitter',
      { ...refusing.partEnv(), [ENV.passphraseSecret]: VAULT_SECRETS.passphrase },
      60000,
    );
    await refusing.close();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('secrets unreadable after 6 attempts');
    // Each attempt asks for both secrets.
    expect(refusing.calls('vault').map((c) => [c.path, c.status])).toEqual(
      Array.from({ length: 6 }, () => [
        [`/secrets/${VAULT_SECRETS.passphrase}`, 403],
        [`/secrets/${VAULT_SECRETS.statusToken}`, 403],
      ]).flat(),
    );
    expect(r.stdout.split('\n').filter((l) => l.includes('secret read failed'))).toHaveLength(12);
    expect(r.stdout).not.toContain('"msg":"started"');
  }, 70000);
});
