import { createSocket, Socket } from 'node:dgram';
import { performance } from 'node:perf_hooks';

const PACKET = 1316;

/**
 * Paced UDP at `bitsPerSecond` to every port. Each payload carries a sequence number and the
 * send time, so a receiver measures end-to-end latency without touching the media path.
 */
export class PacedSender {
  private timer?: NodeJS.Timeout;
  private readonly socket: Socket = createSocket('udp4');
  private seq = 0;

  constructor(
    private readonly ports: number[],
    private readonly bitsPerSecond: number,
  ) {}

  start(): void {
    const perMs = this.bitsPerSecond / 8 / PACKET / 1000;
    const t0 = performance.now();
    this.timer = setInterval(() => {
      const due = Math.floor((performance.now() - t0) * perMs);
      while (this.seq < due) {
        const buf = Buffer.alloc(PACKET);
        buf.writeUInt32BE(this.seq++, 0);
        buf.writeDoubleBE(performance.now(), 4);
        for (const port of this.ports) this.socket.send(buf, port, '127.0.0.1');
      }
    }, 2);
  }

  stop(): void {
    clearInterval(this.timer);
    this.socket.close();
  }
}

/** Records the latency of every datagram that arrives while `recording` is on. */
export class LatencyReceiver {
  latencies: number[] = [];
  packets = 0;
  recording = false;
  private readonly socket: Socket = createSocket('udp4');

  async open(): Promise<number> {
    this.socket.on('message', (msg) => {
      this.packets += 1;
      if (this.recording && msg.length >= 12) {
        this.latencies.push(performance.now() - msg.readDoubleBE(4));
      }
    });
    await new Promise<void>((resolve) => this.socket.bind(0, '127.0.0.1', () => resolve()));
    return this.socket.address().port;
  }

  close(): void {
    this.socket.close();
  }
}
