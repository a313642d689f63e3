import { OutputStatus } from './output';

export interface EngineStatus {
  readonly feed: string;
  readonly event: string;
  readonly uptimeSeconds: number;
  /** Processes up and listening (what /healthz and /readyz answer). */
  readonly live: boolean;
  readonly encrypted: boolean;
  readonly input: {
    readonly port: number;
    readonly connected: boolean;
    readonly bytes: number;
    readonly bitrateBps: number;
    readonly lastPacketAgeMs: number | null;
    readonly reconnects: number;
    /** Callers refused at the SRT handshake (wrong or missing passphrase). */
    readonly rejectedCallers: number;
    /** Audio streams in the venue's feed; null before the first session. */
    readonly audioStreams: number | null;
  };
  readonly outputs: readonly OutputStatus[];
  readonly processes: readonly { name: string; running: boolean; restarts: number }[];
}

const label = (v: string): string => v.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
/** Prometheus writes silence (no level at all) as -Inf. */
const dbfs = (v: number | null | undefined): number | string => (v == null ? '-Inf' : v);

/** Prometheus text exposition (version 0.0.4) of the same numbers as the JSON status. */
export function renderMetrics(s: EngineStatus): string {
  const base = `feed="${label(s.feed)}",event="${label(s.event)}"`;
  const lines: string[] = [];
  const metric = (
    name: string,
    type: string,
    help: string,
    rows: [string, number | string][],
  ): void => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of rows) lines.push(`${name}{${base}${labels}} ${value}`);
  };
  const out = (o: OutputStatus): string => `,output="${label(o.name)}",target="${label(o.target)}"`;
  const each = (f: (o: OutputStatus) => number | string): [string, number | string][] =>
    s.outputs.map((o) => [out(o), f(o)]);
  const withAudio = s.outputs.filter((o) => o.audio);
  const eachAudio = (f: (o: OutputStatus) => number | string): [string, number | string][] =>
    withAudio.map((o) => [out(o), f(o)]);
  metric('srt_relay_up', 'gauge', 'Processes up and listening.', [['', s.live ? 1 : 0]]);
  metric('srt_relay_uptime_seconds', 'gauge', 'Seconds since the supervisor started.', [
    ['', s.uptimeSeconds],
  ]);
  metric('srt_relay_input_connected', 'gauge', 'The venue encoder is connected.', [
    ['', s.input.connected ? 1 : 0],
  ]);
  metric('srt_relay_input_bytes_total', 'counter', 'Feed bytes received from the venue.', [
    ['', s.input.bytes],
  ]);
  metric('srt_relay_input_bitrate_bps', 'gauge', 'Feed bitrate over the last second.', [
    ['', s.input.bitrateBps],
  ]);
  metric('srt_relay_input_reconnects_total', 'counter', 'Encoder reconnections.', [
    ['', s.input.reconnects],
  ]);
  metric(
    'srt_relay_output_connected',
    'gauge',
    'This output is connected to its mixer.',
    each((o) => (o.connected ? 1 : 0)),
  );
  metric(
    'srt_relay_output_bytes_total',
    'counter',
    'Feed bytes handed to this output while connected.',
    each((o) => o.bytes),
  );
  metric(
    'srt_relay_output_reconnects_total',
    'counter',
    'Calls to the mixer after the first.',
    each((o) => o.reconnects),
  );
  metric(
    'srt_relay_output_audio_missing',
    'gauge',
    'Audio sources the feed lacks (silence instead).',
    eachAudio((o) => o.audio!.missing.length),
  );
  metric(
    'srt_relay_output_audio_peak_dbfs',
    'gauge',
    'Audio sample peak over the last seconds.',
    eachAudio((o) => dbfs(o.audio!.peakDbfs)),
  );
  metric(
    'srt_relay_output_audio_rms_dbfs',
    'gauge',
    'Audio RMS level over the last seconds.',
    eachAudio((o) => dbfs(o.audio!.rmsDbfs)),
  );
  metric(
    'srt_relay_process_restarts_total',
    'counter',
    'Restarts of each child process.',
    s.processes.map((p) => [`,process="${label(p.name)}"`, p.restarts]),
  );
  return `${lines.join('\n')}\n`;
}
