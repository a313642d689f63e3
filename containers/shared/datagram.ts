import { Socket, createSocket } from 'node:dgram';

/** A loopback port that was free a moment ago; a child that loses the race restarts on another. */
export async function freeUdpPort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => resolve());
  });
  const { port } = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export interface FanoutTarget {
  /** Current internal port, or undefined while the target is down. */
  port(): number | undefined;
  /** Counts what was handed over; the target decides whether it was useful. */
  delivered(bytes: number): void;
}

/**
 * Receives datagrams on a loopback port and copies each one to every target.
 *
 * A UDP send on loopback never waits for the receiver: if one target stops reading, the kernel
 * drops datagrams from that target's full socket buffer and nobody else notices. That is the
 * whole isolation guarantee between mixers, so nothing here may buffer or await per target.
 */
export class DatagramFanout {
  bytesIn = 0;
  lastPacketAt = 0;
  private socket?: Socket;

  constructor(private readonly targets: () => readonly FanoutTarget[]) {}

  async open(): Promise<number> {
    const socket = createSocket({ type: 'udp4', recvBufferSize: 4 << 20, sendBufferSize: 4 << 20 });
    socket.on('message', (msg) => this.onMessage(socket, msg));
    // Send errors are per datagram and per target; one must not end the fan-out.
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
    this.socket = socket;
    return socket.address().port;
  }

  close(): void {
    this.socket?.close();
    this.socket = undefined;
  }

  private onMessage(socket: Socket, msg: Buffer): void {
    this.bytesIn += msg.length;
    this.lastPacketAt = Date.now();
    for (const t of this.targets()) {
      const port = t.port();
      if (port === undefined) continue;
      socket.send(msg, port, '127.0.0.1');
      t.delivered(msg.length);
    }
  }
}
