import {
  MixerInputStatus,
  MixerPicture,
  MixerStatus,
  ON_AIR_WINDOW_MS,
} from '../../lib/mixer-status';
import { SupervisedChild } from '../shared/child';
import { SupervisorConfig } from '../shared/config';
import { Ingest } from '../shared/ingest';
import { log } from '../shared/log';
import { makeRedactor } from '../shared/redact';
import { SecretFiles } from '../shared/secrets';
import { compositorArgs } from './compositor';
import { MixerConfig } from './config';
import { UdpForward, freeUdpPort } from './loopback';
import { LocalSink } from './sink';
import { Uplink } from './uplink';

/** A feed that sent nothing for this long is gone: slides drop out of the picture. */
const FEED_GONE_MS = 3000;
/** Slides must flow this long before the picture switches to them (no flapping). */
const FEED_STEADY_MS = 1500;

class Input {
  readonly ingest: Ingest;
  bitrateBps = 0;
  bytesIn = 0;
  lastPacketAt = 0;
  private lastBytes = 0;
  firstSeenAt = 0;
  private readonly secrets: SecretFiles;
  private readonly forward = new UdpForward();

  constructor(
    readonly port: number,
    cfg: MixerConfig,
    redact: (l: string) => string,
    target: () => number | undefined,
  ) {
    const shared: SupervisorConfig = {
      feed: 'program',
      eventName: cfg.eventName,
      ingestPort: port,
      outputs: [],
      latencyMs: cfg.latencyMs,
      peerIdleTimeoutMs: cfg.peerIdleTimeoutMs,
      passphrase: cfg.passphrase,
      statusToken: cfg.statusToken ?? '',
      healthPort: cfg.healthPort,
      slideFit: 'crop',
      outputWidth: cfg.width,
      outputHeight: cfg.height,
    };
    this.secrets = new SecretFiles(shared);
    const onData = (chunk: Buffer): void => {
      this.bytesIn += chunk.length;
      this.lastPacketAt = Date.now();
      const to = target();
      if (to !== undefined) this.forward.send(chunk, to);
    };
    this.ingest = new Ingest(this.secrets, redact, onData, () => {});
  }

  /** A passphrase changed in Key Vault: the listener restarts with it. */
  setPassphrase(passphrase: string): void {
    this.secrets.update(passphrase);
    this.ingest.child.recycle();
  }

  async stop(): Promise<void> {
    await this.ingest.child.stop();
    this.forward.close();
    this.secrets.remove();
  }

  fresh(now: number): boolean {
    return now - this.lastPacketAt < FEED_GONE_MS;
  }

  sample(): void {
    const bytes = this.bytesIn;
    this.bitrateBps = (bytes - this.lastBytes) * 8;
    this.lastBytes = bytes;
  }

  status(now: number): MixerInputStatus {
    const at = this.lastPacketAt;
    return {
      port: this.port,
      connected: this.ingest.connected,
      bytes: this.bytesIn,
      bitrateBps: this.bitrateBps,
      lastPacketAgeMs: at ? now - at : null,
      reconnects: Math.max(this.ingest.connections - 1, 0),
      rejectedCallers: this.ingest.rejections,
    };
  }
}

/** Two SRT listeners -> one ffmpeg compositor -> the supervisor's own RTMP(S) publisher. */
export class Mixer {
  readonly program: Input;
  readonly slides: Input;
  readonly uplink: Uplink;
  picture: MixerPicture = 'waiting';
  private compositor?: SupervisedChild;
  private compositorStarts = 0;
  private ports = { programIn: 0, slidesIn: 0 };
  private readonly flv: LocalSink;
  private readonly progress: LocalSink;
  private readonly redact: (l: string) => string;
  private progressText = '';
  private stats = {
    dropped: 0,
    duplicated: 0,
    speed: null as number | null,
    runDropped: 0,
    runDup: 0,
  };
  private out = { bps: 0, lastBytes: 0, total: 0 };
  private lastError: MixerStatus['lastError'] = null;
  private timer?: NodeJS.Timeout;
  private readonly startedAt = Date.now();
  /** Every secret value this run has held, old ones too: lines are redacted of all of them. */
  private readonly secrets = new Set<string>();
  private streamKey: string;
  private passphrase?: string;

