import { SupervisedChild } from './child';
import { ingestArgs } from './ffmpeg';
import { AudioLayout, LayoutReader } from './layout';
import { SecretFiles } from './secrets';

/**
 * The venue encoder's SRT listener: an ffmpeg that hands the feed, remuxed, to the supervisor
 * on its stdout. It ends with each encoder session and listens again at once.
 */
export class Ingest {
  readonly child: SupervisedChild;
  connected = false;
  connections = 0;
  rejections = 0;
  layout?: AudioLayout;

  constructor(
    secrets: SecretFiles,
    redact: (line: string) => string,
    onData: (chunk: Buffer) => void,
    private readonly onSession: (layout: AudioLayout) => void,
  ) {
    const reader = new LayoutReader((layout) => {
      this.layout = layout;
      this.connected = true;
      this.connections += 1;
      this.onSession(layout);
    });
    this.child = new SupervisedChild({
      name: 'ingest',
      command: 'ffmpeg',
      args: () => ingestArgs(secrets),
      redact,
      onData,
      onLine: (line) => {
        reader.line(line);
        // libsrt's own log line, once per refused handshake (wrong or missing passphrase).
        if (line.includes('rsp(REJECT)')) this.rejections += 1;
      },
      onExit: () => {
        this.connected = false;
      },
      // A session that ended is no failure: listen again quickly.
      backoff: { baseMs: 100, maxMs: 2000, resetAfterMs: 5000 },
    });
  }
}
