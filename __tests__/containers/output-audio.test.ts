import {
  describeAudioSource,
  formatOutputAudio,
  OutputAudio,
  parseOutputAudio,
} from '../../lib/contract';

describe('OUTPUT_AUDIO, the relay outputs audio contract', () => {
  const outputs: OutputAudio[] = [
    { source: { track: 1 } },
    { source: { track: 2 }, floor: { source: { track: 1 }, mixDb: -18 } },
    { source: { channels: [5, 6] } },
    { source: { channels: [3] } },
  ];

  it('reads back exactly what the stack writes', () => {
    expect(parseOutputAudio(formatOutputAudio(outputs), 4)).toEqual({ outputs, problems: [] });
  });

  it('names each source the way plan and status show it', () => {
    expect(outputs.map((o) => describeAudioSource(o.source))).toEqual([
      'track 1',
      'track 2',
      'channels 5+6 of track 1',
      'channel 3 of track 1',
    ]);
  });

  it('reports every bad entry on its own line', () => {
    const text = JSON.stringify([
      { source: { track: 0 } },
      { source: { channels: [1, 2, 3] } },
      { source: { track: 1 }, floor: { source: { track: 1 }, mixDb: 6 } },
      { source: { track: 1, channels: [1] } },
    ]);
    const { problems } = parseOutputAudio(text, 4);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^OUTPUT_AUDIO entry 1 \{"source":\{"track":0\}\} must be/);
  });

  it('refuses a count that does not match the outputs, and text that is not JSON', () => {
    expect(parseOutputAudio(formatOutputAudio(outputs), 3).problems).toEqual([
      'OUTPUT_AUDIO must be a JSON list with one entry per output (3)',
    ]);
    expect(parseOutputAudio('track=1', 1).problems[0]).toMatch(/is not JSON/);
  });
});
