/** Raw HTTP for the API tests: fetch would hide or refuse the Origin and Host headers. */
import * as http from 'node:http';

export interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
  readonly json: any;
}

export function request(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; rawBody?: string } = {},
): Promise<Reply> {
  const url = new URL(path, base);
  const body =
    options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined && !headers['content-type'])
    headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export interface SseFrame {
  readonly id?: string;
  readonly event: string;
  readonly data: any;
}

/** An open SSE connection; `until` resolves once a frame matching the predicate arrives. */
export class SseClient {
  readonly frames: SseFrame[] = [];
  raw = '';
  ended = false;
  status = 0;
  private waiters: { test: (f: SseFrame[]) => boolean; resolve: () => void }[] = [];
  private req?: http.ClientRequest;
  private buffer = '';

  open(base: string, path: string, headers: Record<string, string>): Promise<this> {
    return new Promise((resolve, reject) => {
      this.req = http.get(new URL(path, base), { headers, agent: false }, (res) => {
        this.status = res.statusCode ?? 0;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => this.feed(chunk));
        res.on('end', () => {
          this.ended = true;
          this.check();
        });
        resolve(this);
      });
      this.req.on('error', (err) => (this.ended ? undefined : reject(err)));
    });
  }

  private feed(chunk: string): void {
    this.raw += chunk;
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let id: string | undefined;
      let event = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('id: ')) id = line.slice(4);
        else if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data += line.slice(6);
      }
      if (data) this.frames.push({ id, event, data: JSON.parse(data) });
    }
    this.check();
  }

  private check(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(this.frames) && !this.ended) return true;
      w.resolve();
      return false;
    });
  }

  /** Resolves when the frames so far satisfy test, or the stream ends. */
  until(test: (frames: SseFrame[]) => boolean): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push({ test, resolve });
      this.check();
    });
  }

  close(): void {
    this.ended = true;
    this.req?.destroy();
  }
}
