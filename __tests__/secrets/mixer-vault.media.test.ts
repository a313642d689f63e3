/**
 * The real container mixer reading its stream key, passphrase and status token from Key Vault
 * (the loopback stand-in): the vault's key is the publish name at a local RTMP listener, a key
 * changed in the vault is used on the next publish, a changed status token guards /status from
 * the next refresh, and no value shows outside the supervisor. A value that breaks its rule
 * leaves the one in force, with one log line and /status's lastError naming the secret.
 */
import { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENV } from '../../lib/contract';
import { KEY_VAULT_API_VERSION, VAULT_SECRETS } from '../../lib/secrets';
import { MixerStatus } from '../../lib/mixer-status';
import { callerUri } from '../containers/support/media';
import { killAll, launch, waitFor } from '../containers/support/procs';
import { streamInfo, toneHz } from '../mixers/support/analyze';
import {
  RunningMixer,
  exitedWithin,
  pushProgram,
  startContainerMixer,
} from '../mixers/support/mixer';
import { RtmpDoor } from './support/rtmp-door';
import { processText } from './support/exposed';
import { KeyVaultStandIn, READER_CLIENT_ID } from '../support/key-vault-stand-in';

const PASS = 'canary-mixer-vault-pass';
const KEY_1 = 'canary-vault-key-one';
const KEY_2 = 'canary-vault-key-two';
const PASS_2 = 'canary-mixer-vault-pass-2';
const TOKEN = 'canary-mixer-status-token-0001';
const TOKEN_2 = 'canary-mixer-status-token-0002';
const KEY_3 = 'canary-vault-key-three';
// Break their rules: a space in the key (a paste gone wrong), a status token of 12 characters.
const BAD_KEY = 'canary bad key';
const BAD_TOKEN = 'canary-short';
const LANGUAGE = 'spanish';
const LATENCY_MS = 120;

