import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../scripts/cli';
import { ENV, parseOutputAudio } from '../../lib/contract';
import { loadEvent } from '../../lib/event-files';
import { EventValidationError } from '../../lib/event-model';
import { makeSandbox, Sandbox } from '../cli/support/sandbox';
import { FIXED_NOW, resourcesOf, synthEventStack } from './helpers';

let box: Sandbox;
beforeAll(() => (box = makeSandbox('languages')));
afterAll(() => box.remove());

/** Writes an event file and loads it as the CLI and the dashboard do. */
function load(languages: unknown, extra: Record<string, unknown> = {}) {
  box.writeEvent('audio-event', { name: 'audio-event', languages, ...extra });
  return loadEvent('audio-event', {
    eventsDir: box.eventsDir,
    now: FIXED_NOW,
    env: {},
    platform: null,
  });
}

function problemsOf(languages: unknown, extra: Record<string, unknown> = {}): readonly string[] {
  try {
    load(languages, extra);
  } catch (err) {
    if (err instanceof EventValidationError) return err.problems;
    throw err;
  }
  throw new Error('expected an EventValidationError');
}

describe('languages and their audio in an event file', () => {
  it('reads a plain name as track i for language i', () => {
    const event = load(['original', 'spanish', 'french']);
    expect(event.languages).toEqual(['original', 'spanish', 'french']);
    expect(event.audio).toEqual([
      { source: { track: 1 } },
      { source: { track: 2 } },
      { source: { track: 3 } },
    ]);
    expect(event.floor).toEqual({ track: 1 });
  });

  it('reads a track, a channel pair, a mono channel and a floor under a language', () => {
    const event = load([
      'original',
      { name: 'spanish', audio: { track: 3 }, floorMixDb: -18 },
      { name: 'French', audio: { channels: [5, 6] } },
      { name: 'german', audio: { channels: [3] } },
    ]);
    expect(event.languages).toEqual(['original', 'spanish', 'french', 'german']);
    expect(event.audio).toEqual([
      { source: { track: 1 } },
      { source: { track: 3 }, floor: { source: { track: 1 }, mixDb: -18 } },
      { source: { channels: [5, 6] } },
      { source: { channels: [3] } },
    ]);
  });

  it('takes the floor from where the event says it is', () => {
    const event = load(
      [
        { name: 'original', audio: { track: 2 } },
        { name: 'spanish', audio: { track: 1 }, floorMixDb: -12 },
      ],
      { floor: { track: 2 } },
    );
    expect(event.audio[1]).toEqual({
      source: { track: 1 },
      floor: { source: { track: 2 }, mixDb: -12 },
    });
  });

  it('reports every bad value together, one line each naming the language, the value and the rule', () => {
    const problems = problemsOf(
      [
        'original',
        { name: 'spanish', audio: { channels: [3, 4] } },
        { name: 'french', audio: { track: 0 } },
        { name: 'german', audio: { channels: [5, 5] } },
        { name: 'italian', floorMixDb: -70 },
        { name: 'dutch', audio: { track: 2, channels: [1, 2] } },
        { name: 'polish', volume: 3 },
        { name: 'spanish' },
        { name: 'czech', audio: { channels: [4] } },
        42,
      ],
      { floor: { channels: [4, 5] } },
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^floor \{"channels":\[4,5\]\} includes channel 4, the LFE position of a 5\.1 layout/,
      ),
      expect.stringMatching(
        /^language "spanish" audio \{"channels":\[3,4\]\} includes channel 4, the LFE position of a 5\.1 layout, which encoders low-pass or drop/,
      ),
      'language "french" audio {"track":0} must be {"track":N} or {"channels":[a,b]} or {"channels":[a]} with whole numbers from 1 to 64',
      'language "german" audio {"channels":[5,5]} names channel 5 twice; a pair is two different channels, one mono channel is written [5]',
      'language "italian" floorMixDb -70 must be a number of dB from -60 to 0',
      expect.stringMatching(
        /^language "dutch" audio \{"track":2,"channels":\[1,2\]\} must be \{"track":N\}/,
      ),
      'language "polish" has unknown setting "volume" (known: name, audio, floorMixDb)',
      'language "spanish" is listed more than once; each language gets one mixer and one channel',
      expect.stringMatching(/^language "czech" audio \{"channels":\[4\]\} includes channel 4/),
      'language 10 42 must be a name or {"name":...,"audio":...,"floorMixDb":...}',
    ]);
    expect(problems.every((p) => !p.includes('\n'))).toBe(true);
  });

  it('refuses a floor mixed under the floor itself', () => {
    expect(problemsOf([{ name: 'original', floorMixDb: -18 }, 'spanish'])).toEqual([
      'language "original" floorMixDb -18: its audio (track 1) is the floor itself; drop floorMixDb or set the event\'s "floor"',
    ]);
  });

  it('puts the mapping into the relay as OUTPUT_AUDIO, which the images parse back unchanged', () => {
    const languages = [
      'original',
      { name: 'spanish', audio: { track: 2 }, floorMixDb: -18 },
      { name: 'french', audio: { channels: [5, 6] } },
    ];
    const { doc } = synthEventStack({ languages } as never);
    const relay = resourcesOf(doc, 'azurerm_container_group').find(
      (g) => g.container[0].name === 'srt-relay',
    );
    const parsed = parseOutputAudio(relay.container[0].environment_variables[ENV.outputAudio], 3);
    expect(parsed.problems).toEqual([]);
    expect(parsed.outputs).toEqual(load(languages).audio);
  });
});

describe('the CLI refuses a bad mapping before anything else', () => {
  it('plan exits 2 with one line per problem and synthesizes nothing', async () => {
    box.writeEvent('bad-audio', {
      name: 'bad-audio',
      languages: [
        'original',
        { name: 'spanish', audio: { channels: [3, 4] } },
        { name: 'french', floorMixDb: 6 },
      ],
    });
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['plan', '--event', 'bad-audio'], {
      env: box.env(),
      engineOptions: box.options(),
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    expect(code).toBe(2);
    const text = err.join('\n');
    expect(text).toMatch(
      /language "spanish" audio \{"channels":\[3,4\]\} includes channel 4, the LFE position/,
    );
    expect(text).toMatch(/language "french" floorMixDb 6 must be a number of dB from -60 to 0/);
    expect(out.join('\n')).not.toMatch(/resources would be created/);
    expect(fs.existsSync(path.join(box.projectDir, 'cdktf.out'))).toBe(false);
  });
});
