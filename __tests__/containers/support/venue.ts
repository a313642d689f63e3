import { ChildProcess } from 'node:child_process';
import { launch } from './procs';

/** One tone per language, in language order. */
export const TONES_HZ = [440, 660, 880] as const;

/**
 * A venue encoder that calls `uri`: 640x360 video and one tone per language, either as
 * separate stereo AAC tracks (what multi-track encoders send) or as channel pairs of one
 * six-channel PCM track in channel order (SMPTE 302M: PCM keeps all six, where AAC 5.1 would wreck the LFE position).
 */
export function startVenue(uri: string, layout: 'tracks' | 'channel-pairs'): ChildProcess {
  const tones = TONES_HZ.flatMap((hz) => [
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${hz}:sample_rate=48000`,
  ]);
  const audio =
    layout === 'tracks'
      ? [
          ...TONES_HZ.flatMap((_, i) => ['-map', `${i + 1}:a`]),
          ...['-c:a', 'aac', '-b:a', '96k', '-ac', '2'],
        ]
      : [
          ...['-filter_complex', '[1:a][1:a][2:a][2:a][3:a][3:a]amerge=inputs=6[pcm]'],
          ...['-map', '[pcm]', '-c:a', 's302m', '-strict', '-2'],
        ];
  return launch('ffmpeg', [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-re'],
    ...['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25', ...tones],
    ...[
      '-map',
      '0:v',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-tune',
      'zerolatency',
      '-g',
      '25',
    ],
    ...audio,
    ...['-f', 'mpegts', uri],
  ]);
}

/** A mixer stand-in: an SRT listener on 127.0.0.1 that records what the relay pushes. */
export function startMixer(
  port: number,
  passphrase: string,
  file: string,
  seconds: number,
): ChildProcess {
  return launch('ffmpeg', [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-passphrase', passphrase],
    ...['-i', `srt://127.0.0.1:${port}?mode=listener&latency=120000`],
    ...['-map', '0', '-c', 'copy', '-t', String(seconds), '-f', 'mpegts', file],
  ]);
}
