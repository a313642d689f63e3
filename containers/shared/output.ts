import { Writable } from 'node:stream';
import { AudioPlan, audioPlan } from './audio-plan';
import { SupervisedChild } from './child';
import { OutputConfig, SupervisorConfig } from './config';
import { Sink } from './fanout';
import { PIPE_IN, QUIET, callerArgs } from './ffmpeg';
import { AudioLayout } from './layout';
import { LevelMeter } from './levels';
import { MediaOutputStatus } from '../../lib/media-status';
import { SecretFiles } from './secrets';

/**
 * One mixer's feed: an ffmpeg that reads MPEG-TS from the supervisor's pipe and calls the
 * mixer's SRT listener. The relay's picks and encodes this language's audio; the splitter's
 * copies. An unreachable mixer ends the call; it is retried with backoff, forever.
 */
export class Output implements Sink {
  readonly child: SupervisedChild;
  private stdin?: Writable;
  private connected = false;
  private bytes = 0;
  private droppedBytes = 0;
  private connections = 0;
  private rejectedCalls = 0;
  private plan?: AudioPlan;
  private readonly meter = new LevelMeter();

  constructor(
    private readonly out: OutputConfig,
    cfg: SupervisorConfig,
    secrets: SecretFiles,
    redact: (line: string) => string,
  ) {
    this.child = new SupervisedChild({
      name: `output:${out.name}`,
      command: 'ffmpeg',
      args: () => [
        ...QUIET,
        // Info level for the meter readings and the "Output #0" line of a call that connected.
        ...['-loglevel', 'level+info', ...PIPE_IN],
        ...this.mapping(),
        ...callerArgs(out, cfg, secrets),
      ],
      redact,
      onLine: (line) => this.onLine(line),
      onStart: (stdin) => {
        this.stdin = stdin;
      },
      onExit: () => {
        this.stdin = undefined;
        this.connected = false;
      },
    });
  }

  /** Relay: (re)start with the audio the feed now carries. Splitter: start once. */
  feedLayout(layout: AudioLayout | undefined): void {
    if (this.out.audio && layout) this.plan = audioPlan(this.out.audio, layout);
    if (this.child.running) this.child.recycle();
    else void this.child.start();
  }

  writable(): Writable | undefined {
    return this.stdin;
  }

  delivered(bytes: number): void {
    if (this.connected) this.bytes += bytes;
    else this.droppedBytes += bytes;
  }

  dropped(bytes: number): void {
    this.droppedBytes += bytes;
  }

  async stop(): Promise<void> {
    await this.child.stop();
  }

  status(): MediaOutputStatus {
    const plan = this.plan;
    return {
      name: this.out.name,
      target: `${this.out.host}:${this.out.port}`,
      connected: this.connected,
      bytes: this.bytes,
      droppedBytes: this.droppedBytes,
      reconnects: Math.max(this.connections - 1, 0),
      rejectedCalls: this.rejectedCalls,
      restarts: this.child.restarts,
      ...(plan && {
        audio: {
          source: plan.source,
          ...(plan.floor && { floor: plan.floor }),
          missing: plan.missing,
          floorMissing: plan.floorMissing,
          ...this.meter.level(),
        },
      }),
    };
  }

  private mapping(): string[] {
    if (!this.plan) return ['-map', '0:v?', '-map', '0:a?', '-c', 'copy'];
    return [
      ...['-filter_complex', this.plan.filter, '-map', '0:v:0?', '-map', '[aout]'],
      ...['-c:v', 'copy', '-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2'],
    ];
  }

  private onLine(line: string): void {
    if (this.meter.line(line)) return;
    if (line.startsWith('Output #0')) {
      this.connected = true;
      this.connections += 1;
    }
    // libsrt's own line when the mixer refuses the handshake (a passphrase that differs).
    if (line.includes('REJECT reported')) this.rejectedCalls += 1;
  }
}
