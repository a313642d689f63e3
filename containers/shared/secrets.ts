import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SupervisorConfig } from './config';

/**
 * The passphrase never enters a child's argv (/proc/<pid>/cmdline is world-readable) nor its
 * environment. ffmpeg 5.1 reads protocol options from two kinds of file: an output preset
 * (-fpre, "key=value" lines) and an ffconcat list ("option key value"). Both live in a
 * directory only the supervisor's user can enter, the same exposure as the supervisor's own
 * environment, and go when it stops.
 */
export class SecretFiles {
  private readonly dir = mkdtempSync(join(tmpdir(), 'srt-'));
  /** -fpre file for every SRT caller (outputs); undefined without a passphrase. */
  readonly callerPreset?: string;
  /** ffconcat list whose one entry is the venue's SRT listener (ingest). */
  readonly ingestList: string;

  constructor(cfg: SupervisorConfig) {
    const pass = cfg.passphrase;
    if (pass !== undefined) {
      this.callerPreset = this.write(
        'caller.ffpreset',
        `passphrase=${pass}\nenforced_encryption=1\n`,
      );
    }
    const listener = [
      'mode=listener',
      `latency=${cfg.latencyMs * 1000}`,
      `peer_idle_timeout=${cfg.peerIdleTimeoutMs * 1000}`,
    ].join('&');
    this.ingestList = this.write(
      'ingest.ffconcat',
      [
        'ffconcat version 1.0',
        `file 'srt://0.0.0.0:${cfg.ingestPort}?${listener}'`,
        ...(pass !== undefined
          ? [`option passphrase ${pass}`, 'option enforced_encryption 1']
          : []),
        '',
      ].join('\n'),
    );
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private write(name: string, text: string): string {
    const path = join(this.dir, name);
    writeFileSync(path, text, { mode: 0o600 });
    return path;
  }
}
