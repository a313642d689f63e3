import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatOutputAudio } from '../../lib/contract';
import { callerUri } from './support/media';
import { exited, killAll, waitFor } from './support/procs';
import { RunningRelay, startRelay } from './support/relay';
import { audioStreams, decodeLeft, rmsDb, toneDb, zeroCrossingHz } from './support/tone';
import { TONES_HZ, startMixer, startVenue } from './support/venue';

const PASSPHRASE = 'channel-pairs-passphrase';
const LATENCY_MS = 120;
const FLOOR_DB = -18;
let relay: RunningRelay;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relay-channels-'));
  relay = await startRelay('srt-relay', 4, {
    SRT_PASSPHRASE: PASSPHRASE,
    SRT_LATENCY_MS: String(LATENCY_MS),
    SRT_OUTPUT_NAMES: 'en,es,fr,it',
    OUTPUT_AUDIO: formatOutputAudio([
      { source: { channels: [1, 2] } },
      { source: { channels: [3, 4] }, floor: { source: { channels: [1, 2] }, mixDb: FLOOR_DB } },
      // One mono channel, heard on both sides.
      { source: { channels: [5] } },
      // The venue's track has six channels.
      { source: { channels: [7, 8] } },
    ]),
  });
});

afterAll(async () => {
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('srt-relay picking channel pairs of one multichannel track', () => {
  it('gives each mixer its pair as one stereo AAC 48 kHz stream, silence for a pair the track lacks', async () => {
    const file = (i: number): string => join(dir, `pair-${i}.ts`);
    const mixers = [0, 1, 2, 3].map((i) =>
      startMixer(relay.outputPorts[i], PASSPHRASE, file(i), 5),
    );
    startVenue(callerUri(relay.ingestPort, LATENCY_MS, PASSPHRASE), 'channel-pairs');
    // Levels cover the last 3 s of a live call: read them while the mixers still record.
    const s = await waitFor(
      'levels on every output',
      async () => {
        const st = await relay.status();
        return st.outputs.every((o) => o.connected && o.audio?.rmsDbfs != null) && st;
      },
      30000,
    );
    expect(await Promise.all(mixers.map(exited))).toEqual([0, 0, 0, 0]);
    const decoded: Float64Array[] = [];
    for (const i of [0, 1, 2, 3]) {
      expect(await audioStreams(file(i))).toEqual([
        { codec: 'aac', channels: 2, sampleRate: 48000 },
      ]);
      decoded.push(await decodeLeft(file(i)));
    }
    expect(Math.abs(zeroCrossingHz(decoded[0]) - TONES_HZ[0])).toBeLessThan(5);
    expect(Math.abs(zeroCrossingHz(decoded[2]) - TONES_HZ[2])).toBeLessThan(5);
    const floor = toneDb(decoded[1], TONES_HZ[0]) - toneDb(decoded[1], TONES_HZ[1]);
    expect(Math.abs(floor - FLOOR_DB)).toBeLessThan(2);
    expect(rmsDb(decoded[3])).toBeLessThan(-80);

    expect(s.input.audioTracks).toEqual([6]);
    expect(s.outputs.map((o) => [o.audio!.source, o.audio!.missing])).toEqual([
      ['channels 1+2 of track 1', false],
      ['channels 3+4 of track 1', false],
      ['channel 5 of track 1', false],
      ['channels 7+8 of track 1', true],
    ]);
    expect(s.outputs[1].audio!.floor).toEqual({
      source: 'channels 1+2 of track 1',
      mixDb: FLOOR_DB,
    });
  });
});
