import { ChildProcess } from 'node:child_process';
import { Server, Socket, connect, createServer } from 'node:net';
import { join } from 'node:path';
import { freeTcpPort } from '../../containers/support/media';
import { launch } from '../../containers/support/procs';

/** What the listener is told to expect: never the key, so ffmpeg names the one it got. */
const PLACEHOLDER = 'no-key-expected';

export interface DoorSession {
  readonly file: string;
  readonly proc: ChildProcess;
  /** The publish name this session used, once ffmpeg has named it. */
  published(): string | undefined;
  /** ffmpeg's warnings and errors. */
  stderr(): string;
  /** Drops the connection as a destination that goes away does (the publisher sees a reset). */
  drop(): void;
}

/**
 * YouTube's door: it answers every connection at once, as YouTube's ingest does, so a
 * publisher that reconnects meets no refused connection. Behind it each connection gets a
 * fresh ffmpeg RTMP listener that stream-copies to its own file, keeping the publisher's
 * timestamps (-copyts) and what precedes the first keyframe (-copyinkf), so a test measures
 * where a session began and how it joins the previous one.
 *
 * ffmpeg takes any publish name and warns "Unexpected stream <name>, expecting <path>": that
 * line is how the test reads the name each session published with.
 */
export class RtmpDoor {
  readonly sessions: DoorSession[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async open(dir: string): Promise<RtmpDoor> {
    const server = createServer({ pauseOnConnect: true });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const door = new RtmpDoor(server, (server.address() as { port: number }).port, dir);
    server.on('connection', (s) => void door.accept(s));
    return door;
  }

  get url(): string {
    return `rtmp://127.0.0.1:${this.port}/live`;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async accept(outer: Socket): Promise<void> {
    this.sockets.add(outer);
    const port = await freeTcpPort();
    const file = join(this.dir, `session-${this.sessions.length + 1}.flv`);
    const proc = launch('nice', [
      ...['ffmpeg', '-hide_banner', '-nostdin', '-loglevel', 'warning', '-y'],
      ...['-listen', '1', '-i', `rtmp://127.0.0.1:${port}/live/${PLACEHOLDER}`],
      ...['-c', 'copy', '-copyts', '-copyinkf', '-f', 'flv', file],
    ]);
    let err = '';
    proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    this.sessions.push({
      file,
      proc,
      published: () => /Unexpected stream (\S+), expecting/.exec(err)?.[1],
      stderr: () => err,
      drop: () => outer.resetAndDestroy(),
    });
    // The listener takes a moment to bind: the publisher's bytes wait in the paused socket.
    const deadline = Date.now() + 10000;
    for (;;) {
      const inner = await new Promise<Socket | undefined>((resolve) => {
        const s = connect(port, '127.0.0.1', () => resolve(s));
        s.once('error', () => resolve(undefined));
      });
      if (inner) {
        this.sockets.add(inner);
        outer.pipe(inner);
        inner.pipe(outer);
        outer.on('close', () => inner.end());
        inner.on('close', () => outer.destroy());
        outer.on('error', () => inner.destroy());
        inner.on('error', () => outer.destroy());
        outer.resume();
        return;
      }
      if (Date.now() > deadline || outer.destroyed) {
        outer.destroy();
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
