/**
 * Issue 12 fault injection, part 3: full disks. Each case mounts a small tmpfs (the tests run
 * as root in .ci/run; without the right to mount they fail and say so, never skip), fills it,
 * and runs the real launcher against it. The state folder full: terraform creates resources
 * and cannot save state; nothing may be lost or called empty. The log folder full: the run and
 * the dashboard go on and report the outcome. Every mount and process is removed afterwards.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  KEYS,
  LAUNCHER,
  makeSandbox,
  requireTerraform,
  runCli,
  Sandbox,
  stateResources,
} from './support/sandbox';

let box: Sandbox;
let keysFile: string;
const mounts: string[] = [];
const started: ChildProcess[] = [];

function mountTmpfs(dir: string, kib: number): void {
  fs.mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k,mode=0700`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
  } catch (err) {
    throw new Error(
      `the full-disk cases mount a small tmpfs and need root (as in .ci/run): ${(err as Error).message}`,
    );
  }
  mounts.push(dir);
}

/** Fills the file system under dir until `leaveBytes` remain free (in whole pages). */
function fill(dir: string, leaveBytes: number): string {
  const filler = path.join(dir, '.filler');
  const { bavail, bsize } = fs.statfsSync(dir);
  const bytes = bavail * bsize - leaveBytes;
  fs.writeFileSync(filler, Buffer.alloc(Math.max(bytes, 0)));
  return filler;
}

beforeAll(() => {
  requireTerraform();
  box = makeSandbox('faults-disk');
  keysFile = path.join(box.root, 'keys.txt');
  fs.writeFileSync(keysFile, KEYS.join('\n'));
});
afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of mounts.reverse()) execFileSync('umount', ['-l', dir]);
  box.remove();
});

describe('the state folder fills up during an apply', () => {
  it('keeps errored.tfstate, never says "nothing remains", names what exists and how to remove it', async () => {
    const stateDir = path.join(box.root, 'small-state');
    mountTmpfs(stateDir, 64);
    fs.mkdirSync(path.join(stateDir, 'production'), { mode: 0o700 });
    // The event's status token is kept from an earlier deploy (the engine writes a new one
    // before terraform starts, which would take the page this case leaves for terraform).
    fs.writeFileSync(
      path.join(stateDir, 'production', 'full-show.status-token'),
      'DiskFullStatusToken0123456789abc\n',
      { mode: 0o600 },
    );
    // One page: terraform's lock file fits, the state it writes at the end does not.
    const filler = fill(stateDir, 4096);
    const passphrase = path.join(box.root, 'passphrase.txt');
    fs.writeFileSync(passphrase, 'disk-full-passphrase-123');
    const env = box.env({ STREAM_CONTROL_STATE_DIR: stateDir });

    const r = await runCli(
      [
        'deploy',
        '--event',
        'full-show',
        '--youtube-keys-file',
        keysFile,
        '--srt-passphrase-file',
        passphrase,
        '--no-wait',
        '--json',
      ],
      env,
    );
    const result = JSON.parse(r.stdout);
    expect(r.code).toBe(6);
    expect(result.rolledBack).toBe(false);
    expect(result.error.code).toBe('state-not-saved');
    expect(result.error.message).toMatch(/terraform could not save its state/);
    // terraform stops at its first failed save: some resources exist, tracked only there.
    const exist = result.remaining as string[];
    expect(exist.length).toBeGreaterThan(0);
    // terraform's own words: usually the OS error; on a loaded machine it has failed at a
    // different write (an intermediate state persist) that says only "Failed to write state".
    expect(result.error.message).toMatch(/no space left on device|Failed to write state/);
    expect(result.error.message).toContain(
      `${exist.length} resource(s) exist that no state file tracks: ${exist.join(', ')}`,
    );
    expect(r.stderr).not.toMatch(/nothing remains|rolled back/);
    // The errored state is kept outside the full folder and the synth output, owner-only.
    const kept: string = result.recoveredState;
    // Beside the state when a page came free again (terraform drops its lock file), else in the
    // project's recovered-state folder.
    expect(path.basename(kept)).toBe(`full-show.tfstate.errored-${result.runId}`);
    expect([
      path.join(stateDir, 'production'),
      path.join(box.projectDir, 'recovered-state'),
    ]).toContain(path.dirname(kept));
    expect(
      fs.existsSync(
        path.join(
          box.projectDir,
          'cdktf.out',
          'events',
          'production',
          'full-show',
          'stacks',
          'full-show',
          'errored.tfstate',
        ),
      ),
    ).toBe(false);
    expect(fs.statSync(kept).mode & 0o777).toBe(0o600);
    expect(stateResources(kept).sort()).toEqual([...exist].sort());
    const stateFile = path.join(stateDir, 'production', 'full-show.tfstate');
    expect(result.error.hint).toBe(
      `once there is room again, put the state back and remove them: cp ${kept} ${stateFile} && ./stream-control teardown --event full-show --env production --confirm`,
    );

    // Room again: the one command from the hint brings everything back down.
    fs.rmSync(filler);
    execFileSync('cp', [kept, stateFile]);
    const down = await runCli(['teardown', '--event', 'full-show', '--confirm'], env);
    expect(down.stderr).toContain(`destroyed ${exist.length} resource(s)`);
    expect(down.code).toBe(0);
    expect(stateResources(stateFile)).toEqual([]);
  }, 240_000);
});

