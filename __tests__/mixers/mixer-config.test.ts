import { parseMixerConfig } from '../../containers/language-mixer/config';
import { ConfigError } from '../../containers/shared/config';
import { ENV } from '../../lib/contract';

const good = {
  [ENV.mixerLanguage]: 'spanish',
  [ENV.destinationUrl]: 'rtmps://a.rtmps.youtube.com:443/live2',
  [ENV.streamKey]: 'abcd-efgh-ijkl-mnop',
  [ENV.passphrase]: 'a-good-passphrase',
  [ENV.statusToken]: 'token',
};

function problems(env: Record<string, string>): string[] {
  try {
    parseMixerConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('container mixer configuration', () => {
  it("defaults to the contract's ports and YouTube's settings, publishing over RTMPS", () => {
    const cfg = parseMixerConfig(good);
    expect(cfg).toMatchObject({
      programPort: 10001,
      slidesPort: 10002,
      layout: 'inset',
      width: 1920,
      height: 1080,
      fps: 30,
      videoBitrateKbps: 6000,
      keyframeSeconds: 2,
      audioBitrateKbps: 128,
      audioSampleRateHz: 48000,
      x264Preset: 'veryfast',
      destination: { secure: true, host: 'a.rtmps.youtube.com', port: 443, app: 'live2' },
    });
    expect(cfg.rects.slides).toEqual({ x: 1280, y: 720, width: 640, height: 360 });
  });

  it('reports every bad variable at once, each with its value and rule, never a secret', () => {
    const found = problems({
      [ENV.mixerLanguage]: 'Spanish!',
      [ENV.mixerLayout]: 'grid',
      [ENV.destinationUrl]: 'http://example/live',
      [ENV.streamKey]: 'has a space',
      [ENV.passphrase]: 'short',
      [ENV.keyframeSeconds]: '10',
      [ENV.x264Preset]: 'placebo',
      [ENV.expiresAt]: 'tomorrow',
    });
    expect(found).toEqual([
      'MIXER_LANGUAGE="Spanish!" must be 1-32 of a-z, 0-9 and "-"',
      'MIXER_LAYOUT="grid" must be one of inset, side-by-side',
      'SRT_PASSPHRASE must be 10-79 of A-Z a-z 0-9 . _ ~ - (value not shown)',
      'KEYFRAME_INTERVAL_S="10" must be a whole number from 1 to 4',
      'X264_PRESET="placebo" must be one of ultrafast, superfast, veryfast, faster, fast, medium',
      'RTMP_URL "http://example/live" must be rtmp://host[:port]/app or rtmps://host[:port]/app',
      'STREAM_KEY must be 1-200 printable characters without spaces (value not shown)',
      'EXPIRES_AT="tomorrow" must be an ISO 8601 instant',
    ]);
    expect(found.join('\n')).not.toMatch(/has a space|short"/);
  });

  it('fails if the destination or the key is missing', () => {
    expect(problems({ [ENV.mixerLanguage]: 'spanish' })).toEqual([
      'RTMP_URL is not set; e.g. rtmps://a.rtmps.youtube.com:443/live2',
      "STREAM_KEY is not set; it is the destination's stream key",
    ]);
  });
});
