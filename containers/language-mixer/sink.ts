import { Server, Socket, createServer } from 'node:net';

/**
 * A loopback TCP port a child writes into (ffmpeg's FLV output, its -progress report). One
 * connection at a time: a new one (the child restarted) replaces the old.
 */
export class LocalSink {
  port = 0;
  private server?: Server;
  private current?: Socket;

  constructor(
    private readonly onData: (chunk: Buffer) => void,
    private readonly onConnection: () => void = () => undefined,
  ) {}

  async open(): Promise<number> {
    const server = createServer((sock) => {
      this.current?.destroy();
      this.current = sock;
      this.onConnection();
      sock.on('data', (d: Buffer) => {
        if (this.current === sock) this.onData(d);
      });
      sock.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.server = server;
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return this.port;
  }

  close(): void {
    this.current?.destroy();
    this.server?.close();
  }
}
