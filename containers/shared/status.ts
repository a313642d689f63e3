import { MediaOutputStatus, MediaStatus } from '../../lib/media-status';
import { exposition, labelValue as label, Sample } from './prometheus';

const flag = (b: boolean): number => (b ? 1 : 0);

/** Prometheus text exposition (version 0.0.4) of the same numbers as the JSON status. */
export function renderMetrics(s: MediaStatus): string {
  const base = `feed="${label(s.feed)}",event="${label(s.event)}"`;
  const { metric, text } = exposition(base);
  const once = (value: number): Sample[] => [['', value]];
  type Out = MediaOutputStatus;
  const each = (f: (o: Out) => number): Sample[] =>
    s.outputs.map((o) => [`,output="${label(o.name)}",target="${label(o.target)}"`, f(o)]);
  const eachAudio = (f: (a: NonNullable<Out['audio']>) => number | null): Sample[] =>
    s.outputs
      .filter((o) => o.audio && f(o.audio) !== null)
      .map((o) => [`,output="${label(o.name)}",target="${label(o.target)}"`, f(o.audio!)!]);

  metric('srt_relay_up', 'gauge', 'Processes up and listening.', once(flag(s.live)));
  metric('srt_relay_uptime_seconds', 'gauge', 'Seconds since start.', once(s.uptimeSeconds));
  metric('srt_relay_input_connected', 'gauge', 'The venue encoder is connected.', [
    ['', flag(s.input.connected)],
  ]);
  metric('srt_relay_input_present', 'gauge', 'Feed bytes arrived in the last seconds.', [
    ['', flag(s.input.present)],
  ]);
  metric(
    'srt_relay_input_bytes_total',
    'counter',
    'Feed bytes from the venue.',
    once(s.input.bytes),
  );
  metric('srt_relay_input_bitrate_bps', 'gauge', 'Feed bitrate, last second.', [
    ['', s.input.bitrateBps],
  ]);
  metric('srt_relay_input_reconnects_total', 'counter', 'Encoder reconnections.', [
    ['', s.input.reconnects],
  ]);
  metric('srt_relay_rejected_callers_total', 'counter', 'Venue callers refused (passphrase).', [
    ['', s.input.rejectedCallers],
  ]);
  metric('srt_relay_output_connected', 'gauge', 'The call to this mixer is up.', [
    ...each((o) => flag(o.connected)),
  ]);
  metric('srt_relay_output_bytes_total', 'counter', 'Bytes handed over while connected.', [
    ...each((o) => o.bytes),
  ]);
  metric('srt_relay_output_dropped_bytes_total', 'counter', 'Bytes this output lost alone.', [
    ...each((o) => o.droppedBytes),
  ]);
  metric('srt_relay_output_reconnects_total', 'counter', 'Calls after the first.', [
    ...each((o) => o.reconnects),
  ]);
  metric('srt_relay_output_rejected_calls_total', 'counter', 'Calls the mixer refused.', [
    ...each((o) => o.rejectedCalls),
  ]);
  metric('srt_relay_output_audio_missing', 'gauge', 'The feed lacks this language: silence.', [
    ...eachAudio((a) => flag(a.missing)),
  ]);
  metric('srt_relay_output_floor_missing', 'gauge', 'The feed lacks the floor asked for.', [
    ...eachAudio((a) => flag(a.floorMissing)),
  ]);
  metric('srt_relay_output_audio_peak_dbfs', 'gauge', 'Audio peak over the last seconds.', [
    ...eachAudio((a) => a.peakDbfs),
  ]);
  metric('srt_relay_output_audio_rms_dbfs', 'gauge', 'Audio RMS over the last seconds.', [
    ...eachAudio((a) => a.rmsDbfs),
  ]);
  metric('srt_relay_process_restarts_total', 'counter', 'Restarts of each child process.', [
    ...s.processes.map((p): Sample => [`,process="${label(p.name)}"`, p.restarts]),
  ]);
  return text();
}
