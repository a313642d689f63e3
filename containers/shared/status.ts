import { OutputStatus } from './output';

export interface EngineStatus {
  readonly feed: string;
  readonly event: string;
  readonly uptimeSeconds: number;
  readonly live: boolean;
  readonly ready: boolean;
  readonly encrypted: boolean;
  readonly input: {
    readonly port: number;
    readonly connected: boolean;
    readonly bytes: number;
    readonly bitrateBps: number;
    readonly lastPacketAgeMs: number | null;
    readonly reconnects: number;
    readonly rejectedCallers: number;
  };
  /** Slide splitter only: bytes the transcoder produced. */
  readonly transcodedBytes?: number;
  readonly outputs: readonly OutputStatus[];
  readonly processes: readonly { name: string; running: boolean; restarts: number }[];
}

const label = (v: string): string => v.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));

/** Prometheus text exposition (version 0.0.4) of the same numbers as the JSON status. */
export function renderMetrics(s: EngineStatus): string {
  const base = `feed="${label(s.feed)}",event="${label(s.event)}"`;
  const lines: string[] = [];
  const metric = (name: string, type: string, help: string, rows: [string, number][]): void => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of rows) lines.push(`${name}{${base}${labels}} ${value}`);
  };
  const out = (o: OutputStatus): string => `,output="${label(o.name)}",port="${o.port}"`;
  metric('srt_relay_up', 'gauge', 'All child processes are running.', [['', s.live ? 1 : 0]]);
  metric('srt_relay_ready', 'gauge', 'The feed arrived within the last seconds.', [
    ['', s.ready ? 1 : 0],
  ]);
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
    'srt_relay_rejected_callers_total',
    'counter',
    'SRT callers refused (e.g. wrong passphrase).',
    [
      [',port="ingest"', s.input.rejectedCallers],
      ...s.outputs.map((o): [string, number] => [out(o), o.rejectedCallers]),
    ],
  );
  metric(
    'srt_relay_output_connected',
    'gauge',
    'A mixer is connected to this output.',
    s.outputs.map((o) => [out(o), o.connected ? 1 : 0]),
  );
  metric(
    'srt_relay_output_bytes_total',
    'counter',
    'Bytes handed to this output while connected.',
    s.outputs.map((o) => [out(o), o.bytes]),
  );
  metric(
    'srt_relay_output_reconnects_total',
    'counter',
    'Mixer reconnections on this output.',
    s.outputs.map((o) => [out(o), o.reconnects]),
  );
  metric(
    'srt_relay_process_restarts_total',
    'counter',
    'Restarts of each child process.',
    s.processes.map((p) => [`,process="${label(p.name)}"`, p.restarts]),
  );
  return `${lines.join('\n')}\n`;
}
