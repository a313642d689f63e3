/**
 * Issue 12 fault injection, part 2: the CLI and the dashboard killed (SIGKILL) or hung up on
 * (SIGHUP) in the middle of an apply, through the real launcher. Afterwards no cdktf or
 * terraform of that run may be alive, the lock is stale only once none is, and a second deploy
 * and a teardown work. Every process a case starts is gone when it ends.
 */
import { ChildProcess, spawn } from 'node:child_process';
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
import { waitFor } from './support/procs';

let box: Sandbox;
let keysFile: string;
const started: ChildProcess[] = [];
beforeAll(() => {
  requireTerraform();
  box = makeSandbox('faults-signals');
  keysFile = path.join(box.root, 'keys.txt');
  fs.writeFileSync(keysFile, KEYS.join('\n'));
});
afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  box.remove();
});

/** Processes whose process group is pgid, as "pid comm". */
function members(pgid: number): string[] {
  const out: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') out.push(`${pid} ${comm}`);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function lockOf(event: string): { pid: number; processGroups?: number[] } | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(box.lockDir, `production-${event}.lock`), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Waits until terraform runs the apply in a process group the lock names; returns that group. */
function applying(event: string): Promise<number> {
  // The log says when the apply starts; before it, a group is synth's (cdktf may run
  // `terraform version` there).
  const started = () =>
    fs.existsSync(box.logDir) &&
    fs
      .readdirSync(box.logDir)
      .filter((f) => f.endsWith(`-deploy-${event}.log`))
      .some((f) =>
        fs.readFileSync(path.join(box.logDir, f), 'utf8').includes('phase apply started'),
      );
  return waitFor(() => {
    if (!started()) return undefined;
    // The apply's own group: terraform with the provisioner's sleep under it. cdktf runs the
    // apply in a pseudo-terminal, a group of its own, which the lock must name too.
    const g = (lockOf(event)?.processGroups ?? []).find((g) => {
      const m = members(g);
      return m.some((x) => / terraform$/.test(x)) && m.some((x) => / sleep$/.test(x));
    });
    return g;
  }, `terraform applying ${event}`).catch((err: Error) => {
    // What the run did instead, so a timeout says why rather than only that it waited.
    const logs = fs.existsSync(box.logDir)
      ? fs
          .readdirSync(box.logDir)
          .filter((f) => f.endsWith(`-deploy-${event}.log`))
          .map((f) => fs.readFileSync(path.join(box.logDir, f), 'utf8').split('\n').slice(-25))
          .flat()
      : [];
    const lock = lockOf(event);
    const groups = (lock?.processGroups ?? []).map((g) => `${g}: ${members(g).join(', ')}`);
    throw new Error(
      `${err.message}\nlock: ${JSON.stringify(lock)}\ngroups: ${groups.join('; ')}\nlog:\n${logs.join('\n')}`,
    );
  });
}

function watchdogsOf(pgid: number): string[] {
  const out: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (argv.includes('stream-control-watchdog') && argv.includes(String(pgid))) out.push(pid);
    } catch {
      // gone
    }
  }
  return out;
}

function start(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(LAUNCHER, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code)),
  );
}

/** After the front end is gone: its run's children end, then the same event deploys and tears down. */
async function expectRecovered(event: string, group: number): Promise<void> {
  // Terraform's own group, then every group the run's lock names (cdktf's too): the lock is
  // stale only when none of them lives.
  const groups = [group, ...(lockOf(event)?.processGroups ?? [])];
  for (const g of groups)
    await waitFor(() => members(g).length === 0 || undefined, `process group ${g} to end`, 60_000);
  for (const g of groups)
    await waitFor(() => watchdogsOf(g).length === 0 || undefined, 'the watchdogs to leave', 10_000);
  const again = await runCli(
    ['deploy', '--event', event, '--youtube-keys-file', keysFile, '--no-wait'],
    box.env(),
  );
  expect(again.stderr).not.toMatch(/locked by/);
  expect(again.code).toBe(0);
  const file = path.join(box.stateDir, 'production', `${event}.tfstate`);
  expect(stateResources(file).length).toBeGreaterThan(0);
  const down = await runCli(['teardown', '--event', event, '--confirm'], box.env());
  expect(down.code).toBe(0);
  expect(stateResources(file)).toEqual([]);
  expect(lockOf(event)).toBeUndefined();
}

describe('the CLI dies mid-apply', () => {
  it('SIGKILL: terraform ends with it, the lock waits for it, then deploy and teardown work', async () => {
    const cli = start(
      ['deploy', '--event', 'kill-show', '--youtube-keys-file', keysFile],
      box.env({ FIXTURE_SLEEP: '60' }),
    );
    const group = await applying('kill-show');
    cli.kill('SIGKILL');
    await exited(cli);
    // Right after the kill terraform still runs: the lock is not stale, a second run waits.
    if (members(group).length > 0) {
      const early = await runCli(
        ['deploy', '--event', 'kill-show', '--youtube-keys-file', keysFile, '--no-wait'],
        box.env(),
      );
      if (members(group).length > 0) {
        expect(early.code).toBe(4);
        expect(early.stderr).toMatch(/is locked by deploy run/);
      }
    }
    await expectRecovered('kill-show', group);
  }, 360_000);

  it('SIGHUP (the terminal closed): the run stops like Ctrl-C and says what remains', async () => {
    const cli = start(
      ['deploy', '--event', 'hup-show', '--youtube-keys-file', keysFile],
      box.env({ FIXTURE_SLEEP: '60' }),
    );
    let stderr = '';
    cli.stderr!.on('data', (d) => (stderr += d));
    const group = await applying('hup-show');
    cli.kill('SIGHUP');
    const code = await exited(cli);
    expect(code).toBe(130);
    expect(stderr).toMatch(/error: interrupted; (\d+ resource\(s\) remain|could not check)/);
    expect(lockOf('hup-show')).toBeUndefined();
    await expectRecovered('hup-show', group);
  }, 360_000);
});

describe('the dashboard dies mid-apply', () => {
  async function dashboardDeploy(event: string): Promise<{ child: ChildProcess; group: number }> {
    const child = start(['dashboard', '--port', '0'], box.env({ FIXTURE_SLEEP: '60' }));
    let stdout = '';
    child.stdout!.on('data', (d) => (stdout += d));
    const open = await waitFor(
      () => stdout.match(/Open: (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/) ?? undefined,
      'the dashboard to listen',
      30_000,
    );
    const response = await fetch(`${open[1]}/api/deploy`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-stream-control-token': open[2] },
      body: JSON.stringify({
        event,
        youtubeKeys: { original: KEYS[0], spanish: KEYS[1], french: KEYS[2] },
      }),
    });
    expect(response.status).toBe(202);
    return { child, group: await applying(event) };
  }

  it('SIGKILL: terraform ends with it; then deploy and teardown work', async () => {
    const { child, group } = await dashboardDeploy('dash-kill');
    child.kill('SIGKILL');
    await exited(child);
    await expectRecovered('dash-kill', group);
  }, 360_000);

  it('SIGHUP: the runs are cancelled, the dashboard stops, the lock is released', async () => {
    const { child, group } = await dashboardDeploy('dash-hup');
    child.kill('SIGHUP');
    expect(await exited(child)).toBe(130);
    expect(lockOf('dash-hup')).toBeUndefined();
    await expectRecovered('dash-hup', group);
  }, 360_000);
});
