import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { layoutRects } from '../../lib/mixer-model';
import { MixerStatus } from '../../lib/mixer-status';
import { callerUri, freeTcpPort } from '../containers/support/media';
import { descendants, killAll, waitFor } from '../containers/support/procs';
import { grayFrame, keyframeIntervals, regionMean, streamInfo, toneHz } from './support/analyze';
import {
  exitedWithin,
  pushProgram,
  pushSlides,
  RunningMixer,
  startContainerMixer,
  startRtmpReceiver,
} from './support/mixer';

const PASS = 'canary-pass-4f1c9e';
const KEY = 'canary-key-7d2b55';
const TOKEN = 'canary-token-31aa';
const LATENCY_MS = 120;
let dir: string;
let mixer: RunningMixer;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'container-mixer-'));
});
afterAll(async () => {
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

const status = async (): Promise<MixerStatus> =>
  JSON.parse((await mixer.get('/status', TOKEN)).body) as MixerStatus;

describe('container mixer with real SRT and RTMP on loopback', () => {
  it('goes on air with the program alone, picks up the slides, and streams YouTube settings', async () => {
    const rtmpPort = await freeTcpPort();
    const file = join(dir, 'received.flv');
    const receiver = startRtmpReceiver(rtmpPort, KEY, file, 12);
    mixer = await startContainerMixer({
      MIXER_LANGUAGE: 'spanish',
      MIXER_LAYOUT: 'inset',
      RTMP_URL: `rtmp://127.0.0.1:${rtmpPort}/live`,
      STREAM_KEY: KEY,
      SRT_PASSPHRASE: PASS,
      STATUS_TOKEN: TOKEN,
      SRT_LATENCY_MS: String(LATENCY_MS),
      // The output settings under test stay YouTube's; only the x264 effort is lowered here.
      X264_PRESET: 'ultrafast',
    });
    await waitFor('/healthz', async () => (await mixer.get('/healthz')).code === 200, 15000);
    expect((await mixer.get('/status')).code).toBe(401);
    expect((await mixer.get('/metrics', 'wrong-token-xx')).code).toBe(401);
    expect((await status()).onAir).toBe(false);

    pushProgram(callerUri(mixer.programPort, LATENCY_MS, PASS), 550, 90);
    await waitFor('on air', async () => (await status()).onAir, 20000);
    expect((await status()).picture).toBe('program-only');
    pushSlides(callerUri(mixer.slidesPort, LATENCY_MS, PASS), 90);
    await waitFor('composite', async () => (await status()).picture === 'composite', 15000);
    const s = await status();
    expect(s.inputs.program.connected).toBe(true);
    expect(s.inputs.slides.connected).toBe(true);
    expect(s.output.destination).toBe(`rtmp://127.0.0.1:${rtmpPort}/live`);
    const metrics = (await mixer.get('/metrics', TOKEN)).body;
    expect(metrics).toMatch(/mixer_input_connected\{.*input="program"\} 1/);
    expect(metrics).toMatch(/mixer_on_air\{.*\} 1/);
    expect(await exitedWithin(receiver, 45000, 'the RTMP listener')).toBe(0);

    const info = await streamInfo(file);
    expect(info).toMatchObject({ width: 1920, height: 1080, sampleRate: 48000, channels: 2 });
    expect(info.durationSeconds).toBeGreaterThan(10);
    expect(Math.abs((await toneHz(file, 2, 3)) - 550)).toBeLessThan(10);
    const gaps = await keyframeIntervals(file);
    expect(gaps.length).toBeGreaterThan(3);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2.01);
    const { slides } = layoutRects('inset', 1920, 1080);
    const px = await grayFrame(file, 0.5, 1920, 1080);
    expect(regionMean(px, slides)).toBeGreaterThan(230);
    expect(regionMean(px, { x: 100, y: 100, width: 800, height: 400 })).toBeLessThan(200);
  }, 90000);

  it('keeps the key, the passphrase and the token out of logs and every argv', async () => {
    const argv = descendants(mixer.proc.pid!)
      .map((p) => {
        try {
          return readFileSync(`/proc/${p.pid}/cmdline`, 'utf8');
        } catch {
          return '';
        }
      })
      .join('\n');
    expect(argv).toContain('ffmpeg');
    expect(argv).not.toContain(KEY);
    expect(argv).not.toContain(TOKEN);
    for (const secret of [KEY, PASS, TOKEN]) {
      expect(mixer.logs()).not.toContain(secret);
      expect(JSON.stringify(await status())).not.toContain(secret);
    }
  }, 20000);
});
