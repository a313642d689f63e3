import { ConfigError, parseConfig } from '../../containers/shared/config';
import { backoffDelayMs, DEFAULT_BACKOFF } from '../../containers/shared/backoff';
import { makeRedactor } from '../../containers/shared/redact';
import { DEFAULTS, ENV, FEEDS, HEALTH_PORT, MIXER_INPUT_PORTS } from '../../lib/contract';

const TOKEN = 'a-status-token-of-some-length';
const base = {
  [ENV.outputTargets]: '10.0.1.4:10001,mx02.example.internal:10001',
  [ENV.outputNames]: 'en,de',
  [ENV.statusToken]: TOKEN,
};

function problems(env: Record<string, string>): readonly string[] {
  try {
    parseConfig({ ...base, ...env }, 'program');
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('applies the contract defaults', () => {
    const cfg = parseConfig(base, 'program');
    expect(cfg).toMatchObject({
      ingestPort: FEEDS.program.ingestPort,
      healthPort: HEALTH_PORT,
      latencyMs: DEFAULTS.latencyMs,
      peerIdleTimeoutMs: DEFAULTS.peerIdleTimeoutMs,
      slideFit: 'crop',
      outputWidth: 1920,
      outputHeight: 1080,
      passphrase: undefined,
      statusToken: TOKEN,
      outputs: [
        { name: 'en', host: '10.0.1.4', port: 10001, audio: { source: { track: 1 } } },
        { name: 'de', host: 'mx02.example.internal', port: 10001, audio: { source: { track: 2 } } },
      ],
    });
    expect(parseConfig(base, 'slides').ingestPort).toBe(FEEDS.slides.ingestPort);
  });

  it('reads every variable it is given', () => {
    const cfg = parseConfig(
      {
        ...base,
        [ENV.ingestPort]: '7000',
        [ENV.healthPort]: '9090',
        [ENV.latencyMs]: '350',
        [ENV.peerIdleTimeoutMs]: '4000',
        [ENV.passphrase]: 'a-good-passphrase',
        [ENV.slideFit]: 'letterbox',
        [ENV.outputSize]: '1280x720',
        [ENV.eventName]: 'conf-2025',
      },
      'slides',
    );
    expect(cfg.outputs[0]).toEqual({ name: 'en', host: '10.0.1.4', port: 10001 });
    expect(cfg).toMatchObject({
      ingestPort: 7000,
      healthPort: 9090,
      latencyMs: 350,
      peerIdleTimeoutMs: 4000,
      passphrase: 'a-good-passphrase',
      slideFit: 'letterbox',
      outputWidth: 1280,
      outputHeight: 720,
      eventName: 'conf-2025',
    });
  });

  it('names mixers by position when no names are given', () => {
    const target = `10.0.1.4:${MIXER_INPUT_PORTS.program}`;
    const cfg = parseConfig({ [ENV.outputTargets]: target, [ENV.statusToken]: TOKEN }, 'program');
    expect(cfg.outputs.map((o) => o.name)).toEqual(['mixer-1']);
  });

  it('reads each output audio from OUTPUT_AUDIO', () => {
    const audio = [
      { source: { channels: [3, 4] }, floor: { source: { track: 1 }, mixDb: -18 } },
      { source: { track: 3 } },
    ];
    const cfg = parseConfig({ ...base, [ENV.outputAudio]: JSON.stringify(audio) }, 'program');
    expect(cfg.outputs.map((o) => o.audio)).toEqual(audio);
  });

  it.each([
    [
      { [ENV.outputTargets]: '' },
      /^SRT_OUTPUT_TARGETS is not set; give each mixer's SRT listener as host:port/,
    ],
    [
      { [ENV.outputTargets]: '10.0.1.4:10001,abc' },
      /^SRT_OUTPUT_TARGETS="10.0.1.4:10001,abc" has "abc"; each must be host:port with a port from 1 to 65535$/,
    ],
    [{ [ENV.outputTargets]: 'a:10001,b:70000' }, /has "b:70000"; each must be host:port/],
    [{ [ENV.outputTargets]: 'a:10001,a:10001' }, /lists a:10001 twice/],
    [
      { [ENV.outputNames]: 'en' },
      /^SRT_OUTPUT_NAMES="en" has 1 names but SRT_OUTPUT_TARGETS has 2 targets/,
    ],
    [
      { [ENV.outputAudio]: '[{"source":{"track":1}}]' },
      /^OUTPUT_AUDIO must be a JSON list with one entry per output \(2\)/,
    ],
    [
      { [ENV.statusToken]: 'short' },
      /^STATUS_TOKEN has 5 characters; \/status and \/metrics need a token of at least 16 \(value not shown\)$/,
    ],
    [
      { [ENV.outputNames]: 'en,d e' },
      /^SRT_OUTPUT_NAMES="en,d e" has "d e"; each name must be 1-32 of/,
    ],
    [{ [ENV.outputNames]: 'en,en' }, /^SRT_OUTPUT_NAMES="en,en" repeats a name/],
    [{ [ENV.latencyMs]: 'fast' }, /^SRT_LATENCY_MS="fast" must be a whole number from 20 to 8000$/],
    [{ [ENV.latencyMs]: '10' }, /^SRT_LATENCY_MS="10" must be a whole number from 20 to 8000$/],
    [
      { [ENV.peerIdleTimeoutMs]: '-1' },
      /^SRT_PEER_IDLE_TIMEOUT_MS="-1" must be a whole number from 1000 to 60000$/,
    ],
    [
      { [ENV.latencyMs]: '3000', [ENV.peerIdleTimeoutMs]: '2000' },
      /^SRT_PEER_IDLE_TIMEOUT_MS="2000" must be greater than SRT_LATENCY_MS \(3000\)/,
    ],
    [{ [ENV.healthPort]: '0' }, /^HEALTH_PORT="0" must be a whole number from 1 to 65535$/],
    [{ [ENV.ingestPort]: '1.5' }, /^SRT_INGEST_PORT="1.5" must be a whole number from 1 to 65535$/],
    [{ [ENV.slideFit]: 'stretch' }, /^SLIDE_FIT="stretch" must be "crop" or "letterbox"$/],
    [
      { [ENV.outputSize]: '1920*1080' },
      /^OUTPUT_SIZE="1920\*1080" must be WIDTHxHEIGHT with even numbers/,
    ],
    [{ [ENV.outputSize]: '1921x1080' }, /^OUTPUT_SIZE="1921x1080" must be WIDTHxHEIGHT/],
  ])('fails with one line naming the variable, value and rule for %j', (env, message) => {
    const p = problems(env);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(message);
  });

  it('refuses more targets than one image serves', () => {
    const targets = Array.from({ length: 65 }, (_, i) => `10.0.1.${i + 1}:10001`).join(',');
    const names = Array.from({ length: 65 }, (_, i) => `l${i}`).join(',');
    const p = problems({ [ENV.outputTargets]: targets, [ENV.outputNames]: names });
    expect(p).toContainEqual(expect.stringMatching(/has 65 targets; at most 64$/));
  });

  it('reports every problem at once', () => {
    expect(
      problems({ [ENV.latencyMs]: 'x', [ENV.slideFit]: 'y', [ENV.healthPort]: 'z' }),
    ).toHaveLength(3);
  });

  it.each([
    [
      'short',
      'too-short',
      /^SRT_PASSPHRASE has 9 characters; SRT needs 10 to 79 \(value not shown\)$/,
    ],
    ['long', 'x'.repeat(80), /^SRT_PASSPHRASE has 80 characters; SRT needs 10 to 79/],
    [
      'unsafe',
      'has&ampersand=x',
      /^SRT_PASSPHRASE has characters other than A-Z a-z 0-9 . _ ~ - \(value not shown\)/,
    ],
  ])('fails on a %s passphrase without printing it', (_kind, value, message) => {
    const p = problems({ [ENV.passphrase]: value });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(message);
    expect(p[0]).not.toContain(value);
  });

  it('treats an empty passphrase as none', () => {
    expect(parseConfig({ ...base, [ENV.passphrase]: '' }, 'program').passphrase).toBeUndefined();
  });
});

describe('makeRedactor', () => {
  it('hides the secret and any passphrase parameter', () => {
    const redact = makeRedactor('s3cret-value');
    expect(redact("Media path: 'srt://:1?passphrase=s3cret-value&x=1'")).toBe(
      "Media path: 'srt://:1?passphrase=***&x=1'",
    );
    expect(redact('echo s3cret-value here')).toBe('echo *** here');
    expect(makeRedactor(undefined)('srt://:1?passphrase=other')).toBe('srt://:1?passphrase=***');
  });
});

describe('backoffDelayMs', () => {
  it('doubles from the base up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelayMs(n, DEFAULT_BACKOFF));
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });
});
