import { SupervisedChild } from './child';
import { SupervisorConfig } from './config';
import { DatagramFanout, FanoutTarget } from './datagram';
import { srtEvent, srtListenerUri, udpUri } from './srt';

/**
 * The venue encoder's SRT listener. srt-live-transmit re-listens by itself when the caller
 * goes away (its -autoreconnect default), so an encoder reconnect needs no restart here.
 */
export class Ingest {
  readonly tap: DatagramFanout;
  readonly child: SupervisedChild;
  connected = false;
  connections = 0;
  rejections = 0;
  private tapPort = 0;

  constructor(
    cfg: SupervisorConfig,
    redact: (line: string) => string,
    targets: () => readonly FanoutTarget[],
    private readonly onSourceConnected: () => void,
  ) {
    this.tap = new DatagramFanout(targets);
    this.child = new SupervisedChild({
      name: 'ingest',
      command: 'srt-live-transmit',
      args: () => [srtListenerUri(cfg.ingestPort, cfg), udpUri(this.tapPort)],
      redact,
      onLine: (line) => this.onLine(line),
      onExit: () => {
        this.connected = false;
      },
    });
  }

  async start(): Promise<void> {
    this.tapPort = await this.tap.open();
    await this.child.start();
  }

  async stop(): Promise<void> {
    await this.child.stop();
    this.tap.close();
  }

  private onLine(line: string): void {
    const event = srtEvent(line, 'source');
    if (event === 'connected') {
      this.connected = true;
      this.connections += 1;
      this.onSourceConnected();
    } else if (event === 'disconnected') {
      this.connected = false;
    } else if (event === 'rejected') {
      this.rejections += 1;
    }
  }
}
