import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIXER_INPUT_PORTS } from '../../lib/contract';
import { buildMixerModel } from '../../lib/mixer-model';
import { callerUri, fileSize, freeTcpPort } from '../containers/support/media';
import { killAll, waitFor } from '../containers/support/procs';
import { grayFrame, keyframeIntervals, regionMean, streamInfo, toneHz } from './support/analyze';
import { exitedWithin, pushProgram, pushSlides, startRtmpReceiver } from './support/mixer';
import { startObs, withObsPorts } from './support/obs';

const PASS = 'canary-pass-0b5e77';
const KEY = 'canary-key-c41d09';
const LATENCY_MS = 120;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'obs-mixer-'));
});
afterAll(async () => {
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('OBS with the generated profile, scene collection and service', () => {
  it('receives the SRT inputs and streams YouTube settings with the slides in place', async () => {
    await withObsPorts(async () => {
      const rtmpPort = await freeTcpPort();
      const file = join(dir, 'received.flv');
      const receiver = startRtmpReceiver(rtmpPort, KEY, file, 10);
      const model = buildMixerModel({
        eventName: 'obs-proof',
        language: 'spanish',
        layout: 'side-by-side',
        destinationUrl: `rtmp://127.0.0.1:${rtmpPort}/live`,
        srtLatencyMs: LATENCY_MS,
      });
      const obs = startObs(dir, model, { passphrase: PASS, streamKey: KEY });
      await waitFor('OBS streaming', async () => /Starting stream/.test(obs.log()), 120000);
      pushProgram(callerUri(MIXER_INPUT_PORTS.program, LATENCY_MS, PASS), 660, 90);
      pushSlides(callerUri(MIXER_INPUT_PORTS.slides, LATENCY_MS, PASS), 90);
      await waitFor('media arrives', async () => fileSize(file) > 100000, 30000);
      expect(await exitedWithin(receiver, 60000, 'the RTMP listener')).toBe(0);

      const info = await streamInfo(file);
      expect(info).toMatchObject({ width: 1920, height: 1080, sampleRate: 48000, channels: 2 });
      expect(Math.abs((await toneHz(file, 3, 3)) - 660)).toBeLessThan(10);
      expect(Math.max(...(await keyframeIntervals(file)))).toBeLessThanOrEqual(2.01);
      const px = await grayFrame(file, 0.5, 1920, 1080);
      expect(regionMean(px, model.slides)).toBeGreaterThan(230);
      expect(regionMean(px, model.program)).toBeLessThan(200);
      // Above and below the two halves: black, as side by side leaves it.
      expect(regionMean(px, { x: 0, y: 0, width: 1920, height: 260 })).toBeLessThan(30);
      // OBS's own log, after a whole session of streaming: the stream key is never written
      // there. (OBS 29 here also dumps each media source's settings, the listener URL with its
      // passphrase included; the generated scene sets log_changes: false, which OBS 30+ honours
      // and 29 ignores - help/mixers.md, "OBS's log and the passphrase".)
      const log = obs.log();
      expect(log).toMatch(/Starting stream/);
      expect(log).not.toContain(KEY);
    });
  }, 300000);
});
