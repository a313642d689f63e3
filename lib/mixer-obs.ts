/**
 * OBS's files for one language mixer, rendered from the mixer model. The Windows VM receives
 * these bytes and writes them under OBS's portable config folder; the test under Xvfb writes
 * the same bytes under $XDG_CONFIG_HOME. Secrets are slots (OBS_SECRET_SLOTS), filled on the
 * machine that runs OBS, so the files themselves can travel as plain custom data.
 */
import { MixerModel, Rect } from './mixer-model';

/** Placeholders in the files, replaced where OBS runs; neither can occur in a real value. */
export const OBS_SECRET_SLOTS = {
  passphrase: '@@SRT_PASSPHRASE@@',
  streamKey: '@@STREAM_KEY@@',
} as const;

/** Scene name, and the profile and collection names (the language). */
export const OBS_SCENE = 'Live';

/** Paths relative to OBS's config folder ("obs-studio"), with their contents. */
export type ObsFiles = Readonly<Record<string, string>>;

/**
 * SRT listener URL for OBS's media source (FFmpeg): latency in microseconds, unlike the relay.
 * The relay and the splitter call in; OBS re-listens after reconnect_delay_sec when they go.
 */
function srtListener(port: number, latencyMs: number): string {
  return `srt://0.0.0.0:${port}?mode=listener&latency=${latencyMs * 1000}&passphrase=${OBS_SECRET_SLOTS.passphrase}`;
}

function mediaSource(name: string, input: string): object {
  return {
    id: 'ffmpeg_source',
    versioned_id: 'ffmpeg_source',
    name,
    settings: {
      is_local_file: false,
      input,
      input_format: 'mpegts',
      reconnect_delay_sec: 1,
      restart_on_activate: false,
      close_when_inactive: false,
      clear_on_media_end: false,
      buffering_mb: 1,
      hw_decode: false,
      // OBS 30+ otherwise logs every setting, the listener URL with its passphrase included.
      log_changes: false,
    },
  };
}

/** Scale the source to fit inside rect (OBS_BOUNDS_SCALE_INNER), whatever its own size. */
function sceneItem(id: number, name: string, r: Rect): object {
  return {
    id,
    name,
    visible: true,
    locked: true,
    rot: 0,
    pos: { x: r.x, y: r.y },
    scale: { x: 1, y: 1 },
    align: 5,
    bounds_type: 2,
    bounds_align: 0,
    bounds: { x: r.width, y: r.height },
  };
}

function ini(sections: Record<string, Record<string, string | number | boolean>>): string {
  return Object.entries(sections)
    .map(([s, kv]) => [`[${s}]`, ...Object.entries(kv).map(([k, v]) => `${k}=${v}`)].join('\n'))
    .join('\n\n')
    .concat('\n');
}

export function renderObsFiles(model: MixerModel): ObsFiles {
  const o = model.output;
  const lang = model.language;
  const profile = `basic/profiles/${lang}`;
  const collection = {
    name: lang,
    current_scene: OBS_SCENE,
    current_program_scene: OBS_SCENE,
    scene_order: [{ name: OBS_SCENE }],
    sources: [
      mediaSource('Program', srtListener(model.inputs.programPort, model.srtLatencyMs)),
      mediaSource('Slides', srtListener(model.inputs.slidesPort, model.srtLatencyMs)),
      {
        id: 'scene',
        versioned_id: 'scene',
        name: OBS_SCENE,
        settings: {
          id_counter: 2,
          items: [sceneItem(1, 'Program', model.program), sceneItem(2, 'Slides', model.slides)],
        },
      },
    ],
  };
  return {
    // No first-run wizard and no update prompt on an unattended desktop.
    'global.ini': ini({ General: { FirstRun: true, EnableAutoUpdates: false } }),
    [`${profile}/basic.ini`]: ini({
      General: { Name: lang },
      Output: { Mode: 'Advanced' },
      AdvOut: {
        Encoder: 'obs_x264',
        ApplyServiceSettings: false,
        TrackIndex: 1,
        Track1Bitrate: o.audioBitrateKbps,
      },
      Video: {
        BaseCX: o.width,
        BaseCY: o.height,
        OutputCX: o.width,
        OutputCY: o.height,
        FPSType: 0,
        FPSCommon: o.fps,
        ColorFormat: 'NV12',
      },
      Audio: { SampleRate: o.audioSampleRateHz, ChannelSetup: 'Stereo' },
    }),
    [`${profile}/streamEncoder.json`]: `${JSON.stringify({
      rate_control: 'CBR',
      bitrate: o.videoBitrateKbps,
      keyint_sec: o.keyframeSeconds,
      preset: o.x264Preset,
      profile: 'high',
      tune: '',
    })}\n`,
    [`${profile}/service.json`]: `${JSON.stringify({
      type: 'rtmp_custom',
      settings: {
        server: model.destinationUrl,
        key: OBS_SECRET_SLOTS.streamKey,
        use_auth: false,
        bwtest: false,
      },
    })}\n`,
    [`basic/scenes/${lang}.json`]: `${JSON.stringify(collection, null, 1)}\n`,
  };
}

/** What the VM's script does to each file: the slots take the secrets' values. */
export function fillObsSecrets(
  text: string,
  secrets: { readonly passphrase: string; readonly streamKey: string },
): string {
  return text
    .split(OBS_SECRET_SLOTS.passphrase)
    .join(secrets.passphrase)
    .split(OBS_SECRET_SLOTS.streamKey)
    .join(secrets.streamKey);
}

/** OBS's command line: portable config, this language's profile and scene, stream at once. */
export function obsArgs(model: MixerModel): string[] {
  return [
    '--profile',
    model.language,
    '--collection',
    model.language,
    '--scene',
    OBS_SCENE,
    '--startstreaming',
    '--disable-shutdown-check',
  ];
}
