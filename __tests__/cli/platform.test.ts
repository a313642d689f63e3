/**
 * `./stream-control platform ...` through the real launcher: deploy and destroy run the real
 * cdktf and terraform on the fixture app's platform stand-in (terraform_data, local state in
 * the sandbox); build-image runs a Packer stand-in that records what it was asked.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeSandbox, requireTerraform, runCli, Sandbox } from './support/sandbox';

// Every case runs terraform one to three times; a busy two-core machine needs the room.
jest.setTimeout(180_000);

let box: Sandbox;
let bin: string;
let packerLog: string;

const IMAGE_DEF =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-platform-streaming-production/providers/Microsoft.Compute/galleries/gal_stream_production/images/img-mixer-win2022-obs';

/** A `packer` on PATH that records its arguments and folder, and fails when asked to. */
function writePackerStandIn(): void {
  bin = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-packer-'));
  packerLog = path.join(bin, 'calls.log');
  fs.writeFileSync(
    path.join(bin, 'packer'),
    [
      '#!/bin/sh',
      `printf '%s|%s\\n' "$PWD" "$*" >> '${packerLog}'`,
      'echo "==> azure-arm.mixer: step for $1"',
      'if [ "$PACKER_FAIL" = "$1" ]; then echo "Error: quota exceeded for $1" >&2; exit 1; fi',
    ].join('\n'),
    { mode: 0o755 },
  );
}

function packerCalls(): { cwd: string; args: string }[] {
  if (!fs.existsSync(packerLog)) return [];
  return fs
    .readFileSync(packerLog, 'utf8')
    .trim()
    .split('\n')
    .map((l) => {
      const [cwd, args] = l.split('|');
      return { cwd, args };
    });
}

const env = (extra: Record<string, string> = {}) =>
  box.env({ PATH: `${bin}:${process.env.PATH}`, ...extra });
const stateFile = (environment: string) =>
  path.join(box.stateDir, 'platform', `${environment}.tfstate`);
const stateResources = (file: string): string[] =>
  fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')).resources ?? []).map(
        (r: { type: string; name: string }) => `${r.type}.${r.name}`,
      )
    : [];

beforeAll(() => {
  requireTerraform();
  box = makeSandbox('platform');
  writePackerStandIn();
  // build-image runs Packer in <project>/platform/packer.
  fs.mkdirSync(path.join(box.projectDir, 'platform', 'packer'), { recursive: true });
  fs.writeFileSync(path.join(box.projectDir, 'platform', 'packer', 'mixer.pkr.hcl'), '');
});
afterAll(() => {
  box.remove();
  fs.rmSync(bin, { recursive: true, force: true });
});
beforeEach(() => fs.rmSync(packerLog, { force: true }));

