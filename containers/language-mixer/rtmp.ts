import { randomBytes } from 'node:crypto';
import { Socket, connect as tcpConnect, isIP } from 'node:net';
import { rootCertificates, connect as tlsConnect } from 'node:tls';
import { AmfObject, AmfValue, decodeAmf, encodeAmf } from './amf';

/**
 * A minimal RTMP(S) publisher: handshake, connect, createStream, publish, then audio, video
 * and metadata messages. It lives in the supervisor so the stream key stays in this process
 * (an environment variable) and never reaches a child's command line.
 */
export interface RtmpTarget {
  readonly secure: boolean;
  readonly host: string;
  readonly port: number;
  readonly app: string;
  /** The publish name: YouTube's stream key. */
  readonly streamKey: string;
}

const OUT_CHUNK_SIZE = 4096;
const CSID = { control: 2, command: 3, audio: 4, video: 6, data: 5 } as const;

interface ChunkState {
  timestamp: number;
  length: number;
  type: number;
  streamId: number;
  body?: Buffer[];
  received: number;
  extended: boolean;
}

export class RtmpPublisher {
  /** Bytes handed to the kernel and flushed. */
  bytesFlushed = 0;
  lastFlushAt = 0;
  /** The server's own count of bytes it read (RTMP Acknowledgement), when it sends one. */
  ackedBytes = 0;
  lastAckAt = 0;
  published = false;
  closed = false;
  private socket!: Socket;
  private inBuf: Buffer = Buffer.alloc(0);
  private inChunkSize = 128;
  private readonly chunks = new Map<number, ChunkState>();
  private txn = 0;
  private readonly pending = new Map<number, (args: AmfValue[]) => void>();
  private statusWaiter?: (code: string, args: AmfValue[]) => void;
  private streamId = 0;
  private readonly closeListeners: ((why: string) => void)[] = [];

  private constructor(
    private readonly target: RtmpTarget,
    private readonly tlsOptions: { readonly ca?: Buffer } = {},
  ) {}

