import { SupervisedChild } from './child';
import { OutputConfig, SupervisorConfig } from './config';
import { FanoutTarget, freeUdpPort } from './datagram';
import { srtEvent, srtListenerUri, udpUri } from './srt';

export interface OutputStatus {
  readonly name: string;
  readonly port: number;
  readonly connected: boolean;
  readonly bytes: number;
  readonly reconnects: number;
  readonly rejectedCallers: number;
  readonly restarts: number;
}

/** One mixer's SRT listener: an srt-live-transmit that reads its own loopback UDP port. */
export class Output implements FanoutTarget {
  readonly child: SupervisedChild;
  private connected = false;
  private bytes = 0;
  private connections = 0;
  private rejections = 0;
  private internalPort = 0;

  constructor(
    private readonly out: OutputConfig,
    cfg: SupervisorConfig,
    redact: (line: string) => string,
  ) {
    this.child = new SupervisedChild({
      name: `output:${out.name}`,
      command: 'srt-live-transmit',
      prepare: async () => {
        this.internalPort = await freeUdpPort();
      },
      args: () => [udpUri(this.internalPort), srtListenerUri(out.port, cfg)],
      redact,
      onLine: (line) => this.onLine(line),
      onExit: () => {
        this.connected = false;
      },
    });
  }

  /**
   * Only while a caller is connected: srt-live-transmit does not read its UDP input before
   * that, and whatever queued up meanwhile would reach the mixer stale on connect.
   */
  port(): number | undefined {
    return this.connected ? this.internalPort : undefined;
  }

  delivered(bytes: number): void {
    this.bytes += bytes;
  }

  status(): OutputStatus {
    return {
      name: this.out.name,
      port: this.out.port,
      connected: this.connected,
      bytes: this.bytes,
      reconnects: Math.max(this.connections - 1, 0),
      rejectedCallers: this.rejections,
      restarts: this.child.restarts,
    };
  }

  private onLine(line: string): void {
    const event = srtEvent(line, 'target');
    if (event === 'connected') {
      this.connected = true;
      this.connections += 1;
    } else if (event === 'disconnected') {
      this.connected = false;
    } else if (event === 'rejected') {
      this.rejections += 1;
    }
  }
}