describe("the state folder has no room for the event's generated status token", () => {
  it('stops before terraform with one line naming the file, leaves no cut file, creates nothing', async () => {
    const stateDir = path.join(box.root, 'no-room-state');
    mountTmpfs(stateDir, 64);
    fs.mkdirSync(path.join(stateDir, 'production'), { mode: 0o700 });
    const filler = fill(stateDir, 0);
    const passphrase = path.join(box.root, 'passphrase-no-room.txt');
    fs.writeFileSync(passphrase, 'no-room-passphrase-123');
    const env = box.env({ STREAM_CONTROL_STATE_DIR: stateDir });
    const args = ['deploy', '--event', 'room-show', '--youtube-keys-file', keysFile];
    const r = await runCli(
      [...args, '--srt-passphrase-file', passphrase, '--no-wait', '--json'],
      env,
    );
    expect(r.code).not.toBe(0);
    const result = JSON.parse(r.stdout);
    const token = path.join(stateDir, 'production', 'room-show.status-token');
    expect(result.error.message).toContain(`could not keep a generated credential in ${token}`);
    expect(result.error.message).toMatch(/ENOSPC/);
    // Nothing half-written that a later deploy would take for "no token kept".
    expect(fs.readdirSync(path.join(stateDir, 'production'))).toEqual([]);
    expect(fs.existsSync(path.join(stateDir, 'production', 'room-show.tfstate'))).toBe(false);
    expect(r.stderr).not.toMatch(/phase apply started|Deploying infrastructure/);

    // Room again: the same deploy works and keeps the token it generated.
    fs.rmSync(filler);
    const again = await runCli([...args, '--srt-passphrase-file', passphrase, '--no-wait'], env);
    expect(again.code).toBe(0);
    expect(fs.readFileSync(token, 'utf8')).toMatch(/^[A-Za-z0-9]{32}\n$/);
    expect(fs.statSync(token).mode & 0o777).toBe(0o600);
    const down = await runCli(['teardown', '--event', 'room-show', '--confirm'], env);
    expect(down.code).toBe(0);
    expect(fs.existsSync(token)).toBe(false);
  }, 240_000);
});

describe('the log folder is full', () => {
  let logDir: string;
  beforeAll(() => {
    logDir = path.join(box.root, 'small-logs');
    mountTmpfs(logDir, 16);
    fill(logDir, 0);
  });

  it('the CLI deploys and tears down anyway, saying once that the log could not be written', async () => {
    const env = box.env({ STREAM_CONTROL_LOG_DIR: logDir });
    const up = await runCli(
      ['deploy', '--event', 'nolog-show', '--youtube-keys-file', keysFile, '--no-wait'],
      env,
    );
    expect(up.code).toBe(0);
    const warnings = up.stderr.split('\n').filter((l) => /could not be written/.test(l));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^ {2}warn: log file .*nolog-show\.log could not be written \(ENOSPC\); the run goes on without it$/,
      ),
    ]);
    expect(up.stdout).toMatch(/nolog-show/);
    const down = await runCli(['teardown', '--event', 'nolog-show', '--confirm'], env);
    expect(down.code).toBe(0);
  }, 180_000);

  it('the dashboard stays up, answers 202 and reports the outcome', async () => {
    const child = spawn(LAUNCHER, ['dashboard', '--port', '0'], {
      env: box.env({ STREAM_CONTROL_LOG_DIR: logDir, STREAM_CONTROL_HEALTH_ATTEMPTS: '1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(child);
    let stdout = '';
    child.stdout!.on('data', (d) => (stdout += d));
    const deadline = Date.now() + 30_000;
    let open: RegExpMatchArray | null = null;
    while (!(open = stdout.match(/Open: (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/))) {
      if (Date.now() > deadline) throw new Error(`dashboard did not start: ${stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const [, base, token] = open;
    const headers = { 'content-type': 'application/json', 'x-stream-control-token': token };
    const started202 = await fetch(`${base}/api/deploy`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        event: 'dash-nolog',
        youtubeKeys: { original: KEYS[0], spanish: KEYS[1], french: KEYS[2] },
      }),
    });
    expect(started202.status).toBe(202);
    const { run } = (await started202.json()) as { run: { id: string } };
    let summary: { finished: boolean; exitCode?: number } = { finished: false };
    while (!summary.finished) {
      if (Date.now() > deadline + 120_000) throw new Error('the deploy never finished');
      await new Promise((resolve) => setTimeout(resolve, 500));
      summary = await (await fetch(`${base}/api/runs/${run.id}`, { headers })).json();
    }
    // Health cannot pass against the fixture's loopback addresses: deployed, not healthy (5).
    expect(summary.exitCode).toBe(5);
    expect(child.exitCode).toBeNull();
    expect((await fetch(`${base}/api/events`, { headers })).status).toBe(200);
    child.kill('SIGTERM');
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    const down = await runCli(['teardown', '--event', 'dash-nolog', '--confirm'], box.env());
    expect(down.code).toBe(0);
  }, 240_000);
});