  constructor(readonly cfg: MixerConfig) {
    for (const x of [cfg.passphrase, cfg.destination.streamKey, cfg.statusToken]) {
      if (x) this.secrets.add(x);
    }
    this.redact = makeRedactor(this.secrets);
    this.streamKey = cfg.destination.streamKey;
    this.passphrase = cfg.passphrase;
    const running = (port: () => number) => () =>
      this.compositor?.running ? port() || undefined : undefined;
    this.program = new Input(
      cfg.programPort,
      cfg,
      this.redact,
      running(() => this.ports.programIn),
    );
    this.slides = new Input(
      cfg.slidesPort,
      cfg,
      this.redact,
      running(() => (this.picture === 'composite' ? this.ports.slidesIn : 0)),
    );
    this.uplink = new Uplink(
      cfg.destination,
      (m) => this.error(m),
      () => {
        if (!this.switchTo) return false;
        this.applyPicture(this.switchTo);
        return true;
      },
    );
    this.flv = new LocalSink(
      (d) => this.uplink.push(d),
      () => this.uplink.newStream(),
    );
    this.progress = new LocalSink((d) => this.onProgress(d));
  }

  async start(): Promise<void> {
    await Promise.all([this.flv.open(), this.progress.open()]);
    await Promise.all([this.program.ingest.child.start(), this.slides.ingest.child.start()]);
    this.timer = setInterval(() => this.tick(), 500);
    log('info', 'started', {
      event: this.cfg.eventName,
      language: this.cfg.language,
      layout: this.cfg.layout,
      inputs: `${this.cfg.programPort},${this.cfg.slidesPort}`,
      destination: this.uplink.destination,
      encrypted: this.cfg.passphrase !== undefined,
    });
  }

