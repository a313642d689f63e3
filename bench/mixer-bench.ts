// npm run bench:mixer: CPU cores and peak RSS of one language's mixer, the container mixer
// against OBS under Xvfb, both fed the same program (1920x1080 30 fps H.264 + AAC) and slides
// (1920x1080 5 fps) over SRT and both streaming YouTube's settings (x264 veryfast, 6 Mbit/s)
// to a local RTMP listener, in the same run on this machine. CPU is measured as CPU seconds
// of the mixer's whole process tree over a fixed window (so a busy machine slows the wall
// clock, not the figure); it asserts nothing, because timings belong to benchmarks.
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MIXER_INPUT_PORTS } from '../lib/contract';
import { buildMixerModel } from '../lib/mixer-model';
import { fillObsSecrets, obsArgs, renderObsFiles } from '../lib/mixer-obs';

const ROOT = join(__dirname, '..');
const PASS = 'bench-passphrase-1';
const KEY = 'bench-key';
const WARMUP_S = 10;
const WINDOW_S = 20;
const TICK = 100; // clock ticks per second on Linux (sysconf(_SC_CLK_TCK))

const started: ChildProcess[] = [];
function launch(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT) {
  const p = spawn(cmd, args, {
    cwd,
    detached: true,
    stdio: 'ignore',
    env: { PATH: process.env.PATH, ...env },
  });
  started.push(p);
  return p;
}
function stopAll(): void {
  for (const p of started.splice(0)) {
    try {
      process.kill(-p.pid!, 'SIGKILL');
    } catch {
      // gone
    }
  }
}
process.on('exit', stopAll);

async function freeTcpPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** pid -> [ppid, cpu ticks, rss kB] for every process. */
function snapshot(): Map<number, [number, number, number]> {
  const out = new Map<number, [number, number, number]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      out.set(pid, [Number(f[1]), Number(f[11]) + Number(f[12]), rss]);
    } catch {
      // exited meanwhile
    }
  }
  return out;
}
function tree(root: number, snap: Map<number, [number, number, number]>): number[] {
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    for (const [pid, [ppid]] of snap) if (ppid === pids[i]) pids.push(pid);
  }
  return pids.filter((p) => snap.has(p));
}
const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));

/** CPU cores (CPU seconds per second of the window) and peak RSS of root's tree. */
async function measure(root: number): Promise<{ cores: number; rssMiB: number }> {
  await sleep(WARMUP_S);
  const cpu = (snap: Map<number, [number, number, number]>, pids: number[]) =>
    pids.reduce((sum, p) => sum + (snap.get(p)?.[1] ?? 0), 0);
  const first = snapshot();
  const pidsAtStart = tree(root, first);
  let peak = 0;
  for (let t = 0; t < WINDOW_S; t++) {
    await sleep(1);
    const s = snapshot();
    peak = Math.max(
      peak,
      tree(root, s).reduce((sum, p) => sum + (s.get(p)?.[2] ?? 0), 0),
    );
  }
  const last = snapshot();
  // Processes that lived through the window; a child that restarted would skew the figure.
  const pids = pidsAtStart.filter((p) => last.has(p));
  return {
    cores: (cpu(last, pids) - cpu(first, pids)) / TICK / WINDOW_S,
    rssMiB: peak / 1024,
  };
}

function feeds(programPort: number, slidesPort: number): void {
  const srt = (port: number) =>
    `srt://127.0.0.1:${port}?mode=caller&latency=200000&passphrase=${PASS}`;
  launch('ffmpeg', [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-re'],
    ...['-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '6M', '-g', '60'],
    ...['-c:a', 'aac', '-ac', '2', '-f', 'mpegts', srt(programPort)],
  ]);
  launch('ffmpeg', [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-re'],
    ...['-f', 'lavfi', '-i', 'testsrc=size=1920x1080:rate=5'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '10', '-f', 'mpegts', srt(slidesPort)],
  ]);
}

function receiver(port: number): void {
  launch('ffmpeg', [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-listen', '1'],
    ...['-i', `rtmp://127.0.0.1:${port}/live/${KEY}`, '-c', 'copy', '-f', 'null', '-'],
  ]);
}

async function containerMixer(): Promise<{ cores: number; rssMiB: number }> {
  const rtmp = await freeTcpPort();
  receiver(rtmp);
  const ports = [await freeTcpPort(), await freeTcpPort()];
  const health = await freeTcpPort();
  const mixer = launch(
    process.execPath,
    [...['-r', 'ts-node/register/transpile-only', 'containers/language-mixer/main.ts']],
    {
      MIXER_LANGUAGE: 'bench',
      RTMP_URL: `rtmp://127.0.0.1:${rtmp}/live`,
      STREAM_KEY: KEY,
      SRT_PASSPHRASE: PASS,
      STATUS_TOKEN: 'bench-token',
      HEALTH_PORT: String(health),
      MIXER_INPUT_PORTS: ports.join(','),
    },
  );
  await sleep(3);
  feeds(ports[0], ports[1]);
  const m = await measure(mixer.pid!);
  // The figure counts only if the mixer was really composing and streaming meanwhile.
  const s = (await (
    await fetch(`http://127.0.0.1:${health}/status`, {
      headers: { authorization: 'Bearer bench-token' },
    })
  ).json()) as { onAir: boolean; picture: string; output: { droppedFrames: number } };
  console.log(
    `container mixer at the end: onAir ${s.onAir}, picture ${s.picture}, dropped frames ${s.output.droppedFrames}`,
  );
  stopAll();
  return m;
}

async function obs(): Promise<{ cores: number; rssMiB: number }> {
  const home = mkdtempSync(join(tmpdir(), 'obs-bench-'));
  try {
    const rtmp = await freeTcpPort();
    receiver(rtmp);
    const model = buildMixerModel({
      eventName: 'bench',
      language: 'bench',
      destinationUrl: `rtmp://127.0.0.1:${rtmp}/live`,
    });
    for (const [p, text] of Object.entries(renderObsFiles(model))) {
      const file = join(home, 'obs-studio', p);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, fillObsSecrets(text, { passphrase: PASS, streamKey: KEY }));
    }
    const proc = launch(
      'xvfb-run',
      ['-a', 'obs', ...obsArgs(model)],
      { HOME: home, XDG_CONFIG_HOME: home, LANG: 'C.UTF-8' },
      home,
    );
    await sleep(5);
    feeds(MIXER_INPUT_PORTS.program, MIXER_INPUT_PORTS.slides);
    const m = await measure(proc.pid!);
    stopAll();
    return m;
  } finally {
    await sleep(1);
    rmSync(home, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(
    `mixer bench: one language, 1080p30 x264 veryfast 6 Mbit/s out, ${WINDOW_S} s window after ${WARMUP_S} s warm-up`,
  );
  const c = await containerMixer();
  await sleep(2);
  const o = await obs();
  const row = (name: string, m: { cores: number; rssMiB: number }) =>
    `${name.padEnd(26)} ${m.cores.toFixed(2).padStart(6)} cores  ${m.rssMiB.toFixed(0).padStart(5)} MiB`;
  console.log(row('container mixer (ffmpeg)', c));
  console.log(row('OBS 29 under Xvfb', o));
  console.log(
    `ratio OBS / container: ${(o.cores / c.cores).toFixed(2)}x CPU, ${(o.rssMiB / c.rssMiB).toFixed(2)}x memory`,
  );
}

void main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
