import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEngine } from '../../engine';
import { processes, terraformApplyOf, waitFor } from './support/procs';
import { allText, KEYS, makeSandbox, requireTerraform, runCli, Sandbox } from './support/sandbox';

// Every case runs terraform one to three times; a busy two-core machine needs the room.
jest.setTimeout(180_000);

const PASSPHRASE = 'canaryPASS-phrase-9999';
const CANARIES = [...KEYS, PASSPHRASE];

let box: Sandbox;
beforeAll(() => {
  requireTerraform();
  box = makeSandbox('secrets');
});
afterAll(() => box.remove());

describe('secrets reach terraform only through its environment; one run per event', () => {
  it('keeps keys out of argv, stdout, the log and state, and refuses a second run naming the holder', async () => {
    const env = box.env({
      STREAM_YOUTUBE_KEYS: KEYS.join(','),
      STREAM_SRT_PASSPHRASE: PASSPHRASE,
      // The apply lingers in a provisioner so /proc can be read while terraform runs.
      FIXTURE_SLEEP: '4',
    });
    let firstPid = 0;
    const startedSeconds = Math.floor(Date.now() / 1000);
    const first = runCli(
      ['deploy', '--event', 'Secret Show', '--no-wait'],
      env,
      (pid) => (firstPid = pid),
    );

    const terraform = await waitFor(() => terraformApplyOf('secret-show'), 'terraform apply');
    expect(terraform.environ).toContain(`TF_VAR_youtube_key_original=${KEYS[0]}`);
    expect(terraform.environ).toContain(`TF_VAR_youtube_key_french=${KEYS[2]}`);
    expect(terraform.environ).toContain(`TF_VAR_srt_passphrase=${PASSPHRASE}`);
    // The Key Vault secrets' version: this deploy's time in whole seconds.
    const version = Number(
      terraform.environ.find((e) => e.startsWith('TF_VAR_secrets_version='))?.split('=')[1],
    );
    expect(version).toBeGreaterThanOrEqual(startedSeconds);
    expect(version).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    // The parent's own copy of the key list is not handed down.
    expect(terraform.environ.some((e) => e.startsWith('STREAM_YOUTUBE_KEYS='))).toBe(false);
    // The generated status token too: from its owner-only file into terraform's environment.
    const token = fs
      .readFileSync(path.join(box.stateDir, 'production', 'secret-show.status-token'), 'utf8')
      .trim();
    expect(terraform.environ).toContain(`TF_VAR_status_token=${token}`);
    const everyArgv = processes()
      .map((p) => p.argv.join(' '))
      .join('\n');
    for (const canary of [...CANARIES, token]) expect(everyArgv).not.toContain(canary);

    // Same event, while the first run holds it.
    const second = await runCli(['deploy', '--event', 'secret-show', '--no-wait'], env);
    expect(second.code).toBe(4);
    expect(second.stderr).toMatch(
      new RegExp(`locked by deploy run \\S+ by \\S+@${os.hostname()} pid ${firstPid} since`),
    );

    const done = await first;
    expect(done.stderr).not.toMatch(/^(error|warning):/m);
    expect(done.code).toBe(0);
    expect(done.stderr.split('\n')[0]).toMatch(/^Log: .*deploy-secret-show\.log$/);
    expect(done.stderr).toMatch(/✓ apply \(/);
    expect(done.stdout).toContain(
      'Teardown: ./stream-control teardown --event secret-show --env production --confirm',
    );
    const logText = allText(box.logDir);
    expect(logText).toContain('terraform_data.relay');
    const stateText = fs.readFileSync(
      path.join(box.stateDir, 'production', 'secret-show.tfstate'),
      'utf8',
    );
    expect(stateText).not.toContain(token);
    expect(done.stdout + done.stderr + logText).not.toContain(token);
    expect(allText(path.join(box.projectDir, 'cdktf.out'))).not.toContain(token);
    for (const canary of CANARIES) {
      expect(done.stdout).not.toContain(canary);
      expect(done.stderr).not.toContain(canary);
      expect(logText).not.toContain(canary);
      expect(allText(box.stateDir)).not.toContain(canary);
      expect(allText(path.join(box.projectDir, 'cdktf.out'))).not.toContain(canary);
    }

    const down = await runCli(['teardown', '--event', 'secret-show', '--confirm'], box.env());
    expect(down.code).toBe(0);
    expect(down.stdout).toMatch(/Destroyed 7 resource\(s\) of secret-show \(production\)/);
    const again = await runCli(['teardown', '--event', 'secret-show', '--confirm'], box.env());
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/^(error|warning):/m);
    expect(again.stdout).toContain('Nothing left to tear down for secret-show (production).');
  });

  it('takes over a lock whose holder died, and says so', async () => {
    const dead = spawnSync('true').pid;
    fs.mkdirSync(box.lockDir, { recursive: true });
    const holder = {
      pid: dead,
      host: os.hostname(),
      user: 'ghost',
      command: 'deploy',
      runId: 'old-run',
      startedAt: '2026-01-01T00:00:00.000Z',
    };
    const file = path.join(box.lockDir, 'production-stale-event.lock');
    fs.writeFileSync(file, JSON.stringify(holder));
    const run = createEngine(box.options()).teardown({ event: 'stale-event', confirm: true });
    const result = await run.result;
    expect(result).toMatchObject({ exitCode: 0, nothingLeft: true });
    const warnings = run.history().filter((e) => e.type === 'log' && e.level === 'warn');
    expect(warnings.map((e) => (e as { message: string }).message)).toEqual([
      expect.stringMatching(
        new RegExp(`stale lock left by deploy run old-run by ghost@\\S+ pid ${dead}`),
      ),
    ]);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("keeps a live holder's lock and names it in the result", async () => {
    const holder = {
      pid: process.pid,
      host: os.hostname(),
      user: 'op',
      command: 'teardown',
      runId: 'live-run',
      startedAt: '2026-01-01T00:00:00.000Z',
    };
    const file = path.join(box.lockDir, 'production-busy-event.lock');
    fs.mkdirSync(box.lockDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(holder));
    const result = await createEngine(box.options()).teardown({
      event: 'busy-event',
      confirm: true,
    }).result;
    expect(result.exitCode).toBe(4);
    expect(result.error).toMatchObject({ code: 'locked', holder });
    expect(fs.existsSync(file)).toBe(true);
    fs.rmSync(file);
  });
});
