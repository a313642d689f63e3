import { SlideFit } from '../shared/config';
import { PIPE_IN, QUIET } from '../shared/ffmpeg';

/** Video filter that turns any frame (3840x1080 slides) into width x height. */
export function fitFilter(fit: SlideFit, width: number, height: number): string {
  if (fit === 'crop') {
    // Keep the centre at the target aspect ratio, then scale: nothing is letterboxed.
    return `crop='min(iw,ih*${width}/${height})':'min(ih,iw*${height}/${width})',scale=${width}:${height},setsar=1`;
  }
  return `scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2,setsar=1`;
}

/**
 * ffmpeg between ingest and outputs, MPEG-TS on pipes both ways. Keyframes every 2 s of stream
 * time, whatever the slide rate, so a late mixer starts quickly. Slides carry no audio.
 */
export function splitterArgs(fit: SlideFit, width: number, height: number): string[] {
  return [
    ...QUIET,
    ...['-loglevel', 'level+warning', ...PIPE_IN],
    ...['-map', '0:v:0', '-an', '-vf', fitFilter(fit, width, height)],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-crf', '18'],
    ...['-pix_fmt', 'yuv420p', '-force_key_frames', 'expr:gte(t,n_forced*2)'],
    ...['-f', 'mpegts', '-mpegts_flags', '+resend_headers', '-flush_packets', '1', 'pipe:1'],
  ];
}
