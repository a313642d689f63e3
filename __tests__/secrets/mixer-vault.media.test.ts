/**
 * The real container mixer reading its stream key and passphrase from Key Vault (the loopback
 * stand-in): the vault's key is the publish name at a local RTMP listener, a key changed in
 * the vault is used on the next publish, and no value shows outside the supervisor.
 */
import { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENV } from '../../lib/contract';
import { KEY_VAULT_API_VERSION, VAULT_SECRETS } from '../../lib/secrets';
import { MixerStatus } from '../../lib/mixer-status';
import { callerUri, freeTcpPort } from '../containers/support/media';
import { descendants, killAll, launch, waitFor } from '../containers/support/procs';
import { streamInfo, toneHz } from '../mixers/support/analyze';
import {
  RunningMixer,
  exitedWithin,
  pushProgram,
  startContainerMixer,
} from '../mixers/support/mixer';
import { KeyVaultStandIn, READER_CLIENT_ID } from '../support/key-vault-stand-in';

const PASS = 'canary-mixer-vault-pass';
const KEY_1 = 'canary-vault-key-one';
const KEY_2 = 'canary-vault-key-two';
const PASS_2 = 'canary-mixer-vault-pass-2';
const TOKEN = 'mixer-status-token-0001';
const LANGUAGE = 'spanish';
const LATENCY_MS = 120;
/** What the listener is told to expect: never the key, so ffmpeg names the one it got. */
const PLACEHOLDER = 'no-key-expected';

let kv: KeyVaultStandIn;
let mixer: RunningMixer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mixer-vault-'));
  kv = await KeyVaultStandIn.start({
    secrets: {
      [VAULT_SECRETS.passphrase]: PASS,
      [VAULT_SECRETS.streamKey(LANGUAGE)]: KEY_1,
    },
  });
});
afterAll(async () => {
  await killAll();
  await kv.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * YouTube's door played by ffmpeg: one RTMP publish, stream-copied to a file. ffmpeg takes
 * any publish name and warns "Unexpected stream <name>, expecting <path>": that line is how
 * the test reads the name the mixer published with.
 */
function receiver(port: number, file: string, seconds: number) {
  const proc = launch('nice', [
    ...['ffmpeg', '-hide_banner', '-nostdin', '-loglevel', 'warning', '-y'],
    ...['-listen', '1', '-i', `rtmp://127.0.0.1:${port}/live/${PLACEHOLDER}`],
    // -copyinkf: keep what comes before the first keyframe, so the file shows where it began.
    ...['-c', 'copy', '-copyinkf', '-t', String(seconds), '-f', 'flv', file],
  ]);
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const published = () => /Unexpected stream (\S+), expecting/.exec(err)?.[1];
  return { proc, published };
}

async function firstVideoPacketFlags(file: string): Promise<string> {
  const probe = launch('ffprobe', [
    ...['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=flags'],
    ...['-read_intervals', '%+#1', '-of', 'csv=p=0', file],
  ]);
  let out = '';
  probe.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  expect(await exitedWithin(probe, 15000, 'ffprobe')).toBe(0);
  return out.trim();
}

const status = async (): Promise<MixerStatus> =>
  JSON.parse((await mixer.get('/status', TOKEN)).body) as MixerStatus;

describe('container mixer with KEY_VAULT_URL', () => {
  let rtmpPort: number;
  let program: ChildProcess;

  it("publishes with the vault's stream key and takes the venue feed with the vault's passphrase", async () => {
    rtmpPort = await freeTcpPort();
    const first = receiver(rtmpPort, join(dir, 'first.flv'), 60);
    mixer = await startContainerMixer({
      ...kv.partEnv(),
      [ENV.streamKeySecret]: VAULT_SECRETS.streamKey(LANGUAGE),
      [ENV.passphraseSecret]: VAULT_SECRETS.passphrase,
      [ENV.secretsRefreshSeconds]: '2',
      [ENV.mixerLanguage]: LANGUAGE,
      [ENV.destinationUrl]: `rtmp://127.0.0.1:${rtmpPort}/live`,
      [ENV.statusToken]: TOKEN,
      [ENV.latencyMs]: String(LATENCY_MS),
      [ENV.x264Preset]: 'ultrafast',
    });
    await waitFor('/healthz', async () => (await mixer.get('/healthz')).code === 200, 20000);
    const [imds, ...vault] = kv.requests;
    expect(imds.query.client_id).toBe(READER_CLIENT_ID);
    expect(imds.headers.metadata).toBe('true');
    expect(vault.map((r) => [r.path, r.query['api-version'], r.status]).sort()).toEqual(
      [VAULT_SECRETS.passphrase, VAULT_SECRETS.streamKey(LANGUAGE)]
        .map((name) => [`/secrets/${name}`, KEY_VAULT_API_VERSION, 200])
        .sort(),
    );

    program = pushProgram(callerUri(mixer.programPort, LATENCY_MS, PASS), 550, 120);
    await waitFor('on air', async () => (await status()).onAir, 30000);
    await waitFor('the publish name', () => first.published(), 10000);
    expect(first.published()).toBe(KEY_1);
  }, 70000);

  it('publishes again with a key changed in the vault, after the refresh', async () => {
    kv.setSecret(VAULT_SECRETS.streamKey(LANGUAGE), KEY_2);
    await waitFor('the key change', () => mixer.logs().includes('stream key changed'), 15000);
    // The first session ended at the change, so its listener ends; a second takes its port.
    const file = join(dir, 'second.flv');
    let second: ReturnType<typeof receiver> | undefined;
    await waitFor(
      'a second publish',
      async () => {
        if (!second || second.proc.exitCode !== null) second = receiver(rtmpPort, file, 8);
        return second.published();
      },
      30000,
      500,
    );
    expect(second!.published()).toBe(KEY_2);
    expect(await exitedWithin(second!.proc, 30000, 'the second listener')).toBe(0);
    const info = await streamInfo(file);
    expect(info).toMatchObject({ width: 1920, height: 1080, sampleRate: 48000, channels: 2 });
    expect(Math.abs((await toneHz(file, 2, 3)) - 550)).toBeLessThan(10);
    // The new session begins at a keyframe: its first video packet is one.
    expect(await firstVideoPacketFlags(file)).toMatch(/^K/);
    const change = mixer
      .logs()
      .split('\n')
      .find((l) => l.includes('"msg":"secret changed"'));
    expect(JSON.parse(change!)).toMatchObject({ secrets: VAULT_SECRETS.streamKey(LANGUAGE) });
    program.kill('SIGKILL');
  }, 90000);

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
  }, 60000);

  it('never shows a vault value in a child argv or environment, the logs, /status or /metrics', async () => {
    const proc = descendants(mixer.proc.pid!)
      .flatMap((p) =>
        ['cmdline', 'environ'].map((f) => {
          try {
            return readFileSync(`/proc/${p.pid}/${f}`, 'utf8');
          } catch {
            return '';
          }
        }),
      )
      .join('\n');
    expect(proc).toContain('ffmpeg');
    const text = [
      proc,
      mixer.logs(),
      (await mixer.get('/status', TOKEN)).body,
      (await mixer.get('/metrics', TOKEN)).body,
    ].join('\n');
    for (const secret of [PASS, PASS_2, KEY_1, KEY_2]) expect(text).not.toContain(secret);
  });
});