  /**
   * Secrets changed in Key Vault: a new stream key is used from the uplink's next keyframe
   * (a new publish), a new passphrase restarts both SRT listeners.
   */
  applySecrets(values: { passphrase?: string; streamKey?: string; statusToken?: string }): void {
    // The health server holds the token in force; here it only joins what lines are redacted of.
    if (values.statusToken !== undefined) this.secrets.add(values.statusToken);
    if (values.streamKey !== undefined && values.streamKey !== this.streamKey) {
      this.secrets.add(values.streamKey);
      this.streamKey = values.streamKey;
      this.uplink.changeStreamKey(values.streamKey);
    }
    if (values.passphrase !== undefined && values.passphrase !== this.passphrase) {
      this.secrets.add(values.passphrase);
      this.passphrase = values.passphrase;
      this.program.setPassphrase(values.passphrase);
      this.slides.setPassphrase(values.passphrase);
      log('info', 'passphrase changed; SRT listeners restarted');
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.uplink.close();
    await Promise.all([this.compositor?.stop(), this.program.stop(), this.slides.stop()]);
    this.flv.close();
    this.progress.close();
  }

  private ticks = 0;
  /** A picture change waiting for the next keyframe (or switchBy at the latest). */
  private switchTo?: MixerPicture;
  private switchBy = 0;

  private tick(): void {
    const now = Date.now();
    if (++this.ticks % 2 === 0) {
      this.program.sample();
      this.slides.sample();
      const sent = this.uplink.publisher?.bytesFlushed ?? 0;
      this.out.bps = Math.max(sent - this.out.lastBytes, 0) * 8;
      this.out.lastBytes = sent;
    }
    for (const input of [this.program, this.slides]) {
      if (!input.fresh(now)) input.firstSeenAt = 0;
      else if (!input.firstSeenAt) input.firstSeenAt = now;
    }
    const steady = (i: Input): boolean =>
      i.firstSeenAt > 0 && now - i.firstSeenAt >= FEED_STEADY_MS;
    let want: MixerPicture;
    if (!this.program.fresh(now)) want = 'waiting';
    else if (this.picture === 'composite' ? this.slides.fresh(now) : steady(this.slides)) {
      want = 'composite';
    } else want = 'program-only';
    if (want === 'composite' && !steady(this.program) && this.picture === 'waiting') return;
    if (want === this.picture) {
      this.switchTo = undefined;
      return;
    }
    // A running compositor is cut right after a keyframe, so the GOP around the switch stays
    // within the keyframe interval; without a keyframe in time, it is cut anyway.
    if (this.compositor?.running && want !== 'waiting') {
      if (this.switchTo !== want) {
        this.switchTo = want;
        this.switchBy = now + this.cfg.keyframeSeconds * 1000 + 500;
      }
      if (now < this.switchBy) return;
    }
    this.applyPicture(want);
  }

  private applyPicture(want: MixerPicture): void {
    this.switchTo = undefined;
    if (want === this.picture) return;
    log('info', 'picture', { from: this.picture, to: want });
    this.picture = want;
    if (want === 'waiting') {
      const c = this.compositor;
      this.compositor = undefined;
      void c?.stop();
    } else if (this.compositor) {
      this.compositor.recycle();
    } else {
      this.compositor = this.newCompositor();
      void this.compositor.start();
    }
  }

  private newCompositor(): SupervisedChild {
    return new SupervisedChild({
      name: 'compositor',
      command: 'ffmpeg',
      prepare: async () => {
        this.ports = { programIn: await freeUdpPort(), slidesIn: await freeUdpPort() };
      },
      args: () =>
        compositorArgs(this.cfg, this.picture === 'composite' ? 'composite' : 'program-only', {
          ...this.ports,
          flvOut: this.flv.port,
          progressOut: this.progress.port,
        }),
      redact: this.redact,
      onLine: (line) => {
        if (/error|invalid|failed|refused|cannot/i.test(line)) this.error(line);
      },
      onStart: () => {
        this.compositorStarts += 1;
        this.stats.dropped += this.stats.runDropped;
        this.stats.duplicated += this.stats.runDup;
        this.stats.runDropped = 0;
        this.stats.runDup = 0;
      },
      onExit: () => {
        this.stats.speed = null;
      },
    });
  }

  private onProgress(d: Buffer): void {
    this.progressText += d.toString('latin1');
    const lines = this.progressText.split('\n');
    this.progressText = lines.pop() ?? '';
    for (const line of lines) {
      const [k, v] = line.split('=');
      if (k === 'drop_frames') this.stats.runDropped = Number(v) || 0;
      else if (k === 'dup_frames') this.stats.runDup = Number(v) || 0;
      else if (k === 'speed') this.stats.speed = Number.parseFloat(v) || null;
    }
  }

  /** A problem found outside the children (a refused Key Vault value), shown as lastError. */
  noteError(message: string): void {
    this.error(message);
  }

  private error(message: string): void {
    this.lastError = { at: new Date().toISOString(), message: this.redact(message).slice(0, 300) };
  }

  processes(): MixerStatus['processes'] {
    const list = [
      { name: 'input:program', child: this.program.ingest.child },
      { name: 'input:slides', child: this.slides.ingest.child },
    ];
    const rows = list.map((p) => ({
      name: p.name,
      running: p.child.running,
      restarts: p.child.restarts,
    }));
    if (this.picture !== 'waiting') {
      rows.push({
        name: 'compositor',
        running: this.compositor?.running ?? false,
        restarts: this.compositor?.restarts ?? 0,
      });
    }
    return rows;
  }

  /** Every process that should run is running: listeners always, the compositor with a feed. */
  live(): boolean {
    return this.processes().every((p) => p.running);
  }

  onAir(now = Date.now()): boolean {
    const p = this.uplink.publisher;
    return !!p?.published && p.lastFlushAt > 0 && now - p.lastFlushAt < ON_AIR_WINDOW_MS;
  }

  status(): MixerStatus {
    const now = Date.now();
    const p = this.uplink.publisher;
    return {
      kind: 'container-mixer',
      event: this.cfg.eventName,
      language: this.cfg.language,
      layout: this.cfg.layout,
      uptimeSeconds: Math.round((now - this.startedAt) / 1000),
      onAir: this.onAir(now),
      picture: this.picture,
      inputs: { program: this.program.status(now), slides: this.slides.status(now) },
      output: {
        destination: this.uplink.destination,
        bitrateBps: this.out.bps,
        droppedFrames: this.stats.dropped + this.stats.runDropped,
        duplicatedFrames: this.stats.duplicated + this.stats.runDup,
        speed: this.compositor?.running ? this.stats.speed : null,
        lastWriteAgeMs: p?.lastFlushAt ? now - p.lastFlushAt : null,
        restarts: Math.max(this.compositorStarts - 1, 0),
      },
      lastError: this.lastError,
      expiresAt: this.cfg.expiresAt?.toISOString() ?? null,
      processes: this.processes(),
    };
  }
}
