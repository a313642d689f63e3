import { SupervisorConfig } from './config';

/**
 * URI for an srt-live-transmit listener. srt-live-transmit takes its latency in milliseconds
 * (ffmpeg and OBS take microseconds). The passphrase can only travel in this URI: see
 * help/images.md, "Where the passphrase is visible".
 */
export function srtListenerUri(port: number, cfg: SupervisorConfig): string {
  const params = [
    'mode=listener',
    `latency=${cfg.latencyMs}`,
    `peeridletimeo=${cfg.peerIdleTimeoutMs}`,
  ];
  if (cfg.passphrase !== undefined) {
    params.push(`passphrase=${cfg.passphrase}`, 'enforcedencryption=yes');
  }
  return `srt://:${port}?${params.join('&')}`;
}

export function udpUri(port: number): string {
  return `udp://127.0.0.1:${port}`;
}

export type SrtEvent = 'connected' | 'disconnected' | 'rejected';

/** srt-live-transmit's own words for the peer's state on `side` ("source" or "target"). */
export function srtEvent(line: string, side: 'source' | 'target'): SrtEvent | undefined {
  if (line.includes(`Accepted SRT ${side} connection`) || line.includes(`SRT ${side} connected`)) {
    return 'connected';
  }
  if (line.includes(`SRT ${side} disconnected`)) return 'disconnected';
  // Logged once per refused handshake (bad or missing passphrase, or a peer that does not fit).
  if (line.includes('rsp(REJECT)')) return 'rejected';
  return undefined;
}
