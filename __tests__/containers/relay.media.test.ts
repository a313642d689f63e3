import { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  callerUri,
  fileSize,
  firstVideoPts,
  probe,
  startReceiver,
  startSource,
} from './support/media';
import { descendants, exited, killAll, killGroup, stillAlive, waitFor } from './support/procs';
import { RunningRelay, startRelay } from './support/relay';

// A passphrase that must never surface in /status, /metrics or the supervisor's logs.
const CANARY = 'canary-7f3a9c1e-Secret';
const LATENCY_MS = 120;

let relay: RunningRelay;
let dir: string;
let source: ChildProcess | undefined;
let sourceStartedAt = 0;
let receivers: ChildProcess[] = [];

// '' means no passphrase at all.
const out = (i: number, pass = CANARY): string => callerUri(relay.outputPorts[i], LATENCY_MS, pass);
const file = (name: string): string => join(dir, `${name}.ts`);
const receive = (i: number, name: string, seconds?: number): ChildProcess => {
  const r = startReceiver(out(i), file(name), seconds);
  receivers.push(r);
  return r;
};
const startFeed = (pass: string = CANARY): ChildProcess => {
  sourceStartedAt = Date.now();
  return startSource(callerUri(relay.ingestPort, LATENCY_MS, pass), {
    size: '1920x1080',
    fps: 25,
    audio: true,
  });
};
const grows = async (names: string[], bytes: number): Promise<void> => {
  const before = names.map((n) => fileSize(file(n)));
  await waitFor(
    `${names.join(', ')} to grow by ${bytes} bytes`,
    () => names.every((n, i) => fileSize(file(n)) >= before[i] + bytes),
    10000,
  );
};
const allConnected = async (indexes: number[], want = true): Promise<void> => {
  await waitFor(`outputs ${indexes.join(',')} connected=${want}`, async () => {
    const s = await relay.status();
    return indexes.every((i) => s.outputs[i].connected === want);
  });
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relay-media-'));
  relay = await startRelay('srt-relay', 3, {
    SRT_PASSPHRASE: CANARY,
    SRT_LATENCY_MS: String(LATENCY_MS),
    SRT_PEER_IDLE_TIMEOUT_MS: '1500',
    SRT_OUTPUT_NAMES: 'en,de,fr',
    EVENT_NAME: 'media-test',
  });
});

afterEach(async () => {
  for (const r of receivers) killGroup(r, 'SIGKILL');
  await Promise.all(receivers.map(exited));
  receivers = [];
  // A killed caller holds its output until the peer idle timeout; the next test needs it free.
  if (relay.proc.exitCode === null) await allConnected([0, 1, 2], false);
});

