/**
 * The real container mixer reading its stream key, passphrase and status token from Key Vault
 * (the loopback stand-in): the vault's key is the publish name at a local RTMP listener, a key
 * changed in the vault is used on the next publish, a changed status token guards /status from
 * the next refresh, and no value shows outside the supervisor.
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
});
