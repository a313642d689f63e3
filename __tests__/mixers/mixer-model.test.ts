import { ENV, MIXER_INPUT_PORTS } from '../../lib/contract';
import { renderMixerEnv } from '../../lib/mixer-env';
import {
  buildMixerModel,
  layoutRects,
  parseDestination,
  YOUTUBE_OUTPUT,
  YOUTUBE_RTMPS_URL,
} from '../../lib/mixer-model';
import { fillObsSecrets, OBS_SECRET_SLOTS, renderObsFiles } from '../../lib/mixer-obs';

const model = (layout?: string) =>
  buildMixerModel({ eventName: 'conf', language: 'spanish', layout });

describe('mixer model', () => {
  it('defaults to the inset layout, YouTube RTMPS and its 1080p30 ingest settings', () => {
    const m = model();
    expect(m.layout).toBe('inset');
    expect(m.destinationUrl).toBe(YOUTUBE_RTMPS_URL);
    expect(m.output).toMatchObject({
      width: 1920,
      height: 1080,
      fps: 30,
      videoBitrateKbps: 6000,
      keyframeSeconds: 2,
      audioBitrateKbps: 128,
      audioSampleRateHz: 48000,
      audioChannels: 2,
    });
    expect(m.inputs).toEqual({
      programPort: MIXER_INPUT_PORTS.program,
      slidesPort: MIXER_INPUT_PORTS.slides,
    });
    expect(m.srtLatencyMs).toBe(200);
  });

  it('inset: program full frame, slides a third of the frame at the bottom right', () => {
    expect(layoutRects('inset', 1920, 1080)).toEqual({
      program: { x: 0, y: 0, width: 1920, height: 1080 },
      slides: { x: 1280, y: 720, width: 640, height: 360 },
    });
  });

  it('side-by-side: two 16:9 halves centred vertically', () => {
    expect(layoutRects('side-by-side', 1920, 1080)).toEqual({
      program: { x: 0, y: 270, width: 960, height: 540 },
      slides: { x: 960, y: 270, width: 960, height: 540 },
    });
  });

  it('fails with every problem at once, each naming field, value and rule', () => {
    expect(() =>
      buildMixerModel({
        eventName: 'conf',
        language: 'Spanish!',
        layout: 'grid',
        destinationUrl: 'http://x/y',
        srtLatencyMs: 5,
      }),
    ).toThrow(
      /layout "grid" must be one of inset, side-by-side\ndestinationUrl "http:\/\/x\/y" must be rtmp.*\nlanguage "Spanish!" must be.*\nsrtLatencyMs 5 must be/,
    );
  });

  it('parses RTMP and RTMPS destinations with their default ports', () => {
    expect(parseDestination(YOUTUBE_RTMPS_URL)).toEqual({
      secure: true,
      host: 'a.rtmps.youtube.com',
      port: 443,
      app: 'live2',
    });
    expect(parseDestination('rtmp://127.0.0.1/live')).toMatchObject({ secure: false, port: 1935 });
  });
});

describe('container mixer environment', () => {
  const rendered = renderMixerEnv(
    buildMixerModel({
      eventName: 'conf',
      language: 'spanish',
      expiresAt: new Date('2026-12-07T10:00:00Z'),
    }),
    {
      vault: {
        vaultUrl: '${azurerm_key_vault.kv.vault_uri}',
        clientId: '${azurerm_user_assigned_identity.r.client_id}',
      },
    },
  );
  const { env } = rendered;

  it('carries the output settings under the contract names', () => {
    expect(env).toMatchObject({
      [ENV.mixerLanguage]: 'spanish',
      [ENV.mixerLayout]: 'inset',
      [ENV.destinationUrl]: YOUTUBE_RTMPS_URL,
      [ENV.outputSize]: '1920x1080',
      [ENV.outputFps]: '30',
      [ENV.videoBitrateKbps]: '6000',
      [ENV.keyframeSeconds]: '2',
      [ENV.audioBitrateKbps]: '128',
      [ENV.audioSampleRateHz]: '48000',
      [ENV.x264Preset]: YOUTUBE_OUTPUT.x264Preset,
      [ENV.expiresAt]: '2026-12-07T10:00:00.000Z',
    });
  });

  it('names the vault, the reader and its own secrets, never a key, passphrase or token', () => {
    expect(env).toMatchObject({
      [ENV.keyVaultUrl]: '${azurerm_key_vault.kv.vault_uri}',
      [ENV.azureClientId]: '${azurerm_user_assigned_identity.r.client_id}',
      [ENV.passphraseSecret]: 'srt-passphrase',
      [ENV.streamKeySecret]: 'youtube-key-spanish',
      [ENV.statusTokenSecret]: 'status-token',
    });
    expect(env[ENV.streamKey]).toBeUndefined();
    expect(env[ENV.passphrase]).toBeUndefined();
    expect(env[ENV.statusToken]).toBeUndefined();
    expect(JSON.stringify(env)).not.toMatch(/var\.|random_password/);
  });

  it('has no secure set: the status token comes from the vault too', () => {
    expect(Object.keys(rendered)).toEqual(['env']);
  });
});

describe('OBS files', () => {
  const files = renderObsFiles(model('side-by-side'));

  it('writes a profile, an encoder, a service and a scene collection named by the language', () => {
    expect(Object.keys(files).sort()).toEqual([
      'basic/profiles/spanish/basic.ini',
      'basic/profiles/spanish/service.json',
      'basic/profiles/spanish/streamEncoder.json',
      'basic/scenes/spanish.json',
      'global.ini',
    ]);
    expect(files['basic/profiles/spanish/basic.ini']).toMatch(
      /\[General\]\nName=spanish\n[\s\S]*BaseCX=1920\nBaseCY=1080\nOutputCX=1920\nOutputCY=1080\n[\s\S]*FPSCommon=30[\s\S]*SampleRate=48000\nChannelSetup=Stereo/,
    );
    expect(JSON.parse(files['basic/profiles/spanish/streamEncoder.json'])).toMatchObject({
      rate_control: 'CBR',
      bitrate: 6000,
      keyint_sec: 2,
    });
  });

  it('places the sources where the model says, by bounds', () => {
    const scenes = JSON.parse(files['basic/scenes/spanish.json']);
    const scene = scenes.sources.find((s: { id: string }) => s.id === 'scene');
    const slides = scene.settings.items.find((i: { name: string }) => i.name === 'Slides');
    expect(slides).toMatchObject({ pos: { x: 960, y: 270 }, bounds: { x: 960, y: 540 } });
    const inputs = scenes.sources.filter((s: { id: string }) => s.id === 'ffmpeg_source');
    expect(inputs.map((s: { settings: { input: string } }) => s.settings.input)).toEqual([
      `srt://0.0.0.0:10001?mode=listener&latency=200000&passphrase=${OBS_SECRET_SLOTS.passphrase}`,
      `srt://0.0.0.0:10002?mode=listener&latency=200000&passphrase=${OBS_SECRET_SLOTS.passphrase}`,
    ]);
  });

  it('holds no secret value or reference, only slots the VM fills', () => {
    const all = Object.values(files).join('\n');
    expect(all).not.toMatch(/var\.|\$\{/);
    const filled = fillObsSecrets(files['basic/profiles/spanish/service.json'], {
      passphrase: 'canary-pass-123',
      streamKey: 'canary-key-456',
    });
    expect(JSON.parse(filled).settings).toMatchObject({
      server: YOUTUBE_RTMPS_URL,
      key: 'canary-key-456',
    });
  });
});
