import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  private caller?: string;
  /** ffconcat list whose one entry is the venue's SRT listener (ingest). */
  readonly ingestList: string;

  constructor(private readonly cfg: SupervisorConfig) {
    this.ingestList = join(this.dir, 'ingest.ffconcat');
    this.update(cfg.passphrase);
  }

  /** -fpre file for every SRT caller (outputs); undefined without a passphrase. */
  get callerPreset(): string | undefined {
    return this.caller;
  }

  /**
   * (Re)writes both files for this passphrase (Key Vault refresh). Children read them when
   * they start, so the caller restarts them afterwards.
   */
  update(pass: string | undefined): void {
    if (pass !== undefined) {
      this.caller = this.write('caller.ffpreset', `passphrase=${pass}\nenforced_encryption=1\n`);
    }
    const listener = [
      'mode=listener',
      `latency=${this.cfg.latencyMs * 1000}`,
      `peer_idle_timeout=${this.cfg.peerIdleTimeoutMs * 1000}`,
    ].join('&');
    this.write(
      'ingest.ffconcat',
      [
        'ffconcat version 1.0',
        `file 'srt://0.0.0.0:${this.cfg.ingestPort}?${listener}'`,
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
    // A new file renamed over the old one: a child starting meanwhile reads one or the other.
    const next = `${path}.next`;
    writeFileSync(next, text, { mode: 0o600 });
    renameSync(next, path);
    return path;
  }
}
