import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitFilter } from '../../containers/slide-splitter/ffmpeg-args';
import { callerUri, probe, startSource } from './support/media';
import { descendants, exited, killAll, stillAlive, waitFor } from './support/procs';
import { RunningRelay, startRelay } from './support/relay';
import { startMixer } from './support/venue';

const PASSPHRASE = 'slides-passphrase-01';

const LATENCY_MS = 120;
let splitter: RunningRelay;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'splitter-media-'));
  splitter = await startRelay('slide-splitter', 3, {
    SRT_PASSPHRASE: PASSPHRASE,
    SRT_LATENCY_MS: String(LATENCY_MS),
    SRT_PEER_IDLE_TIMEOUT_MS: '1500',
    SLIDE_FIT: 'crop',
  });
});

afterAll(async () => {
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

/** One grey-level frame through the filter: white slide, red left quarter. */
function render(fit: 'crop' | 'letterbox'): (x: number, y: number) => number {
  const filter = fitFilter(fit, 1920, 1080);
  const frame = execFileSync(
    'ffmpeg',
    [
      ...['-v', 'error', '-f', 'lavfi'],
      ...['-i', 'color=white:size=3840x1080,drawbox=x=0:y=0:w=960:h=1080:color=red:t=fill'],
      ...['-frames:v', '1', '-vf', filter, '-pix_fmt', 'gray', '-f', 'rawvideo', '-'],
    ],
    { maxBuffer: 4 << 20 },
  );
  expect(frame.length).toBe(1920 * 1080);
  return (x, y) => frame[y * 1920 + x];
}

describe('slide-splitter fit filters', () => {
  it('crop keeps the centre 16:9 and fills the frame', () => {
    const px = render('crop');
    // The red left quarter lies outside the centre crop; no black bars anywhere.
    for (const [x, y] of [
      [0, 0],
      [5, 540],
      [1919, 1079],
      [960, 540],
    ])
      expect(px(x, y)).toBeGreaterThan(230);
  });

  it('letterbox keeps the whole slide with black bars above and below', () => {
    const px = render('letterbox');
    expect(px(960, 0)).toBeLessThan(30);
    expect(px(960, 1079)).toBeLessThan(30);
    expect(px(960, 540)).toBeGreaterThan(230);
    // Red (grey ~76) at the left edge: nothing was cut away.
    expect(px(5, 540)).toBeGreaterThan(50);
    expect(px(5, 540)).toBeLessThan(110);
  });
});

describe('slide-splitter with real SRT media on loopback', () => {
  it('turns 3840x1080 slides into 1920x1080 and pushes them to every mixer', async () => {
    expect((await splitter.get('/readyz', null)).code).toBe(200);
    expect((await splitter.get('/status', null)).code).toBe(401);
    const files = [0, 1, 2].map((i) => join(dir, `slides-${i}.ts`));
    const rs = files.map((f, i) => startMixer(splitter.outputPorts[i], PASSPHRASE, f, 4));
    startSource(callerUri(splitter.ingestPort, LATENCY_MS, PASSPHRASE), {
      size: '3840x1080',
      fps: 5,
      audio: false,
    });
    expect(await Promise.all(rs.map(exited))).toEqual([0, 0, 0]);
    for (const f of files) {
      const p = await probe(f);
      expect(p.video).toMatchObject({ codec: 'h264', width: 1920, height: 1080 });
      // 4 s at 5 fps with a keyframe every 2 s: at least 2 s decodable.
      expect(p.video!.frames).toBeGreaterThanOrEqual(10);
    }
    const s = await splitter.status();
    expect(s.outputs.every((o) => o.bytes > 0 && o.reconnects === 0 && !o.audio)).toBe(true);
    expect(s.processes.map((p) => p.name)).toContain('transcoder');
  });

  it('stops the transcoder and every caller on SIGTERM', async () => {
    const tree = descendants(splitter.proc.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(5);
    process.kill(splitter.proc.pid!, 'SIGTERM');
    expect(await exited(splitter.proc)).toBe(0);
    await waitFor('every child gone', () => tree.every((p) => !stillAlive(p)), 5000);
  });
});