afterAll(async () => {
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('srt-relay with real SRT media on loopback', () => {
  it('is live but not ready before the venue sends anything', async () => {
    expect((await relay.get('/healthz')).code).toBe(200);
    expect((await relay.get('/readyz')).code).toBe(503);
    const s = await relay.status();
    expect(s.input.connected).toBe(false);
    expect(s.outputs.map((o) => [o.name, o.port, o.connected])).toEqual([
      ['en', relay.outputPorts[0], false],
      ['de', relay.outputPorts[1], false],
      ['fr', relay.outputPorts[2], false],
    ]);
  });

  it('refuses a wrong or missing passphrase on ingest and on outputs', async () => {
    const intruder = startFeed('wrong-passphrase-123');
    const noPass = startReceiver(out(0, ''), file('nopass'), 2);
    const wrong = startReceiver(out(0, 'not-the-passphrase'), file('wrong'), 2);
    receivers.push(intruder, noPass, wrong);
    expect(await exited(noPass)).not.toBe(0);
    expect(await exited(wrong)).not.toBe(0);
    expect(await exited(intruder)).not.toBe(0);
    expect(fileSize(file('nopass')) + fileSize(file('wrong'))).toBe(0);
    const s = await waitFor('rejections counted', async () => {
      const st = await relay.status();
      return st.input.rejectedCallers >= 1 && st.outputs[0].rejectedCallers >= 2 && st;
    });
    expect(s.input.bytes).toBe(0);
    expect((await relay.get('/readyz')).code).toBe(503);
  });

  it('hands a 1080p pattern with tone to three receivers as decodable files', async () => {
    source = startFeed();
    await waitFor('/readyz 200', async () => (await relay.get('/readyz')).code === 200);
    const rs = [0, 1, 2].map((i) => receive(i, `first-${i}`, 3));
    await allConnected([0, 1, 2]);
    const s = await waitFor('a measured input bitrate', async () => {
      const st = await relay.status();
      return st.input.bitrateBps > 100_000 && st;
    });
    expect(s.input.connected).toBe(true);
    expect(await Promise.all(rs.map(exited))).toEqual([0, 0, 0]);
    for (const i of [0, 1, 2]) {
      const p = await probe(file(`first-${i}`));
      expect(p.video).toMatchObject({ codec: 'h264', width: 1920, height: 1080 });
      // Up to one GOP (1 s) before the first keyframe is not decodable; the rest must be.
      expect(p.video!.frames).toBeGreaterThanOrEqual(40);
      expect(p.audio).toMatchObject({ codec: 'aac', channels: 2 });
      expect(p.durationSeconds).toBeGreaterThan(2.5);
      expect(p.durationSeconds).toBeLessThan(3.8);
    }
    const after = await relay.status();
    expect(after.outputs.every((o) => o.bytes > 300_000)).toBe(true);
  });

  it('keeps the others fed when one receiver is killed and one hangs; the killed one reconnects', async () => {
    const rs = [0, 1, 2].map((i) => receive(i, `long-${i}`));
    await allConnected([0, 1, 2]);
    await grows(['long-0', 'long-1', 'long-2'], 50_000);
    const reconnectsBefore = (await relay.status()).outputs[0].reconnects;
    killGroup(rs[0], 'SIGKILL');
    killGroup(rs[1], 'SIGSTOP');
    await grows(['long-2'], 400_000);
    await allConnected([0], false);
    await grows(['long-2'], 200_000);

    const again = receive(0, 'again-0', 2);
    expect(await exited(again)).toBe(0);
    const p = await probe(file('again-0'));
    // 2 s recorded, up to 1 s of it before the first keyframe.
    expect(p.video?.frames).toBeGreaterThanOrEqual(15);
    expect((await relay.status()).outputs[0].reconnects).toBe(reconnectsBefore + 1);
    killGroup(rs[1], 'SIGCONT');
  });

  it('gives a receiver that starts late live video, not a stale backlog', async () => {
    const joinedAfterSeconds = (Date.now() - sourceStartedAt) / 1000;
    expect(joinedAfterSeconds).toBeGreaterThan(5);
    const pts = await firstVideoPts(out(2));
    expect(pts.length).toBeGreaterThanOrEqual(5);
    // The source stamps frames with its own running time (-re): a stale backlog would start
    // seconds earlier than the moment this receiver joined.
    expect(Math.min(...pts)).toBeGreaterThan(joinedAfterSeconds - 1.5);
    expect(await exited(receive(2, 'late-2', 2))).toBe(0);
    expect((await probe(file('late-2'))).video?.frames).toBeGreaterThanOrEqual(20);
  });

  it('refuses a second caller on a taken output without disturbing the first', async () => {
    receive(1, 'owner-1');
    await allConnected([1]);
    const before = (await relay.status()).outputs[1];
    const second = receive(1, 'second-1', 2);
    expect(await exited(second)).not.toBe(0);
    expect(fileSize(file('second-1'))).toBe(0);
    await grows(['owner-1'], 200_000);
    const after = (await relay.status()).outputs[1];
    expect(after.connected).toBe(true);
    expect(after.reconnects).toBe(before.reconnects);
    expect(after.bytes).toBeGreaterThan(before.bytes);
  });

  it('lets the source drop and reconnect: every receiver gets video again, no relay restart', async () => {
    const rs = [0, 1, 2].map((i) => receive(i, `drop-${i}`));
    await allConnected([0, 1, 2]);
    await grows(['drop-0', 'drop-1', 'drop-2'], 100_000);
    const pid = relay.proc.pid;
    killGroup(source!, 'SIGKILL');
    await exited(source!);
    await waitFor(
      '/readyz 503 after the drop',
      async () => (await relay.get('/readyz')).code === 503,
    );
    await waitFor('input disconnected', async () => !(await relay.status()).input.connected);
    for (const i of [0, 1, 2]) copyFileSync(file(`drop-${i}`), file(`snap-${i}`));

    source = startFeed();
    await waitFor(
      '/readyz 200 after reconnect',
      async () => (await relay.get('/readyz')).code === 200,
    );
    await grows(['drop-0', 'drop-1', 'drop-2'], 300_000);
    for (const r of rs) killGroup(r, 'SIGINT');
    await Promise.all(rs.map(exited));
    for (const i of [0, 1, 2]) {
      const before = (await probe(file(`snap-${i}`))).video?.frames ?? 0;
      const total = (await probe(file(`drop-${i}`))).video?.frames ?? 0;
      expect(total - before).toBeGreaterThanOrEqual(25);
    }
    const s = await relay.status();
    expect(relay.proc.pid).toBe(pid);
    expect(relay.proc.exitCode).toBeNull();
    expect(s.input.reconnects).toBeGreaterThanOrEqual(1);
    expect(s.processes.every((p) => p.running && p.restarts === 0)).toBe(true);
  });

  it('never shows the passphrase in /status, /metrics or its logs', async () => {
    const status = (await relay.get('/status')).body;
    const metrics = (await relay.get('/metrics')).body;
    expect(metrics).toMatch(
      /srt_relay_output_bytes_total\{feed="program",event="media-test",output="fr",port="\d+"\} [1-9]/,
    );
    expect(status).toContain('"encrypted": true');
    for (const text of [status, metrics, relay.logs()]) {
      expect(text).not.toContain(CANARY);
    }
    expect(relay.logs()).toContain('passphrase=***');
  });

  it('stops every child on SIGTERM and leaves no orphans', async () => {
    const tree = descendants(relay.proc.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(4);
    process.kill(relay.proc.pid!, 'SIGTERM');
    expect(await exited(relay.proc)).toBe(0);
    await waitFor('every child gone', () => tree.every((p) => !stillAlive(p)), 5000);
  });
});
