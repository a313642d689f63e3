import { MixerStatus } from '../../lib/mixer-status';
import { exposition, labelValue as label } from '../shared/prometheus';

/** Prometheus text exposition (0.0.4) of the same numbers as /status. */
export function renderMixerMetrics(s: MixerStatus): string {
  const base = `event="${label(s.event)}",language="${label(s.language)}"`;
  const { metric, text } = exposition(base);
  metric('mixer_on_air', 'gauge', 'The destination took bytes within the last seconds.', [
    ['', s.onAir ? 1 : 0],
  ]);
  metric('mixer_input_connected', 'gauge', 'An SRT caller is connected to this input.', [
    [',input="program"', s.inputs.program.connected ? 1 : 0],
    [',input="slides"', s.inputs.slides.connected ? 1 : 0],
  ]);
  metric('mixer_input_bitrate_bps', 'gauge', 'Input bitrate over the last second.', [
    [',input="program"', s.inputs.program.bitrateBps],
    [',input="slides"', s.inputs.slides.bitrateBps],
  ]);
  metric('mixer_output_bitrate_bps', 'gauge', 'Bytes sent to the destination, last second.', [
    ['', s.output.bitrateBps],
  ]);
  metric('mixer_dropped_frames_total', 'counter', 'Frames the encoder dropped.', [
    ['', s.output.droppedFrames],
  ]);
  metric('mixer_compositor_restarts_total', 'counter', 'Compositor restarts.', [
    ['', s.output.restarts],
  ]);
  return text();
}