describe('stream-control platform', () => {
  it('prints its help, and names the subcommands for a mistyped one', async () => {
    const help = await runCli(['platform', '--help'], env());
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/platform deploy/);
    expect(help.stdout).toMatch(/platform build-image/);
    const wrong = await runCli(['platform', 'frobnicate'], env());
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^error: unknown platform command "frobnicate"/m);
    expect(wrong.stderr).toMatch(/deploy, status, destroy, build-image/);
  });

  it('status before a deploy: not deployed, and the idle cost of the preset', async () => {
    const r = await runCli(['platform', 'status', '--env', 'production'], env());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/platform-production: not deployed from this machine/);
    expect(r.stdout).toMatch(/total\s+\$\s+6\.60/);
    const json = await runCli(['platform', 'status', '--env', 'development', '--json'], env());
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      command: 'platform-status',
      environment: 'development',
      stack: 'platform-development',
      deployed: false,
      idleCost: { preset: 'registry-free', totalMonthlyUsd: 0 },
    });
  });

  it('build-image before the platform exists says which command makes it, and runs nothing', async () => {
    const r = await runCli(['platform', 'build-image', '--env', 'staging'], env());
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/^error: no mixer image definition for staging$/m);
    expect(r.stderr).toMatch(/^hint: run \.\/stream-control platform deploy --env staging first$/m);
    expect(packerCalls()).toEqual([]);
  });

  it('deploys the platform with cdktf and terraform, state in the state folder', async () => {
    const r = await runCli(['platform', 'deploy', '--env', 'production'], env());
    expect(r.stderr).not.toMatch(/^(error|warning):/m);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`platform-production deployed in .*; state in ${stateFile('production')}`),
    );
    expect(r.stdout).toMatch(/registry: {4}crstreamprod8cff1f\.azurecr\.io/);
    expect(stateResources(stateFile('production'))).toEqual([
      'terraform_data.group',
      'terraform_data.registry',
    ]);
    // The same Run as every command: phases with times, and a log file naming the run.
    expect(r.stderr).toMatch(/▶ Locking platform-production[\s\S]*✓ apply \(/);
    const logs = fs.readdirSync(box.logDir).filter((f) => f.includes('platform-deploy'));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/-platform-deploy-platform-production\.log$/);

    const status = await runCli(['platform', 'status', '--env', 'production'], env());
    expect(status.stdout).toMatch(/platform-production: deployed \(outputs from state\)/);
    expect(status.stdout).toContain(`mixer image: ${IMAGE_DEF}`);
  });

  it('build-image runs packer init, then packer build with the platform outputs', async () => {
    const r = await runCli(
      ['platform', 'build-image', '--env', 'production', '--image-version', '1.20261125.930'],
      env(),
    );
    expect(r.stderr).not.toMatch(/^(error|warning):/m);
    expect(r.code).toBe(0);
    const calls = packerCalls();
    expect(calls.map((c) => c.args.split(' ')[0])).toEqual(['init', 'build']);
    expect(calls[1].cwd).toBe(path.join(box.projectDir, 'platform', 'packer'));
    expect(calls[1].args).toContain('-var gallery_name=gal_stream_production');
    expect(calls[1].args).toContain('-var image_name=img-mixer-win2022-obs');
    expect(calls[1].args).toContain('-var image_version=1.20261125.930');
    expect(calls[1].args).toContain('-var subscription_id=00000000-0000-0000-0000-000000000000');
    expect(r.stderr).toMatch(/==> azure-arm\.mixer: step for build/);
    expect(r.stdout).toMatch(/Published img-mixer-win2022-obs 1\.20261125\.930/);
  });

  it('build-image names a version from the clock when none is given', async () => {
    const r = await runCli(['platform', 'build-image', '--env', 'production', '--json'], env());
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.version).toMatch(/^1\.20\d{6}\.\d{1,4}$/);
    expect(packerCalls()[1].args).toContain(`-var image_version=${result.version}`);
  });

  it('a failed packer build says so with its cause and that nothing was published', async () => {
    const r = await runCli(
      ['platform', 'build-image', '--env', 'production'],
      env({ PACKER_FAIL: 'build' }),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: packer build failed \(exit 1\): Error: quota exceeded for build; no version was published$/m,
    );
    expect(r.stderr).not.toMatch(/✓ build/);
    expect(r.stderr).toMatch(/✗ build failed/);
  });

  it.each([
    [['--image-version', 'v2'], 2, /image version "v2" must be Major\.Minor\.Patch/],
    [
      ['--env', 'development'],
      2,
      /the development platform has no image gallery \(preset registry-free\)/,
    ],
    [['--env', 'moon'], 2, /environment "moon" is unknown/],
  ])('build-image refuses %j before running anything', async (argv, code, message) => {
    const r = await runCli(['platform', 'build-image', ...argv], env());
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(packerCalls()).toEqual([]);
  });

  it('build-image without Packer is a missing prerequisite', async () => {
    const r = await runCli(
      ['platform', 'build-image', '--env', 'production'],
      env({ STREAM_CONTROL_PACKER: path.join(bin, 'no-such-packer') }),
    );
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/^error: packer is not installed/m);
    expect(r.stderr).toMatch(/^hint: install Packer 1\.10 or newer/m);
  });

  it('refuses a second run on the platform while one holds its lock', async () => {
    const lock = path.join(box.lockDir, 'platform-production.lock');
    fs.mkdirSync(box.lockDir, { recursive: true });
    fs.writeFileSync(
      lock,
      JSON.stringify({
        pid: process.pid,
        host: os.hostname(),
        user: 'someone',
        command: 'platform-deploy',
        runId: 'other-run',
        startedAt: new Date().toISOString(),
      }),
    );
    try {
      const r = await runCli(['platform', 'deploy', '--env', 'production'], env());
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/is locked by platform-deploy run other-run/);
    } finally {
      fs.rmSync(lock, { force: true });
    }
  });

  it('destroy refuses without --confirm and without a terminal, touching nothing', async () => {
    const r = await runCli(['platform', 'destroy', '--env', 'production'], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to destroy the production platform without --confirm/);
    expect(stateResources(stateFile('production'))).toHaveLength(2);
  });

  it('destroy refuses while an event of the environment is deployed', async () => {
    const eventState = path.join(box.stateDir, 'production', 'live-show.tfstate');
    fs.mkdirSync(path.dirname(eventState), { recursive: true });
    fs.writeFileSync(
      eventState,
      JSON.stringify({ version: 4, resources: [{ mode: 'managed', type: 'x', name: 'y' }] }),
    );
    try {
      const r = await runCli(['platform', 'destroy', '--env', 'production', '--confirm'], env());
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/1 event\(s\) of production are still deployed \(live-show\)/);
      expect(r.stderr).toMatch(/hint: tear them down first: .*teardown --event live-show/);
      expect(stateResources(stateFile('production'))).toHaveLength(2);
    } finally {
      fs.rmSync(eventState, { force: true });
    }
  });

  it('destroys the platform when confirmed, and a second destroy finds nothing', async () => {
    const r = await runCli(['platform', 'destroy', '--env', 'production', '--confirm'], env());
    expect(r.stderr).not.toMatch(/^(error|warning):/m);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Destroyed 2 resource\(s\) of platform-production/);
    expect(stateResources(stateFile('production'))).toEqual([]);
    const again = await runCli(['platform', 'destroy', '--env', 'production', '--confirm'], env());
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Nothing left to destroy for platform-production/);
  });

  it('a failed deploy names the cause and what really remains, with the next command', async () => {
    const r = await runCli(['platform', 'deploy', '--env', 'staging'], env({ FIXTURE_FAIL: '1' }));
    expect(r.code).toBe(1);
    // The cause is terraform's own line, not "see the log file".
    expect(r.stderr).toMatch(
      /^error: platform deploy failed: local-exec provisioner error: Error running command 'test -z/m,
    );
    // What remains is read back from the state: the group, and the registry terraform keeps
    // as tainted after its provisioner failed.
    const remaining = stateResources(stateFile('staging'));
    expect(remaining).toEqual(['terraform_data.group', 'terraform_data.registry']);
    expect(r.stdout).toContain(`Still deployed: ${remaining.join(', ')}`);
    expect(r.stderr).toMatch(
      /^hint: 2 resource\(s\) exist; fix the cause and run `\.\/stream-control platform deploy --env staging` again/m,
    );
    expect(r.stderr).not.toMatch(/✓ apply/);
    expect(r.stderr).toMatch(/✗ apply failed/);
  });
});
