import { createSocket } from 'node:dgram';

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

/**
 * Seven TS packets per datagram, as SRT and every UDP MPEG-TS sender cut them: the
 * compositor's UDP socket buffer is small, and a burst of large datagrams overflows it.
 */
const SLICE = 188 * 7;

/** Hands the feed's chunks to the compositor's loopback UDP input. */
export class UdpForward {
  private readonly socket = createSocket('udp4');

  constructor() {
    // A send error is per datagram; it must not end the feed.
    this.socket.on('error', () => undefined);
  }

  send(chunk: Buffer, port: number): void {
    for (let i = 0; i < chunk.length; i += SLICE) {
      this.socket.send(chunk.subarray(i, i + SLICE), port, '127.0.0.1');
    }
  }

  close(): void {
    this.socket.close();
  }
}
