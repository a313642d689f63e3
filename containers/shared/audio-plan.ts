import { AudioSource, OutputAudio, describeAudioSource } from '../../lib/contract';
import { AudioLayout } from './layout';

/** Level meter on the output's audio: peak and RMS of every 100 ms, printed by ffmpeg. */
const METER =
  'asplit[aout][meter];[meter]asetnsamples=n=4800:p=0,astats=metadata=1:reset=1:measure_perchannel=none:measure_overall=Peak_level+RMS_level,' +
  'ametadata=mode=print:key=lavfi.astats.Overall.Peak_level,ametadata=mode=print:key=lavfi.astats.Overall.RMS_level,anullsink';
const STEREO_48K =
  'aresample=48000,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo';

export interface AudioPlan {
  /** ffmpeg -filter_complex whose output pad is [aout]: stereo 48 kHz. */
  readonly filter: string;
  /** The language's source as plan shows it: "track 2". */
  readonly source: string;
  readonly floor?: { readonly source: string; readonly mixDb: number };
  /** The feed lacks the language's source: the output carries silence. */
  readonly missing: boolean;
  /** The feed lacks the floor: the language goes out alone. */
  readonly floorMissing: boolean;
}

/** Whether `layout` carries `source`: the stream exists, or track 1 has those channels. */
function present(source: AudioSource, layout: AudioLayout): boolean {
  if ('track' in source) return source.track <= layout.length;
  return layout.length > 0 && Math.max(...source.channels) <= layout[0];
}

/**
 * One stereo chain for a source. A missing source becomes silence that still follows the
 * feed's clock (track 1 at zero volume) or, with no audio in the feed at all, generated silence:
 * never a mapping ffmpeg would refuse, which would only restart it in a loop.
 */
function chain(source: AudioSource, layout: AudioLayout): string {
  if (!present(source, layout)) {
    return layout.length > 0
      ? `[0:a:0]${STEREO_48K},volume=0`
      : `anullsrc=r=48000:cl=stereo,${STEREO_48K}`;
  }
  if ('track' in source) return `[0:a:${source.track - 1}]${STEREO_48K}`;
  const [a, b = a] = source.channels;
  return `[0:a:0]pan=stereo|c0=c${a - 1}|c1=c${b - 1},${STEREO_48K}`;
}

export function audioPlan(audio: OutputAudio, layout: AudioLayout): AudioPlan {
  const own = audio.source;
  const base = { source: describeAudioSource(own), missing: !present(own, layout) };
  if (!audio.floor) {
    return { ...base, filter: `${chain(own, layout)},${METER}`, floorMissing: false };
  }
  const { source, mixDb } = audio.floor;
  if (!present(source, layout)) {
    return {
      ...base,
      filter: `${chain(own, layout)},${METER}`,
      floor: { source: describeAudioSource(source), mixDb },
      floorMissing: true,
    };
  }
  return {
    ...base,
    filter:
      `${chain(own, layout)}[lang];${chain(source, layout)},volume=${mixDb}dB[floor];` +
      `[lang][floor]amix=inputs=2:normalize=0:duration=first,${METER}`,
    floor: { source: describeAudioSource(source), mixDb },
    floorMissing: false,
  };
}
