/**
 * npm run bench:relay — the relay's cost and added latency, measured here with real
 * srt-live-transmit processes on loopback. Prints numbers and pass/fail against the targets of
 * issue #5; it never fails a build, timing belongs to this machine, not to a test.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { get } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULTS } from '../../lib/contract';
import { freeUdpPort } from '../shared/datagram';
import { measureCpu, percentile, rssMiB, withDescendants } from './probe';
import { LatencyReceiver, PacedSender } from './traffic';

const LATENCY_MS = DEFAULTS.latencyMs;
const BITS_PER_SECOND = 6_000_000;
const WARMUP_SECONDS = 3;
const MEASURE_SECONDS = 8;
const ROOT = join(__dirname, '..', '..');

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

const srt = (port: number, mode: 'listener' | 'caller'): string =>
  `srt://${mode === 'caller' ? '127.0.0.1' : ''}:${port}?mode=${mode}&latency=${LATENCY_MS}`;
const udp = (port: number): string => `udp://127.0.0.1:${port}`;
const slt = (from: string, to: string): ChildProcess =>
  start('srt-live-transmit', ['-q', from, to]);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Result {
  readonly name: string;
  readonly receivers: number;
  readonly cpu: number;
  readonly rss: number;
  readonly p50: number;
  readonly p95: number;
}

/** Sends through the chain, warms up, then records latency and the CPU of `measured`. */
async function run(
  name: string,
  senderPorts: number[],
  receivers: LatencyReceiver[],
  measured: () => number[],
): Promise<Result> {
  const sender = new PacedSender(senderPorts, BITS_PER_SECOND);
  sender.start();
  const deadline = Date.now() + 20000;
  while (receivers.some((r) => r.packets === 0)) {
    if (Date.now() > deadline) throw new Error(`${name}: no packets at some receiver after 20 s`);
    await sleep(100);
  }
  await sleep(WARMUP_SECONDS * 1000);
  receivers.forEach((r) => (r.recording = true));
  const cpu = await measureCpu(measured, MEASURE_SECONDS);
  const rss = rssMiB(measured());
  receivers.forEach((r) => (r.recording = false));
  sender.stop();
  const all = receivers.flatMap((r) => r.latencies);
  receivers.forEach((r) => r.close());
  stopAll();
  await sleep(500);
  return {
    name,
    receivers: receivers.length,
    cpu,
    rss,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
  };
}

async function receiversFor(srtPorts: number[]): Promise<LatencyReceiver[]> {
  const out: LatencyReceiver[] = [];
  for (const port of srtPorts) {
    const r = new LatencyReceiver();
    slt(srt(port, 'caller'), udp(await r.open()));
    out.push(r);
  }
  return out;
}

/** One SRT link, UDP in and out: the floor any SRT path pays. */
async function floor(): Promise<Result> {
  const [inPort, link] = [await freeUdpPort(), await freeUdpPort()];
  const hop = slt(udp(inPort), srt(link, 'listener'));
  const receivers = await receiversFor([link]);
  return run('single srt-live-transmit hop (floor)', [inPort], receivers, () => [hop.pid!]);
}

/** n independent one-to-one srt-live-transmit relays (SRT in, SRT out): fan-out's baseline. */
async function plainHops(n: number): Promise<Result> {
  const senderPorts: number[] = [];
  const outPorts: number[] = [];
  const hops: ChildProcess[] = [];
  for (let i = 0; i < n; i++) {
    const [udpIn, hopIn, hopOut] = [await freeUdpPort(), await freeUdpPort(), await freeUdpPort()];
    hops.push(slt(srt(hopIn, 'listener'), srt(hopOut, 'listener')));
    await sleep(50);
    slt(udp(udpIn), srt(hopIn, 'caller'));
    senderPorts.push(udpIn);
    outPorts.push(hopOut);
  }
  const receivers = await receiversFor(outPorts);
  return run(`${n} plain one-to-one hops`, senderPorts, receivers, () =>
    withDescendants(hops.map((h) => h.pid!)),
  );
}

async function relay(n: number, build: string): Promise<Result> {
  const ingest = await freeUdpPort();
  const outPorts: number[] = [];
  for (let i = 0; i < n; i++) outPorts.push(await freeUdpPort());
  const healthPort = await freeUdpPort();
  const supervisor = start(process.execPath, [join(build, 'containers', 'srt-relay', 'main.js')], {
    PATH: process.env.PATH,
    SRT_INGEST_PORT: String(ingest),
    SRT_OUTPUT_PORTS: outPorts.join(','),
    SRT_LATENCY_MS: String(LATENCY_MS),
    HEALTH_PORT: String(healthPort),
  });
  const deadline = Date.now() + 15000;
  while (!(await healthy(healthPort))) {
    if (Date.now() > deadline) throw new Error('relay did not answer /healthz within 15 s');
    await sleep(100);
  }
  const udpIn = await freeUdpPort();
  slt(udp(udpIn), srt(ingest, 'caller'));
  const receivers = await receiversFor(outPorts);
  return run(`relay fan-out to ${n}`, [udpIn], receivers, () => withDescendants([supervisor.pid!]));
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    }).on('error', () => resolve(false));
  });
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits).padStart(7);

async function main(): Promise<void> {
  const build = mkdtempSync(join(tmpdir(), 'relay-bench-'));
  try {
    // Measure the compiled JavaScript the image runs, not ts-node.
    execFileSync(process.execPath, [
      join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      ...['-p', join(ROOT, 'containers', 'tsconfig.build.json'), '--outDir', build],
    ]);
    const results: Result[] = [await floor()];
    for (const n of [3, 10]) results.push(await relay(n, build), await plainHops(n));
    report(results);
  } finally {
    stopAll();
    rmSync(build, { recursive: true, force: true });
  }
}

function report(results: Result[]): void {
  const [base] = results;
  console.log(
    `\nfeed ${BITS_PER_SECOND / 1e6} Mbit/s, SRT latency ${LATENCY_MS} ms, ${MEASURE_SECONDS} s measured`,
  );
  console.log(
    'scenario                              rcv  CPU %core  RSS MiB  p50 ms  p95 ms  +p95 vs floor',
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(38)}${String(r.receivers).padStart(3)}${fmt(r.cpu)}    ${fmt(r.rss)}  ${fmt(r.p50)} ${fmt(r.p95)}  ${fmt(r.p95 - base.p95)}`,
    );
  }
  console.log('\ntargets');
  for (const n of [3, 10]) {
    const fan = results.find((r) => r.name === `relay fan-out to ${n}`)!;
    const plain = results.find((r) => r.name === `${n} plain one-to-one hops`)!;
    const added = fan.p95 - base.p95;
    const limit = LATENCY_MS + 15;
    const ratio = fan.cpu / plain.cpu;
    const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
    console.log(
      `  ${n} receivers: added p95 ${added.toFixed(1)} ms <= ${limit} ms: ${verdict(added <= limit)}`,
    );
    console.log(
      `  ${n} receivers: fan-out CPU / plain hops CPU = ${ratio.toFixed(2)}x <= 1.20x: ${verdict(ratio <= 1.2)}`,
    );
  }
}

void main().catch((err) => {
  console.error(`bench:relay: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
