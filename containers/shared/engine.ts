import { SupervisedChild } from './child';
import { SupervisorConfig } from './config';
import { DatagramFanout, FanoutTarget, freeUdpPort } from './datagram';
import { Ingest } from './ingest';
import { log } from './log';
import { Output } from './output';
import { makeRedactor } from './redact';
import { EngineStatus } from './status';

/** Feed older than this means the venue is not sending: /readyz turns 503. */
export const READY_WINDOW_MS = 3000;

/** A transcoder between ingest and fan-out (the slide splitter's ffmpeg). */
export interface TranscoderSpec {
  readonly command: string;
  /** Reads MPEG-TS from udp://127.0.0.1:inPort, writes MPEG-TS to udp://127.0.0.1:outPort. */
  readonly args: (inPort: number, outPort: number) => string[];
}

/** Ingest -> (optional transcoder) -> datagram fan-out -> one SRT listener per mixer. */
export class Engine {
  readonly outputs: Output[];
  readonly ingest: Ingest;
  private readonly startedAt = Date.now();
  private transcoder?: SupervisedChild;
  private transcoded?: DatagramFanout;
  private transcoderIn = 0;
  private transcodedPort = 0;
  private bitrate = { bps: 0, lastBytes: 0, lastAt: Date.now() };
  private sampler?: NodeJS.Timeout;

  constructor(
    readonly cfg: SupervisorConfig,
    transcoderSpec?: TranscoderSpec,
  ) {
    const redact = makeRedactor(cfg.passphrase);
    this.outputs = cfg.outputs.map((o) => new Output(o, cfg, redact));
    const direct = (): readonly FanoutTarget[] => this.outputs;
    const viaTranscoder = (): readonly FanoutTarget[] => [
      {
        port: () => (this.transcoder?.running ? this.transcoderIn : undefined),
        delivered: () => {},
      },
    ];
    this.ingest = new Ingest(cfg, redact, transcoderSpec ? viaTranscoder : direct, () => {
      // A new encoder session restarts its timestamps; a fresh decoder avoids a stuck ffmpeg.
      if (this.ingest.connections > 1) this.transcoder?.recycle();
    });
    if (transcoderSpec) {
      this.transcoded = new DatagramFanout(direct);
      this.transcoder = new SupervisedChild({
        name: 'transcoder',
        command: transcoderSpec.command,
        prepare: async () => {
          this.transcoderIn = await freeUdpPort();
        },
        args: () => transcoderSpec.args(this.transcoderIn, this.transcodedPort),
        redact,
      });
    }
  }

  async start(): Promise<void> {
    await Promise.all(this.outputs.map((o) => o.child.start()));
    if (this.transcoder && this.transcoded) {
      this.transcodedPort = await this.transcoded.open();
      await this.transcoder.start();
    }
    await this.ingest.start();
    this.sampler = setInterval(() => this.sample(), 1000);
    log('info', 'started', {
      feed: this.cfg.feed,
      event: this.cfg.eventName,
      ingestPort: this.cfg.ingestPort,
      outputs: this.cfg.outputs.map((o) => `${o.name}:${o.port}`).join(','),
      encrypted: this.cfg.passphrase !== undefined,
    });
  }

  async stop(): Promise<void> {
    clearInterval(this.sampler);
    await Promise.all([
      this.ingest.stop(),
      this.transcoder?.stop(),
      ...this.outputs.map((o) => o.child.stop()),
    ]);
    this.transcoded?.close();
  }

  /** Every process is up (a restart in progress counts as down). */
  live(): boolean {
    return this.processes().every((p) => p.running);
  }

  ready(now = Date.now()): boolean {
    const fresh = (at: number): boolean => now - at < READY_WINDOW_MS;
    return (
      fresh(this.ingest.tap.lastPacketAt) &&
      (!this.transcoded || fresh(this.transcoded.lastPacketAt))
    );
  }

  status(): EngineStatus {
    return {
      feed: this.cfg.feed,
      event: this.cfg.eventName,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      live: this.live(),
      ready: this.ready(),
      encrypted: this.cfg.passphrase !== undefined,
      input: {
        port: this.cfg.ingestPort,
        connected: this.ingest.connected,
        bytes: this.ingest.tap.bytesIn,
        bitrateBps: this.bitrate.bps,
        lastPacketAgeMs: this.ingest.tap.lastPacketAt
          ? Date.now() - this.ingest.tap.lastPacketAt
          : null,
        reconnects: Math.max(this.ingest.connections - 1, 0),
        rejectedCallers: this.ingest.rejections,
      },
      transcodedBytes: this.transcoded?.bytesIn,
      outputs: this.outputs.map((o) => o.status()),
      processes: this.processes(),
    };
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
    const bytes = this.ingest.tap.bytesIn;
    const seconds = (now - this.bitrate.lastAt) / 1000;
    this.bitrate = {
      bps: Math.round(((bytes - this.bitrate.lastBytes) * 8) / seconds),
      lastBytes: bytes,
      lastAt: now,
    };
  }
}