  /** Connects and publishes; rejects with a reason that never includes the key. */
  static async open(
    target: RtmpTarget,
    timeoutMs = 10000,
    /** Extra trust anchors; the system's store otherwise. @default - none */
    tlsOptions: { readonly ca?: Buffer } = {},
  ): Promise<RtmpPublisher> {
    const p = new RtmpPublisher(target, tlsOptions);
    const timer = setTimeout(() => p.close('publish timed out'), timeoutMs);
    try {
      await p.start();
      return p;
    } catch (err) {
      p.close((err as Error).message);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Where the stream goes, for logs and status: scheme://host:port/app, never the key. */
  static describe(t: Omit<RtmpTarget, 'streamKey'>): string {
    return `${t.secure ? 'rtmps' : 'rtmp'}://${t.host}:${t.port}/${t.app}`;
  }

  onClose(listener: (why: string) => void): void {
    this.closeListeners.push(listener);
  }

  /** Bytes written but not yet flushed to the kernel: a destination that stopped reading. */
  get backlog(): number {
    return this.socket?.writableLength ?? 0;
  }

  sendMedia(type: 8 | 9, timestamp: number, data: Buffer): void {
    this.write(type === 8 ? CSID.audio : CSID.video, type, this.streamId, timestamp, data);
  }

  /** onMetaData from the FLV muxer, announced the way encoders do (@setDataFrame). */
  sendMetadata(data: Buffer): void {
    this.write(CSID.data, 18, this.streamId, 0, Buffer.concat([encodeAmf('@setDataFrame'), data]));
  }

  /**
   * Ends the session after what is already written has gone out (a stream key change), so
   * its last frames reach the destination; close() drops them.
   */
  finish(why: string): void {
    if (this.closed) return;
    this.socket?.end();
    // A destination that never reads the rest must not hold the socket for ever.
    setTimeout(() => this.socket?.destroy(), 5000).unref();
    this.close(why, false);
  }

  close(why = 'closed', destroy = true): void {
    if (this.closed) return;
    this.closed = true;
    this.published = false;
    if (destroy) this.socket?.destroy();
    for (const l of this.closeListeners) l(why);
    for (const resolve of this.pending.values()) resolve(['_error']);
    this.statusWaiter?.('closed', []);
  }

  private async start(): Promise<void> {
    const t = this.target;
    this.socket = await new Promise<Socket>((resolve, reject) => {
      const s = t.secure
        ? // Certificate checked against the host name (SNI only for names, as RFC 6066 says).
          tlsConnect(
            {
              host: t.host,
              port: t.port,
              ...(isIP(t.host) ? {} : { servername: t.host }),
              ...(this.tlsOptions.ca ? { ca: [...rootCertificates, this.tlsOptions.ca] } : {}),
            },
            () => resolve(s),
          )
        : tcpConnect({ host: t.host, port: t.port }, () => resolve(s));
      s.once('error', reject);
    });
    this.socket.setNoDelay(true);
    this.socket.on('error', (err) => this.close(`destination: ${err.message}`));
    this.socket.on('close', () => this.close('destination closed the connection'));
    await this.handshake();
    this.socket.on('data', (d: Buffer) => this.onData(d));
    if (this.inBuf.length) this.onData(Buffer.alloc(0));

    const size = Buffer.alloc(4);
    size.writeUInt32BE(OUT_CHUNK_SIZE);
    this.write(CSID.control, 1, 0, 0, size);
    this.outChunkSize = OUT_CHUNK_SIZE;
    const tcUrl = RtmpPublisher.describe(t);
    const connected = await this.call('connect', [
      {
        app: t.app,
        type: 'nonprivate',
        flashVer: 'FMLE/3.0 (compatible; stream-control)',
        tcUrl,
      },
    ]);
    if (connected[0] !== '_result') throw new Error(`connect refused by ${tcUrl}`);
    this.notify('releaseStream', [null, t.streamKey]);
    this.notify('FCPublish', [null, t.streamKey]);
    const created = await this.call('createStream', [null]);
    if (created[0] !== '_result' || typeof created[3] !== 'number') {
      throw new Error(`createStream refused by ${tcUrl}`);
    }
    this.streamId = created[3];
    const started = new Promise<string>((resolve) => {
      this.statusWaiter = (code) => resolve(code);
    });
    this.write(
      CSID.command,
      20,
      this.streamId,
      0,
      encodeAmf('publish', ++this.txn, null, t.streamKey, 'live'),
    );
    const code = await started;
    this.statusWaiter = undefined;
    if (code !== 'NetStream.Publish.Start') {
      throw new Error(`publish refused by ${tcUrl}: ${code}`);
    }
    this.published = true;
  }

  private handshake(): Promise<void> {
    const c1 = Buffer.concat([Buffer.alloc(8), randomBytes(1528)]);
    this.socket.write(Buffer.concat([Buffer.from([3]), c1]));
    return new Promise((resolve, reject) => {
      const onData = (d: Buffer): void => {
        this.inBuf = Buffer.concat([this.inBuf, d]);
        if (this.inBuf.length < 1 + 1536 * 2) return;
        this.socket.off('data', onData);
        if (this.inBuf[0] !== 3) {
          reject(new Error(`destination speaks RTMP version ${this.inBuf[0]}, not 3`));
          return;
        }
        const s1 = this.inBuf.subarray(1, 1537);
        this.inBuf = this.inBuf.subarray(1 + 1536 * 2);
        this.socket.write(Buffer.from(s1));
        resolve();
      };
      this.socket.on('data', onData);
      this.socket.once('close', () => reject(new Error('destination closed during the handshake')));
    });
  }

  private outChunkSize = 128;

  private write(csid: number, type: number, streamId: number, ts: number, payload: Buffer): void {
    if (this.closed) return;
    const extended = ts >= 0xffffff;
    const head = Buffer.alloc(12 + (extended ? 4 : 0));
    head.writeUInt8(csid);
    head.writeUIntBE(extended ? 0xffffff : ts, 1, 3);
    head.writeUIntBE(payload.length, 4, 3);
    head.writeUInt8(type, 7);
    head.writeUInt32LE(streamId, 8);
    if (extended) head.writeUInt32BE(ts >>> 0, 12);
    const parts: Buffer[] = [head];
    for (let off = 0; off < payload.length; off += this.outChunkSize) {
      if (off > 0) {
        parts.push(Buffer.from([0xc0 | csid]));
        if (extended) {
          const e = Buffer.alloc(4);
          e.writeUInt32BE(ts >>> 0);
          parts.push(e);
        }
      }
      parts.push(payload.subarray(off, off + this.outChunkSize));
    }
    const buf = Buffer.concat(parts);
    this.socket.write(buf, (err) => {
      if (err) return;
      this.bytesFlushed += buf.length;
      this.lastFlushAt = Date.now();
    });
  }

  private call(name: string, args: AmfValue[]): Promise<AmfValue[]> {
    const id = ++this.txn;
    const reply = new Promise<AmfValue[]>((resolve) => this.pending.set(id, resolve));
    this.write(CSID.command, 20, 0, 0, encodeAmf(name, id, ...args));
    return reply;
  }

  private notify(name: string, args: AmfValue[]): void {
    this.write(CSID.command, 20, 0, 0, encodeAmf(name, ++this.txn, ...args));
  }

  private onData(d: Buffer): void {
    this.inBuf = this.inBuf.length ? Buffer.concat([this.inBuf, d]) : d;
    for (;;) {
      const used = this.readChunk();
      if (used === 0) return;
      this.inBuf = this.inBuf.subarray(used);
    }
  }

  /** Reads one chunk from inBuf; returns the bytes it used, 0 when more are needed. */
  private readChunk(): number {
    const b = this.inBuf;
    if (b.length < 1) return 0;
    const fmt = b[0] >> 6;
    let csid = b[0] & 0x3f;
    let pos = 1;
    if (csid === 0) {
      if (b.length < 2) return 0;
      csid = 64 + b[1];
      pos = 2;
    } else if (csid === 1) {
      if (b.length < 3) return 0;
      csid = 64 + b[1] + b[2] * 256;
      pos = 3;
    }
    const headLen = [11, 7, 3, 0][fmt];
    if (b.length < pos + headLen) return 0;
    const prev = this.chunks.get(csid);
    const st: ChunkState = prev
      ? { ...prev }
      : { timestamp: 0, length: 0, type: 0, streamId: 0, received: 0, extended: false };
    let tsField = 0;
    if (fmt <= 2) tsField = b.readUIntBE(pos, 3);
    if (fmt <= 1) {
      st.length = b.readUIntBE(pos + 3, 3);
      st.type = b[pos + 6];
    }
    if (fmt === 0) st.streamId = b.readUInt32LE(pos + 7);
    pos += headLen;
    if (fmt <= 2) st.extended = tsField === 0xffffff;
    if (st.extended) {
      if (b.length < pos + 4) return 0;
      tsField = b.readUInt32BE(pos);
      pos += 4;
    }
    if (fmt === 0) st.timestamp = tsField;
    else if (fmt <= 2) st.timestamp += tsField;
    // A message continues only when the previous one on this chunk stream is still incomplete.
    if (!prev?.body || prev.received >= prev.length) {
      st.body = [];
      st.received = 0;
    }
    const take = Math.min(this.inChunkSize, st.length - st.received);
    if (b.length < pos + take) return 0;
    st.body!.push(Buffer.from(b.subarray(pos, pos + take)));
    st.received += take;
    this.chunks.set(csid, st);
    if (st.received >= st.length) this.onMessage(st.type, Buffer.concat(st.body!));
    return pos + take;
  }

  private onMessage(type: number, body: Buffer): void {
    if (type === 1 && body.length >= 4) this.inChunkSize = body.readUInt32BE(0) & 0x7fffffff;
    else if (type === 3 && body.length >= 4) {
      this.ackedBytes = body.readUInt32BE(0);
      this.lastAckAt = Date.now();
    } else if (type === 4 && body.length >= 6 && body.readUInt16BE(0) === 6) {
      // Ping request: answer with the same timestamp, or the server drops us.
      const pong = Buffer.alloc(6);
      pong.writeUInt16BE(7);
      body.copy(pong, 2, 2, 6);
      this.write(CSID.control, 4, 0, 0, pong);
    } else if (type === 20) {
      const args = decodeAmf(body);
      const [name, id] = args;
      if ((name === '_result' || name === '_error') && typeof id === 'number') {
        this.pending.get(id)?.(args);
        this.pending.delete(id);
      } else if (name === 'onStatus') {
        const info = (args[3] ?? {}) as AmfObject;
        const code = typeof info.code === 'string' ? info.code : 'unknown';
        if (this.statusWaiter) this.statusWaiter(code, args);
        else if (info.level === 'error') this.close(`destination: ${code}`);
      }
    }
  }
}
