import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENV, MIXER_INPUT_PORTS } from '../../lib/contract';
import { resourcesOf, synthEventStack } from '../infra/helpers';
import { callerUri } from './support/media';
import { exited, killAll } from './support/procs';
import { RunningRelay, STATUS_TOKEN, startRelay } from './support/relay';
import { audioStreams, decodeLeft, toneDb, zeroCrossingHz } from './support/tone';
import { TONES_HZ, startMixer, startVenue } from './support/venue';

const PASSPHRASE = 'as-deployed-passphrase';
let relay: RunningRelay;
let dir: string;
let synthesized: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relay-deployed-'));
  const { doc } = synthEventStack({
    languages: [
      'original',
      { name: 'spanish', audio: { track: 2 }, floorMixDb: -12 },
      { name: 'french', audio: { track: 3 } },
    ],
  });
  const group = resourcesOf(doc, 'azurerm_container_group').find(
    (g) => g.container[0].name === 'srt-relay',
  );
  synthesized = group.container[0].environment_variables;
  // Every value as the stack wrote it, except where things listen: the mixers' public IPs
  // (Terraform references) and the ports become free ones on 127.0.0.1 (startRelay's), and
  // the secure variables get stand-ins.
  const rest = Object.fromEntries(
    Object.entries(synthesized).filter(
      ([k]) => k !== ENV.ingestPort && k !== ENV.healthPort && k !== ENV.outputTargets,
    ),
  );
  relay = await startRelay('srt-relay', 3, {
    ...rest,
    [ENV.passphrase]: PASSPHRASE,
    [ENV.statusToken]: STATUS_TOKEN,
  });
}, 120000);

afterAll(async () => {
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('srt-relay configured exactly as the synthesized stack configures it', () => {
  it('pushes to every mixer on its program port', () => {
    const targets = synthesized[ENV.outputTargets].split(',');
    expect(targets).toHaveLength(3);
    for (const t of targets) expect(t).toMatch(new RegExp(`:${MIXER_INPUT_PORTS.program}$`));
    expect(synthesized[ENV.outputNames]).toBe('original,spanish,french');
  });

  it("gives each language's mixer its own tone, Spanish with the floor 12 dB under it", async () => {
    const file = (i: number): string => join(dir, `deployed-${i}.ts`);
    const mixers = [0, 1, 2].map((i) => startMixer(relay.outputPorts[i], PASSPHRASE, file(i), 5));
    startVenue(callerUri(relay.ingestPort, 120, PASSPHRASE), 'tracks');
    expect(await Promise.all(mixers.map(exited))).toEqual([0, 0, 0]);
    const decoded: Float64Array[] = [];
    for (const i of [0, 1, 2]) {
      expect(await audioStreams(file(i))).toEqual([
        { codec: 'aac', channels: 2, sampleRate: 48000 },
      ]);
      decoded.push(await decodeLeft(file(i)));
    }
    expect(Math.abs(zeroCrossingHz(decoded[0]) - TONES_HZ[0])).toBeLessThan(5);
    expect(Math.abs(zeroCrossingHz(decoded[2]) - TONES_HZ[2])).toBeLessThan(5);
    const floor = toneDb(decoded[1], TONES_HZ[0]) - toneDb(decoded[1], TONES_HZ[1]);
    expect(Math.abs(floor - -12)).toBeLessThan(2);
  });
});
