import { ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatOutputAudio } from '../../lib/contract';
import { SILENCE_DBFS } from '../../lib/media-status';
import { callerUri, fileSize } from './support/media';
import { descendants, exited, killAll, killGroup, stillAlive, waitFor } from './support/procs';
import { RunningRelay, STATUS_TOKEN, startRelay } from './support/relay';
import { audioStreams, decodeLeft, rmsDb, toneDb, zeroCrossingHz } from './support/tone';
import { TONES_HZ, startMixer, startVenue } from './support/venue';

// A passphrase that must never surface in a child's argv or environment, status or logs.
const CANARY = 'canary-7f3a9c1e-Secret';
const LATENCY_MS = 120;
const FLOOR_DB = -12;
let relay: RunningRelay;
let dir: string;
let venue: ChildProcess;

const file = (name: string): string => join(dir, `${name}.ts`);
const record = (i: number, name: string, seconds = 5) =>
  startMixer(relay.outputPorts[i], CANARY, file(name), seconds);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relay-media-'));
  relay = await startRelay('srt-relay', 4, {
    SRT_PASSPHRASE: CANARY,
    SRT_LATENCY_MS: String(LATENCY_MS),
    SRT_PEER_IDLE_TIMEOUT_MS: '1500',
    SRT_OUTPUT_NAMES: 'en,es,fr,de',
    EVENT_NAME: 'media-test',
    OUTPUT_AUDIO: formatOutputAudio([
      { source: { track: 1 } },
      { source: { track: 2 }, floor: { source: { track: 1 }, mixDb: FLOOR_DB } },
      { source: { track: 3 } },
      // The venue sends three tracks: this one is missing.
      { source: { track: 5 } },
    ]),
  });
});