let kv: KeyVaultStandIn;
let mixer: RunningMixer;
let dir: string;
let door: RtmpDoor | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mixer-vault-'));
  kv = await KeyVaultStandIn.start({
    secrets: {
      [VAULT_SECRETS.passphrase]: PASS,
      [VAULT_SECRETS.streamKey(LANGUAGE)]: KEY_1,
      [VAULT_SECRETS.statusToken]: TOKEN,
    },
  });
});
afterAll(async () => {
  await door?.close();
  await killAll();
  await kv.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Each video packet's timestamp (seconds, as published: -copyts) and flags ("K__" for a keyframe). */
async function videoPackets(file: string): Promise<{ pts: number; flags: string }[]> {
  const probe = launch('ffprobe', [
    ...['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags'],
    ...['-of', 'csv=p=0', file],
  ]);
  let out = '';
  probe.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  // A file still being written may not be readable yet: no packets so far.
  if ((await exitedWithin(probe, 15000, 'ffprobe')) !== 0) return [];
  return out
    .trim()
    .split('\n')
    .map((line) => {
      const [pts, flags] = line.split(',');
      return { pts: Number(pts), flags };
    });
}

const status = async (): Promise<MixerStatus> =>
  JSON.parse((await mixer.get('/status', TOKEN)).body) as MixerStatus;

describe('container mixer with KEY_VAULT_URL', () => {
  let program: ChildProcess;

  it("publishes with the vault's stream key and takes the venue feed with the vault's passphrase", async () => {
    door = await RtmpDoor.open(dir);
    const d = door;
    mixer = await startContainerMixer({
      ...kv.partEnv(),
      [ENV.streamKeySecret]: VAULT_SECRETS.streamKey(LANGUAGE),
      [ENV.passphraseSecret]: VAULT_SECRETS.passphrase,
      [ENV.secretsRefreshSeconds]: '2',
      [ENV.mixerLanguage]: LANGUAGE,
      [ENV.destinationUrl]: d.url,
      [ENV.statusTokenSecret]: VAULT_SECRETS.statusToken,
      [ENV.latencyMs]: String(LATENCY_MS),
      [ENV.x264Preset]: 'ultrafast',
    });
    await waitFor('/healthz', async () => (await mixer.get('/healthz')).code === 200, 20000);
    const [imds, ...vault] = kv.requests;
    expect(imds.query.client_id).toBe(READER_CLIENT_ID);
    expect(imds.headers.metadata).toBe('true');
    expect(vault.map((r) => [r.path, r.query['api-version'], r.status]).sort()).toEqual(
      [VAULT_SECRETS.passphrase, VAULT_SECRETS.streamKey(LANGUAGE), VAULT_SECRETS.statusToken]
        .map((name) => [`/secrets/${name}`, KEY_VAULT_API_VERSION, 200])
        .sort(),
    );

    program = pushProgram(callerUri(mixer.programPort, LATENCY_MS, PASS), 550, 120);
    await waitFor('on air', async () => (await status()).onAir, 30000);
    await waitFor('the publish name', () => d.sessions[0]?.published(), 10000);
    expect(d.sessions.map((x) => x.published())).toEqual([KEY_1]);
  }, 70000);

  it('publishes again with a key changed in the vault, joining the old session at a keyframe', async () => {
    const door2 = door!;
    kv.setSecret(VAULT_SECRETS.streamKey(LANGUAGE), KEY_2);
    await waitFor('the key change', () => mixer.logs().includes('stream key changed'), 15000);
    await waitFor('a second publish', () => door2.sessions[1]?.published(), 20000);
    expect(door2.sessions.map((x) => x.published())).toEqual([KEY_1, KEY_2]);
    const [first, second] = door2.sessions;
    // The old session ended at the change; the new one streams for a while, then stops cleanly.
    expect(await exitedWithin(first.proc, 15000, 'the first session')).toBe(0);
    await waitFor(
      '8 s on air again',
      async () => {
        const s = await status();
        return s.onAir && (await videoPackets(second.file)).length > 8 * 30;
      },
      40000,
      1000,
    );
    second.proc.kill('SIGINT');
    await exitedWithin(second.proc, 15000, 'the second session');

    const before = await videoPackets(first.file);
    const after = await videoPackets(second.file);
    // The new session begins at a keyframe and follows the old one's last frame by one frame
    // (30 fps): the frames from the cut keyframe on waited for the new session, none was lost.
    expect(after[0].flags).toMatch(/^K/);
    const gap = after[0].pts - before[before.length - 1].pts;
    expect(gap).toBeGreaterThan(0);
    expect(gap).toBeLessThan(0.1);
    const info = await streamInfo(second.file);
    expect(info).toMatchObject({ width: 1920, height: 1080, sampleRate: 48000, channels: 2 });
    expect(Math.abs((await toneHz(second.file, 2, 3)) - 550)).toBeLessThan(10);
    const change = mixer
      .logs()
      .split('\n')
      .find((l) => l.includes('"msg":"secret changed"'));
    expect(JSON.parse(change!)).toMatchObject({ secrets: VAULT_SECRETS.streamKey(LANGUAGE) });
    program.kill('SIGKILL');
    await exitedWithin(program, 10000, 'the first venue push');
  }, 120000);

  it('restarts its SRT listeners with a passphrase changed in the vault', async () => {
    kv.setSecret(VAULT_SECRETS.passphrase, PASS_2);
    await waitFor('the change', () => mixer.logs().includes('SRT listeners restarted'), 15000);
    const refused = (await status()).inputs.program.rejectedCallers;
    const old = pushProgram(callerUri(mixer.programPort, LATENCY_MS, PASS), 550, 20);
    expect(await exitedWithin(old, 15000, 'a push with the old passphrase')).not.toBe(0);
    await waitFor('the old one refused', async () => {
      return (await status()).inputs.program.rejectedCallers > refused;
    });
    const fresh = pushProgram(callerUri(mixer.programPort, LATENCY_MS, PASS_2), 550, 20);
    await waitFor(
      'the new one connected',
      async () => (await status()).inputs.program.connected,
      20000,
    );
    fresh.kill('SIGKILL');
    await exitedWithin(fresh, 10000, 'the venue push');
  }, 60000);

  it('never shows a vault value in a child argv or environment, the logs, /status or /metrics', async () => {
    const proc = processText(mixer.proc.pid!);
    expect(proc).toContain('ffmpeg');
    const text = [
      proc,
      mixer.logs(),
      (await mixer.get('/status', TOKEN)).body,
      (await mixer.get('/metrics', TOKEN)).body,
    ].join('\n');
    for (const secret of [PASS, PASS_2, KEY_1, KEY_2, TOKEN]) expect(text).not.toContain(secret);
  });

  it('takes a status token changed in the vault from the next refresh, touching neither listeners nor uplink', async () => {
    const restarts = () => mixer.logs().split('SRT listeners restarted').length;
    const keyChanges = () => mixer.logs().split('stream key changed').length;
    const [listeners, keys] = [restarts(), keyChanges()];
    kv.setSecret(VAULT_SECRETS.statusToken, TOKEN_2);
    await waitFor(
      'the new token',
      async () => (await mixer.get('/status', TOKEN_2)).code === 200,
      15000,
    );
    expect((await mixer.get('/status', TOKEN)).code).toBe(401);
    expect((await mixer.get('/metrics', TOKEN_2)).code).toBe(200);
    expect([restarts(), keyChanges()]).toEqual([listeners, keys]);
    expect(processText(mixer.proc.pid!) + mixer.logs()).not.toContain(TOKEN_2);
  }, 30000);
  /** Log lines of the refused-value warning, and /status with the token in force now. */
  const refusals = () =>
    mixer
      .logs()
      .split('\n')
      .filter((l) => l.includes('breaks its rule'));
  const statusNow = async (): Promise<MixerStatus> =>
    JSON.parse((await mixer.get('/status', TOKEN_2)).body) as MixerStatus;
  /** Waits until the stand-in has answered `n` more reads of `secret` (refreshes that saw it). */
  const moreReads = async (secret: string, n: number): Promise<void> => {
    const count = () => kv.calls('vault').filter((c) => c.path === `/secrets/${secret}`).length;
    const target = count() + n;
    await waitFor(`${n} more reads of ${secret}`, () => count() >= target, 20000, 100);
  };

  it('keeps the stream key in force when the vault gives one that breaks the rule: one line, lastError, never the value', async () => {
    const keySecret = VAULT_SECRETS.streamKey(LANGUAGE);
    const keyChanges = mixer.logs().split('stream key changed').length;
    kv.setSecret(keySecret, BAD_KEY);
    await waitFor('the refusal', () => refusals().length > 0, 15000);
    const last = (await statusNow()).lastError;
    // Two more refreshes read the same bad key: still one line.
    await moreReads(keySecret, 2);
    expect(refusals()).toHaveLength(1);
    expect(JSON.parse(refusals()[0])).toMatchObject({
      level: 'warn',
      secret: keySecret,
      rule: `Key Vault secret "${keySecret}" (${ENV.streamKeySecret}) must be 1-200 printable characters without spaces (value not shown)`,
    });
    expect(last?.message).toBe(
      `Key Vault secret "${keySecret}" (${ENV.streamKeySecret}) must be 1-200 printable characters without spaces (value not shown); the value in force is kept`,
    );
    // The key in force goes on being used: every session since the first change is KEY_2's.
    const push = pushProgram(callerUri(mixer.programPort, LATENCY_MS, PASS_2), 550, 60);
    await waitFor('on air again', async () => (await statusNow()).onAir, 30000);
    expect(door!.sessions.slice(1).map((x) => x.published() ?? KEY_2)).toEqual(
      door!.sessions.slice(1).map(() => KEY_2),
    );
    expect(door!.sessions.at(-1)!.published()).toBe(KEY_2);
    expect(mixer.logs().split('stream key changed')).toHaveLength(keyChanges);
    program = push;
  }, 90000);

  it('keeps the status token in force when the vault gives one that breaks the rule', async () => {
    kv.setSecret(VAULT_SECRETS.statusToken, BAD_TOKEN);
    await waitFor('the refusal', () => refusals().length > 1, 15000);
    const last = (await statusNow()).lastError;
    await moreReads(VAULT_SECRETS.statusToken, 2);
    expect(refusals()).toHaveLength(2);
    const rule = `Key Vault secret "${VAULT_SECRETS.statusToken}" (${ENV.statusTokenSecret}) has 12 characters; /status and /metrics need a token of at least 16 (value not shown)`;
    expect(JSON.parse(refusals()[1])).toMatchObject({
      secret: VAULT_SECRETS.statusToken,
      rule,
    });
    expect(last?.message).toBe(`${rule}; the value in force is kept`);
    expect((await mixer.get('/status', TOKEN_2)).code).toBe(200);
    expect((await mixer.get('/status', BAD_TOKEN)).code).toBe(401);
    expect((await mixer.get('/metrics', BAD_TOKEN)).code).toBe(401);
  }, 40000);

  it('publishes with the new key when the destination drops the session right as a key change arrives', async () => {
    // Whether the reconnect (after 0.5 s) or the next keyframe comes first is x264's timing;
    // either way the next publish uses the new key (uplink-key-drop.media.test.ts pins the
    // reconnect-first case).
    const changes = () => mixer.logs().split('"msg":"secret changed"').length;
    const before = changes();
    const sessions = door!.sessions.length;
    kv.setSecret(VAULT_SECRETS.streamKey(LANGUAGE), KEY_3);
    await waitFor('the key change read', () => changes() > before, 15000, 10);
    door!.sessions[sessions - 1].drop();
    await waitFor('a new publish', () => door!.sessions[sessions]?.published(), 20000);
    expect(door!.sessions.slice(sessions).map((x) => x.published())).toEqual(
      door!.sessions.slice(sessions).map(() => KEY_3),
    );
    await waitFor('on air with it', async () => (await statusNow()).onAir, 20000);
    program.kill('SIGKILL');
    await exitedWithin(program, 10000, 'the venue push');
  }, 60000);

  it('shows no refused value either, in argv, environment, logs, /status or /metrics', async () => {
    const text = [
      processText(mixer.proc.pid!),
      mixer.logs(),
      (await mixer.get('/status', TOKEN_2)).body,
      (await mixer.get('/metrics', TOKEN_2)).body,
    ].join('\n');
    for (const secret of [BAD_KEY, BAD_TOKEN, KEY_3, TOKEN_2]) expect(text).not.toContain(secret);
    for (const session of door!.sessions) expect(session.stderr()).not.toContain(BAD_KEY);
  });
});
