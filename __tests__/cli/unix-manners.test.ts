/**
 * The CLI behaves like a Unix tool: data on stdout, progress and diagnostics on stderr, a
 * closed pipe ends it quietly, --version, help for an 80-column terminal, "did you mean", and
 * log files only for commands that change something. Through the real launcher.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LAUNCHER, makeSandbox, REPO, runCli, Sandbox } from './support/sandbox';

let box: Sandbox;

/** A deployed event as terraform leaves it: local state with resources and outputs. */
function deployedState(slug: string): void {
  const file = path.join(box.stateDir, 'production', `${slug}.tfstate`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const outputs = {
    resource_group: { value: `rg-streaming-${slug}-production`, type: 'string' },
    expires_at: { value: '2099-01-01T00:00:00.000Z', type: 'string' },
    program_ingest_url: { value: 'srt://127.0.0.7:9998?mode=caller', type: 'string' },
    slides_ingest_url: { value: 'srt://127.0.0.8:9997?mode=caller', type: 'string' },
    mixers: {
      value: Array.from({ length: 40 }, (_, i) => ({
        language: `lang${i}`,
        computer_name: `mx${i}`,
        private_ip: `10.42.2.${11 + i}`,
        public_ip: '',
        rdp: '',
      })),
    },
    mixer_admin_password: { value: 'admin-password-canary', sensitive: true },
  };
  fs.writeFileSync(
    file,
    JSON.stringify({
      version: 4,
      outputs,
      resources: [{ mode: 'managed', type: 'terraform_data', name: 'group', instances: [{}] }],
    }),
  );
}

beforeAll(() => {
  box = makeSandbox('unix');
  deployedState('pipe-show');
});
afterAll(() => box.remove());

describe('data on stdout, progress and diagnostics on stderr', () => {
  it('outputs > file holds the connection info and nothing else', async () => {
    const r = await runCli(['outputs', '--event', 'pipe-show'], box.env());
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe(
      'Event pipe-show (production), resource group rg-streaming-pipe-show-production, expires 2099-01-01T00:00:00.000Z',
    );
    expect(r.stdout).toContain('  program  srt://127.0.0.7:9998?mode=caller');
    expect(r.stdout).not.toMatch(/^(Log:|▶|✓)/m);
  });

  it('a run that changes something shows its progress on stderr, its result on stdout', async () => {
    const r = await runCli(['teardown', '--event', 'never-deployed', '--confirm'], box.env());
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Log: .*teardown-never-deployed\.log\n▶ Validating input\n/);
    expect(r.stdout).toBe('Nothing left to tear down for never-deployed (production).\n');
  });

  it('--json prints the error as one document when the command cannot start', async () => {
    const r = await runCli(['deploy', '--event', 'x1y', '--json'], box.env());
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: false,
      exitCode: 2,
      error: {
        code: 'bad-input',
        message: 'no YouTube stream keys given; this event needs 3 (original, spanish, french)',
        hint: expect.stringMatching(/--youtube-keys-file/),
      },
    });
    expect(r.stderr).toMatch(/^error: no YouTube stream keys given/);
  });
});

describe('a closed pipe ends the CLI quietly', () => {
  it('when the reader has gone before anything is written', async () => {
    const child = spawn(LAUNCHER, ['outputs', '--event', 'pipe-show'], {
      env: box.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('under `| head -1` with pipefail', () => {
    const r = spawnSync(
      'bash',
      ['-c', `set -o pipefail; '${LAUNCHER}' outputs --event pipe-show | head -1`],
      { env: box.env(), encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Event pipe-show \(production\)[^\n]*\n$/);
  });
});

describe('--version, help and "did you mean"', () => {
  it('--version prints the name and the package version', async () => {
    const version = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;
    const r = await runCli(['--version'], box.env());
    expect(r).toMatchObject({ code: 0, stdout: `stream-control ${version}\n`, stderr: '' });
  });

  it.each([
    [[]],
    [['--help']],
    ...['deploy', 'status', 'teardown', 'plan', 'list', 'outputs', 'cleanup', 'platform'].map(
      (c) => [[c, '--help']],
    ),
  ])('help %j fits 80 columns and carries no Markdown', async (argv) => {
    const r = await runCli(argv as string[], box.env());
    const text = r.stdout + r.stderr;
    expect(text.length).toBeGreaterThan(200);
    for (const line of text.split('\n')) {
      expect([...line].length).toBeLessThanOrEqual(80);
      expect(line).not.toMatch(/^#|^```|^\s*\||`|\*\*/);
    }
  });

  it.each([
    [['stauts'], /unknown command "stauts"/, /did you mean "status"\?/],
    [['plan', '--evnt', 'x'], /unknown option --evnt for plan/, /did you mean --event\?/],
    [['teardown', '--confrim'], /unknown option --confrim/, /did you mean --confirm\?/],
    [
      ['platform', 'deplyo'],
      /unknown platform command "deplyo"/,
      /did you mean "platform deploy"\?/,
    ],
  ])('%j suggests the closest word', async (argv, error, hint) => {
    const r = await runCli(argv, box.env());
    expect(r.code).toBe(2);
    const [first, second] = r.stderr.trim().split('\n');
    expect(first).toMatch(error);
    expect(second).toMatch(/^hint: /);
    expect(second).toMatch(hint);
  });

  it('suggests nothing for a word that is far from every command', async () => {
    const r = await runCli(['frobnicate'], box.env());
    expect(r.stderr).not.toMatch(/did you mean/);
  });
});

describe('log files only for commands that change something', () => {
  it('reads leave no log; a teardown leaves one', async () => {
    const logs = () => (fs.existsSync(box.logDir) ? fs.readdirSync(box.logDir) : []);
    const before = logs();
    for (const argv of [
      ['list'],
      ['list', '--json'],
      ['outputs', '--event', 'pipe-show'],
      ['platform', 'status'],
      ['plan', '--event', 'pipe-show'],
    ]) {
      const r = await runCli(argv, box.env());
      expect(r.code).toBe(0);
    }
    expect(logs()).toEqual(before);
    await runCli(['teardown', '--event', 'log-show', '--confirm'], box.env());
    const added = logs().filter((f) => !before.includes(f));
    expect(added).toEqual([expect.stringMatching(/-teardown-log-show\.log$/)]);
  });
});
