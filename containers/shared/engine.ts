import { Writable } from 'node:stream';
import { SupervisedChild } from './child';
import { SupervisorConfig } from './config';
import { Fanout, Sink } from './fanout';
import { Ingest } from './ingest';
import { AudioLayout } from './layout';
import { log } from './log';
import { Output } from './output';
import { makeRedactor } from './redact';
import { SecretFiles } from './secrets';
import { MediaStatus } from '../../lib/media-status';

/** Feed bytes within this window: the venue is sending (status only, never health). */
const FEED_PRESENT_MS = 3000;

/** A transcoder between ingest and outputs (the slide splitter's ffmpeg): pipe in, pipe out. */
export interface TranscoderSpec {
  readonly command: string;
  readonly args: string[];
}

/** Ingest -> (optional transcoder) -> fan-out over pipes -> one SRT caller per mixer. */
export class Engine {
  readonly outputs: Output[];
  readonly ingest: Ingest;
  private readonly secrets: SecretFiles;
  private readonly feed: Fanout;
  private readonly startedAt = Date.now();
  private transcoder?: SupervisedChild;
  private transcoderIn?: Writable;
  private bitrate = { bps: 0, lastBytes: 0, lastAt: Date.now() };
  private sampler?: NodeJS.Timeout;
  /** Every passphrase this run has used: children's lines are redacted of all of them. */
  private readonly passphrases = new Set<string>();

  constructor(
    readonly cfg: SupervisorConfig,
    transcoderSpec?: TranscoderSpec,
  ) {
    if (cfg.passphrase !== undefined) this.passphrases.add(cfg.passphrase);
    const redact = makeRedactor(this.passphrases);
    this.secrets = new SecretFiles(cfg);
    this.outputs = cfg.outputs.map((o) => new Output(o, cfg, this.secrets, redact));
    const toOutputs = new Fanout(() => this.outputs);
    if (transcoderSpec) {
      this.transcoder = new SupervisedChild({
        name: 'transcoder',
        command: transcoderSpec.command,
        args: () => transcoderSpec.args,
        redact,
        onData: (chunk) => toOutputs.push(chunk),
        onStart: (stdin) => {
          this.transcoderIn = stdin;
        },
        onExit: () => {
          this.transcoderIn = undefined;
        },
      });
    }
    const viaTranscoder: Sink = {
      writable: () => this.transcoderIn,
      delivered: () => {},
      dropped: () => {},
    };
    this.feed = transcoderSpec ? new Fanout(() => [viaTranscoder]) : toOutputs;
    this.ingest = new Ingest(
      this.secrets,
      redact,
      (chunk) => this.feed.push(chunk),
      (layout) => this.onSession(layout),
    );
  }

  start(): void {
    void this.transcoder?.start();
    // The splitter's outputs copy whatever comes; the relay's wait for the feed's audio layout.
    if (this.transcoder) for (const o of this.outputs) o.feedLayout(undefined);
    void this.ingest.child.start();
    this.sampler = setInterval(() => this.sample(), 1000);
    log('info', 'started', {
      feed: this.cfg.feed,
      event: this.cfg.eventName,
      ingestPort: this.cfg.ingestPort,
      outputs: this.cfg.outputs.map((o) => `${o.name}:${o.host}:${o.port}`).join(','),
      encrypted: this.cfg.passphrase !== undefined,
    });
  }

  async stop(): Promise<void> {
    clearInterval(this.sampler);
    await Promise.all([
      this.ingest.child.stop(),
      this.transcoder?.stop(),
      ...this.outputs.map((o) => o.stop()),
    ]);
    this.secrets.remove();
  }

  /**
   * A passphrase changed in Key Vault: the SRT children (ingest listener, outputs) restart
   * with it. The transcoder carries no SRT, so the splitter's picture keeps running.
   */
  setPassphrase(passphrase: string): void {
    this.passphrases.add(passphrase);
    this.secrets.update(passphrase);
    this.ingest.child.recycle();
    for (const o of this.outputs) o.child.recycle();
    log('info', 'passphrase changed; SRT children restarted', {
      outputs: this.outputs.length,
    });
  }

  /** Processes up and listening; feed presence and mixers are status, never health. */
  live(): boolean {
    return this.ingest.child.healthy && (this.transcoder?.healthy ?? true);
  }

  status(): MediaStatus {
    const last = this.feed.lastChunkAt;
    const layout = this.ingest.layout;
    return {
      feed: this.cfg.feed,
      event: this.cfg.eventName,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      live: this.live(),
      encrypted: this.cfg.passphrase !== undefined,
      input: {
        port: this.cfg.ingestPort,
        connected: this.ingest.connected,
        present: last > 0 && Date.now() - last < FEED_PRESENT_MS,
        bytes: this.feed.bytesIn,
        bitrateBps: this.bitrate.bps,
        lastPacketAgeMs: last ? Date.now() - last : null,
        reconnects: Math.max(this.ingest.connections - 1, 0),
        rejectedCallers: this.ingest.rejections,
        ...(!this.transcoder && layout && { audioTracks: layout }),
      },
      outputs: this.outputs.map((o) => o.status()),
      processes: this.processes(),
    };
  }

  /** A new encoder session restarts timestamps and may change the audio: fresh decoders. */
  private onSession(layout: AudioLayout): void {
    log('info', 'feed connected', { audioStreams: layout.length, channels: layout.join(',') });
    if (!this.transcoder) {
      for (const o of this.outputs) o.feedLayout(layout);
    } else if (this.ingest.connections > 1) {
      this.transcoder.recycle();
      for (const o of this.outputs) o.feedLayout(undefined);
    }
  }

  private processes(): { name: string; running: boolean; restarts: number }[] {
    const children: [string, SupervisedChild][] = [
      ['ingest', this.ingest.child],
      ...this.outputs.map((o, i): [string, SupervisedChild] => [
        `output:${this.cfg.outputs[i].name}`,
        o.child,
      ]),
    ];
    if (this.transcoder) children.push(['transcoder', this.transcoder]);
    return children.map(([name, c]) => ({ name, running: c.running, restarts: c.restarts }));
  }

  private sample(): void {
    const now = Date.now();
    const bytes = this.feed.bytesIn;
    const seconds = (now - this.bitrate.lastAt) / 1000;
    this.bitrate = {
      bps: Math.round(((bytes - this.bitrate.lastBytes) * 8) / seconds),
      lastBytes: bytes,
      lastAt: now,
    };
  }
}