afterAll(async () => {
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

/** Decodes a recording: exactly one audio stream, AAC stereo 48 kHz, and its left channel. */
async function language(name: string): Promise<Float64Array> {
  expect(await audioStreams(file(name))).toEqual([
    { codec: 'aac', channels: 2, sampleRate: 48000 },
  ]);
  const samples = await decodeLeft(file(name));
  expect(samples.length).toBeGreaterThan(48000 * 2);
  return samples;
}

describe('srt-relay pushing one language per mixer (separate tracks)', () => {
  it('is healthy and ready with no feed and no mixer; status and metrics need the token', async () => {
    expect((await relay.get('/healthz', null)).code).toBe(200);
    expect((await relay.get('/readyz', null)).code).toBe(200);
    for (const path of ['/status', '/metrics']) {
      expect((await relay.get(path, null)).code).toBe(401);
      expect((await relay.get(path, 'status-token-for-tests-0002')).code).toBe(401);
    }
    const s = await relay.status();
    expect(s.input.connected).toBe(false);
    expect(s.outputs.map((o) => [o.name, o.target, o.connected])).toEqual(
      ['en', 'es', 'fr', 'de'].map((n, i) => [n, `127.0.0.1:${relay.outputPorts[i]}`, false]),
    );
  });

  it('refuses a venue with a wrong or no passphrase, and counts it', async () => {
    const wrong = startVenue(
      callerUri(relay.ingestPort, LATENCY_MS, 'wrong-passphrase-123'),
      'tracks',
    );
    expect(await exited(wrong)).not.toBe(0);
    const none = startVenue(callerUri(relay.ingestPort, LATENCY_MS), 'tracks');
    expect(await exited(none)).not.toBe(0);
    const s = await waitFor('two rejections', async () => {
      const st = await relay.status();
      return st.input.rejectedCallers >= 2 && st;
    });
    expect(s.input.bytes).toBe(0);
    expect(s.input.connected).toBe(false);
  });

  it("gives each mixer its own language's tone, the floor under one, silence plus a flag for a missing track", async () => {
    const mixers = [0, 1, 2, 3].map((i) => record(i, `first-${i}`));
    venue = startVenue(callerUri(relay.ingestPort, LATENCY_MS, CANARY), 'tracks');
    // Levels cover the last 3 s of a live call: read them while the mixers still record.
    const { status, metrics } = await waitFor(
      'levels on every connected output',
      async () => {
        const st = await relay.status();
        const ready = st.outputs.every((o) => o.connected && o.audio?.rmsDbfs != null);
        return ready && { status: st, metrics: (await relay.get('/metrics')).body };
      },
      30000,
    );
    expect(await Promise.all(mixers.map(exited))).toEqual([0, 0, 0, 0]);

    for (const i of [0, 2]) {
      const hz = zeroCrossingHz(await language(`first-${i}`));
      expect(Math.abs(hz - TONES_HZ[i])).toBeLessThan(5);
    }
    // Spanish: its own tone, and the floor (English) 12 dB under it.
    const es = await language('first-1');
    const relative = toneDb(es, TONES_HZ[0]) - toneDb(es, TONES_HZ[1]);
    expect(Math.abs(relative - FLOOR_DB)).toBeLessThan(2);
    expect(toneDb(es, TONES_HZ[2])).toBeLessThan(toneDb(es, TONES_HZ[1]) - 40);
    // German: track 5 does not exist; silence, not a restart loop.
    expect(rmsDb(await language('first-3'))).toBeLessThan(-80);

    const [en, esStatus, , de] = status.outputs;
    expect(en.audio).toMatchObject({ source: 'track 1', missing: false, floorMissing: false });
    // A -18 dBFS-peak sine: RMS about 3 dB under its peak.
    expect(en.audio!.peakDbfs).toBeGreaterThan(-24);
    expect(en.audio!.rmsDbfs).toBeLessThan(en.audio!.peakDbfs!);
    expect(esStatus.audio).toMatchObject({
      source: 'track 2',
      floor: { source: 'track 1', mixDb: FLOOR_DB },
      missing: false,
    });
    expect(de.audio).toEqual({
      source: 'track 5',
      missing: true,
      floorMissing: false,
      peakDbfs: SILENCE_DBFS,
      rmsDbfs: SILENCE_DBFS,
    });
    expect(status.input.audioTracks).toEqual([2, 2, 2]);
    expect(status.input.present).toBe(true);
    expect(metrics).toMatch(
      /srt_relay_output_audio_missing\{feed="program",event="media-test",output="de",target="[^"]+"\} 1/,
    );
    expect(metrics).toMatch(/srt_relay_output_audio_rms_dbfs\{[^}]*output="en"[^}]*\} -\d/);
  });

  it('reaches a mixer that comes late, and keeps feeding the others while one is away or hung', async () => {
    // Every mixer hung up when its recording ended; the relay keeps calling them all.
    const fr = record(2, 'steady-2', 10);
    const es = record(1, 'hung-1', 10);
    await waitFor(
      'fr and es connected',
      async () => {
        const s = await relay.status();
        return s.outputs[2].connected && s.outputs[1].connected;
      },
      20000,
    );
    // A mixer that stops reading: its output's pipe fills and drops, nobody else waits for it.
    killGroup(es, 'SIGSTOP');
    const before = fileSize(file('steady-2'));
    await new Promise((r) => setTimeout(r, 2500));
    const en = record(0, 'late-0', 3);
    expect(await exited(en)).toBe(0);
    expect(Math.abs(zeroCrossingHz(await language('late-0')) - TONES_HZ[0])).toBeLessThan(5);
    expect(fileSize(file('steady-2'))).toBeGreaterThan(before + 200_000);
    expect(await exited(fr)).toBe(0);
    expect(Math.abs(zeroCrossingHz(await language('steady-2')) - TONES_HZ[2])).toBeLessThan(5);
    expect((await relay.status()).outputs[0].reconnects).toBeGreaterThanOrEqual(1);
    killGroup(es, 'SIGKILL');
  });

  it('takes the venue back after it drops: every mixer hears its language again', async () => {
    killGroup(venue, 'SIGKILL');
    await exited(venue);
    await waitFor('input disconnected', async () => !(await relay.status()).input.connected);
    const pid = relay.proc.pid;
    venue = startVenue(callerUri(relay.ingestPort, LATENCY_MS, CANARY), 'tracks');
    const mixers = [0, 2].map((i) => record(i, `again-${i}`, 4));
    expect(await Promise.all(mixers.map(exited))).toEqual([0, 0]);
    for (const i of [0, 2]) {
      const hz = zeroCrossingHz(await language(`again-${i}`));
      expect(Math.abs(hz - TONES_HZ[i])).toBeLessThan(5);
    }
    const s = await relay.status();
    expect(s.input.reconnects).toBeGreaterThanOrEqual(1);
    expect(relay.proc.pid).toBe(pid);
    expect(relay.proc.exitCode).toBeNull();
  });

  it("keeps the passphrase out of every child's command line and environment, and the logs", async () => {
    const tree = descendants(relay.proc.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(5);
    for (const p of tree) {
      for (const f of ['cmdline', 'environ']) {
        let text = '';
        try {
          text = readFileSync(`/proc/${p.pid}/${f}`, 'utf8');
        } catch {
          continue; // Ended meanwhile.
        }
        expect(text).not.toContain(CANARY);
        expect(text).not.toContain(STATUS_TOKEN);
      }
    }
    const cmdlines = tree.map((p) => {
      try {
        return readFileSync(`/proc/${p.pid}/cmdline`, 'utf8');
      } catch {
        return '';
      }
    });
    expect(cmdlines.some((c) => c.includes('srt://'))).toBe(true);
    expect(relay.logs()).not.toContain(CANARY);
    expect(relay.logs()).not.toContain(STATUS_TOKEN);
    expect((await relay.get('/status')).body).not.toContain(CANARY);
  });

  it('takes every child along when the supervisor is SIGKILLed', async () => {
    const tree = descendants(relay.proc.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(5);
    process.kill(relay.proc.pid!, 'SIGKILL');
    await exited(relay.proc);
    await waitFor('every child gone', () => tree.every((p) => !stillAlive(p)), 5000);
  });
});
