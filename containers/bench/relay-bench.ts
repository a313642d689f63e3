/**
 * npm run bench:relay — what the relay's per-language audio costs, next to a plain copy hop
 * (srt-live-transmit, listener to caller), with real processes on loopback, in one run:
 * added latency (beep onsets heard by stand-in mixers on both paths at once) and CPU per
 * output. Prints ratios and the targets; it never fails a build, timing belongs to
 * this machine, not to a test.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { get } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULTS, formatOutputAudio } from '../../lib/contract';
import { BEEP_SOURCE, BeepListener, addedMs } from './beeps';
import { measureCpu, percentile, rssMiB, withDescendants } from './probe';

const OUTPUTS = 3;
const LATENCY_MS = DEFAULTS.latencyMs;
const PASSPHRASE = 'bench-passphrase-0001';
const MEASURE_SECONDS = 20;
const ROOT = join(__dirname, '..', '..');
let nextPort = 21000 + (process.pid % 2000) * 10;
const port = (): number => nextPort++;

const procs: ChildProcess[] = [];
function start(cmd: string, args: string[], env?: NodeJS.ProcessEnv): ChildProcess {
  const p = spawn(cmd, args, { detached: true, stdio: 'ignore', env: env ?? process.env });
  procs.push(p);
  return p;
}
function stopAll(): void {
  for (const p of procs.splice(0)) {
    try {
      process.kill(-p.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function freeTcpPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  const address = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

function healthy(healthPort: number): Promise<boolean> {
  return new Promise((resolve) => {
    get({ host: '127.0.0.1', port: healthPort, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    }).on('error', () => resolve(false));
  });
}

async function main(): Promise<void> {
  const build = mkdtempSync(join(tmpdir(), 'relay-bench-'));
  try {
    // Measure the compiled JavaScript the image runs, not ts-node.
    execFileSync(process.execPath, [
      join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      ...['-p', join(ROOT, 'containers', 'tsconfig.build.json'), '--outDir', build],
    ]);
    // Relay: one output per language, each picking track 1 and encoding AAC.
    const [relayIn, healthPort] = [port(), await freeTcpPort()];
    const relayTargets = Array.from({ length: OUTPUTS }, port);
    const relayMixers = relayTargets.map((p) => new BeepListener(p, PASSPHRASE));
    const relay = start(process.execPath, [join(build, 'containers', 'srt-relay', 'main.js')], {
      PATH: process.env.PATH,
      SRT_INGEST_PORT: String(relayIn),
      SRT_OUTPUT_TARGETS: relayTargets.map((p) => `127.0.0.1:${p}`).join(','),
      OUTPUT_AUDIO: formatOutputAudio(relayTargets.map(() => ({ source: { track: 1 } }))),
      SRT_PASSPHRASE: PASSPHRASE,
      SRT_LATENCY_MS: String(LATENCY_MS),
      STATUS_TOKEN: 'bench-status-token-0001',
      HEALTH_PORT: String(healthPort),
    });
    // Plain copy hops, one per output, same SRT settings.
    const hopTargets = Array.from({ length: OUTPUTS }, port);
    const hopMixers = hopTargets.map((p) => new BeepListener(p, PASSPHRASE));
    const srt = (p: number, mode: string): string =>
      `srt://${mode === 'caller' ? '127.0.0.1' : ''}:${p}?mode=${mode}&latency=${LATENCY_MS}&passphrase=${PASSPHRASE}`;
    const hopIns = hopTargets.map(port);
    const hops = hopTargets.map((p, i) =>
      start('srt-live-transmit', ['-q', srt(hopIns[i], 'listener'), srt(p, 'caller')]),
    );
    for (const m of [...relayMixers, ...hopMixers]) procs.push(m.proc);
    const deadline = Date.now() + 15000;
    while (!(await healthy(healthPort))) {
      if (Date.now() > deadline) throw new Error('relay did not answer /healthz within 15 s');
      await sleep(100);
    }
    // One venue, the same bytes to every path (tee), so the source's own delay cancels out.
    const targets = [relayIn, ...hopIns].map(
      (p) =>
        `[f=mpegts:onfail=ignore]srt\\://127.0.0.1\\:${p}?mode=caller&latency=${LATENCY_MS * 1000}&passphrase=${PASSPHRASE}`,
    );
    start('ffmpeg', [
      ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-re'],
      ...['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25', '-f', 'lavfi', '-i', BEEP_SOURCE],
      ...[
        '-map',
        '0:v',
        '-map',
        '1:a',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-tune',
        'zerolatency',
      ],
      ...['-g', '25', '-b:v', '3M', '-c:a', 'aac', '-ac', '2', '-f', 'tee', targets.join('|')],
    ]);
    const warm = Date.now() + 30000;
    while ([...relayMixers, ...hopMixers].some((m) => m.onsets.length < 2)) {
      if (Date.now() > warm) throw new Error('a stand-in mixer heard no beep within 30 s');
      await sleep(200);
    }
    const from = relayMixers.map((m) => m.onsets.length);
    const [relayCpu, hopCpu] = await Promise.all([
      measureCpu(() => withDescendants([relay.pid!]), MEASURE_SECONDS),
      measureCpu(() => hops.map((h) => h.pid!), MEASURE_SECONDS),
    ]);
    const rss = {
      relay: rssMiB(withDescendants([relay.pid!])) / OUTPUTS,
      hop: rssMiB(hops.map((h) => h.pid!)) / OUTPUTS,
    };
    const added = relayMixers.flatMap((m, i) =>
      addedMs(m.onsets.slice(from[i]), hopMixers[i].onsets),
    );
    report(added, relayCpu / OUTPUTS, hopCpu / OUTPUTS, rss);
  } finally {
    stopAll();
    rmSync(build, { recursive: true, force: true });
  }
}

function report(
  added: number[],
  relayPerOutput: number,
  hopPerOutput: number,
  rss: { relay: number; hop: number },
): void {
  const p95 = percentile(added, 95);
  const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
  console.log(
    `\n${OUTPUTS} outputs, 1280x720 H.264 3 Mbit/s + AAC, SRT latency ${LATENCY_MS} ms, ${MEASURE_SECONDS} s, ${added.length} beeps`,
  );
  console.log(
    `added latency over a plain copy hop: p50 ${percentile(added, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`,
  );
  console.log(
    `  ratio p95 / (SRT latency + 50 ms) = ${(p95 / (LATENCY_MS + 50)).toFixed(2)}: ${verdict(p95 <= LATENCY_MS + 50)}`,
  );
  console.log(
    `CPU per output: relay with audio selection ${relayPerOutput.toFixed(1)} % of a core, plain copy hop ${hopPerOutput.toFixed(1)} %`,
  );
  console.log(`  ratio relay / plain hop = ${(relayPerOutput / hopPerOutput).toFixed(1)}x`);
  console.log(
    `memory per output (supervisor and ingest shared out): relay ${rss.relay.toFixed(0)} MiB, plain hop ${rss.hop.toFixed(0)} MiB`,
  );
  console.log(
    `  audio selection per language ${relayPerOutput.toFixed(1)} % <= 5 % of a core: ${verdict(relayPerOutput <= 5)}`,
  );
}

void main().catch((err) => {
  console.error(`bench:relay: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
