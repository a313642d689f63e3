import { SlideFit } from '../shared/config';

/** Video filter that turns any frame (3840x1080 slides) into width x height. */
export function fitFilter(fit: SlideFit, width: number, height: number): string {
  if (fit === 'crop') {
    // Keep the centre at the target aspect ratio, then scale: nothing is letterboxed.
    return `crop='min(iw,ih*${width}/${height})':'min(ih,iw*${height}/${width})',scale=${width}:${height},setsar=1`;
  }
  return `scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2,setsar=1`;
}

/**
 * ffmpeg between the ingest tap and the fan-out, both loopback UDP carrying MPEG-TS.
 * Keyframes every 2 s of stream time, whatever the slide rate, so a late mixer starts quickly.
 */
export function splitterArgs(fit: SlideFit, width: number, height: number) {
  return (inPort: number, outPort: number): string[] => [
    ...['-hide_banner', '-nostats', '-nostdin', '-loglevel', 'warning'],
    ...[
      '-fflags',
      '+genpts+discardcorrupt',
      '-analyzeduration',
      '3000000',
      '-probesize',
      '5000000',
    ],
    ...['-f', 'mpegts', '-i', `udp://127.0.0.1:${inPort}?fifo_size=100000&overrun_nonfatal=1`],
    ...['-map', '0:v:0', '-map', '0:a?', '-vf', fitFilter(fit, width, height)],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-crf', '18'],
    ...['-pix_fmt', 'yuv420p', '-force_key_frames', 'expr:gte(t,n_forced*2)', '-c:a', 'copy'],
    ...['-f', 'mpegts', '-mpegts_flags', '+resend_headers', '-flush_packets', '1'],
    `udp://127.0.0.1:${outPort}?pkt_size=1316`,
  ];
}
