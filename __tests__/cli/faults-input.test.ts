/**
 * Issue 12 fault injection, part 1, through the public surface (the real launcher or main()):
 * hostile input files, names that clash with JavaScript, duplicate and prototype keys, terminal
 * control in terraform's output, a damaged state file among good ones, and what a teardown
 * leaves readable. Each case asserts that nothing was touched or lost and the report is true.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEngine } from '../../engine';
import { main } from '../../scripts/cli';
import {
  FIXTURE_APP,
  KEYS,
  REPO,
  makeSandbox,
  requireTerraform,
  runCli,
  Sandbox,
} from './support/sandbox';

let box: Sandbox;
beforeAll(() => {
  requireTerraform();
  box = makeSandbox('faults-input');
});
afterAll(() => box.remove());

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    env: box.env(),
    engineOptions: box.options(),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

const nothingTouched = () => {
  expect(fs.existsSync(box.lockDir) ? fs.readdirSync(box.lockDir) : []).toEqual([]);
  expect(fs.existsSync(box.logDir) ? fs.readdirSync(box.logDir) : []).toEqual([]);
};

describe('input files: regular files only, bounded (exit 2, one line, before anything)', () => {
  const deployWith = (flag: string, file: string) => [
    'deploy',
    '--event',
    'input-show',
    ...(flag === '--youtube-keys-file'
      ? []
      : ['--youtube-keys-file', path.join(box.root, 'ok.txt')]),
    flag,
    file,
  ];
  beforeAll(() => fs.writeFileSync(path.join(box.root, 'ok.txt'), KEYS.join('\n')));

  it('a named pipe is refused without opening it (no hang)', async () => {
    const fifo = path.join(box.root, 'keys.fifo');
    execFileSync('mkfifo', [fifo]);
    for (const flag of ['--youtube-keys-file', '--srt-passphrase-file']) {
      const r = await cli(deployWith(flag, fifo));
      expect(r.code).toBe(2);
      expect(r.err[0]).toBe(`error: ${flag} ${fifo} is a named pipe; it must be a regular file`);
    }
    nothingTouched();
  });

  it('/dev/zero and a directory are refused', async () => {
    const zero = await cli(deployWith('--youtube-keys-file', '/dev/zero'));
    expect(zero.code).toBe(2);
    expect(zero.err[0]).toBe(
      'error: --youtube-keys-file /dev/zero is a character device; it must be a regular file',
    );
    const dir = await cli(deployWith('--srt-passphrase-file', box.root));
    expect(dir.code).toBe(2);
    expect(dir.err[0]).toMatch(/is a directory; it must be a regular file$/);
    nothingTouched();
  });

  it('a huge file is refused by its size, not read (no stack overflow)', async () => {
    const huge = path.join(box.root, 'huge.txt');
    fs.writeFileSync(huge, `${'original=abcdefgh-1234,'.repeat(400_000)}\n`);
    const r = await cli(deployWith('--youtube-keys-file', huge));
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe(
      `error: --youtube-keys-file ${huge} is ${fs.statSync(huge).size} bytes; it must be at most 65536 bytes`,
    );
    nothingTouched();
  });
});

describe('names and keys that are JavaScript words', () => {
  it("--event constructor (and the platform stacks' names) exit 2 with the reason", async () => {
    for (const [name, slug] of [
      ['constructor', 'constructor'],
      ['Platform Production', 'platform-production'],
    ]) {
      const r = await cli(['plan', '--event', name]);
      expect(r.code).toBe(2);
      expect(r.err[0]).toBe(
        `error: event name ${JSON.stringify(name)} normalizes to "${slug}", a name the app reserves; add a word, e.g. "${slug}-2026"`,
      );
    }
    // "__proto__" normalizes to "proto", an ordinary name: it works.
    const proto = await cli(['plan', '--event', '__proto__', '--json']);
    expect(proto.code).toBe(0);
    expect(JSON.parse(proto.out.join('\n')).event).toBe('proto');
    nothingTouched();
  });

  it('a keys-file line "__proto__=..." is a language that matches none, not "given twice"', async () => {
    const file = path.join(box.root, 'proto-keys.txt');
    fs.writeFileSync(
      file,
      `__proto__=${KEYS[0]}\noriginal=${KEYS[0]}\nspanish=${KEYS[1]}\nfrench=${KEYS[2]}\n`,
    );
    const r = await cli(['deploy', '--event', 'proto-keys', '--youtube-keys-file', file]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe(
      'error: stream key for "__proto__" matches no language of this event (original, spanish, french)',
    );
    nothingTouched();
  });

  it('the same stream key for two languages is refused, naming both and not the key', async () => {
    const file = path.join(box.root, 'dup-keys.txt');
    fs.writeFileSync(file, `${KEYS[0]}\n${KEYS[1]}\n${KEYS[0]}\n`);
    const r = await cli(['deploy', '--event', 'dup-keys', '--youtube-keys-file', file]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe(
      'error: stream key for "french" is the same as for "original"; each language needs its own channel\'s key',
    );
    expect(r.err.join('\n')).not.toContain(KEYS[0]);
    nothingTouched();
  });
});

describe('terraform output with terminal control sequences', () => {
  it('reaches the log file and the events without any escape or control byte', async () => {
    // A fake cdktf that prints what a hostile provider could: colours, a window title, a
    // hyperlink, a screen clear, a bell and a backspace.
    const bin = path.join(box.root, 'noisy-cdktf');
    fs.writeFileSync(
      bin,
      [
        '#!/bin/sh',
        `printf 'plain \\033[31mred\\033[0m \\033]0;owned-title\\007 \\033]8;;http://evil.invalid\\033\\\\link\\033]8;;\\033\\\\ \\033[2J\\033c bell\\007 back\\010space\\n'`,
        'echo "Error: provider said no" >&2',
        'exit 1',
      ].join('\n'),
      { mode: 0o755 },
    );
    // NODE_PATH: the app still synthesizes with the project's cdktf.
    const engine = createEngine(
      box.options({ cdktfBin: bin, env: { NODE_PATH: path.join(REPO, 'node_modules') } }),
    );
    const run = engine.deploy({ event: 'noisy-show', youtubeKeys: KEYS });
    const result = await run.result;
    expect(result.exitCode).not.toBe(0);
    const log = fs.readFileSync(result.logFile!, 'utf8');
    expect(log).toContain('plain red  link  bell backspace');
    // eslint-disable-next-line no-control-regex
    expect(log).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const messages = run
      .history()
      .map((e) => (e.type === 'log' ? e.message : ''))
      .join('\n');
    // eslint-disable-next-line no-control-regex
    expect(messages).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  }, 60_000);
});

describe('a damaged state file among good ones', () => {
  it('list names the file and serves every other event; outputs names it too', async () => {
    const engine = createEngine(box.options());
    const good = await engine.deploy({ event: 'good-show', youtubeKeys: KEYS }).result;
    expect(good.exitCode).toBe(0);
    const bad = path.join(box.stateDir, 'production', 'broken-show.tfstate');
    const text = fs.readFileSync(
      path.join(box.stateDir, 'production', 'good-show.tfstate'),
      'utf8',
    );
    fs.writeFileSync(bad, text.slice(0, Math.floor(text.length / 2)));

    const r = await runCli(['list'], box.env());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/good-show\s+production/);
    expect(r.stderr).toMatch(
      new RegExp(`^warning: state file ${bad} cannot be read \\(.*\\)$`, 'm'),
    );
    const outputs = await runCli(['outputs', '--event', 'broken-show'], box.env());
    expect(outputs.code).toBe(1);
    expect(outputs.stderr).toContain(`error: state file ${bad} cannot be read`);
    const goodOutputs = await runCli(['outputs', '--event', 'good-show'], box.env());
    expect(goodOutputs.code).toBe(0);
    fs.rmSync(bad);
  }, 120_000);
});

describe('state files and what teardown leaves', () => {
  it('state is 0600 in a 0700 folder; teardown leaves no backup of the old state', async () => {
    const engine = createEngine(box.options());
    const up = await engine.deploy({ event: 'perm-show', youtubeKeys: KEYS }).result;
    expect(up.exitCode).toBe(0);
    const dir = path.join(box.stateDir, 'production');
    const file = path.join(dir, 'perm-show.tfstate');
    const mode = (f: string) => (fs.statSync(f).mode & 0o777).toString(8);
    expect(mode(box.stateDir)).toBe('700');
    expect(mode(dir)).toBe('700');
    expect(mode(file)).toBe('600');
    expect(mode(path.join(dir, 'perm-show.srt-passphrase'))).toBe('600');
    const tokenFile = path.join(dir, 'perm-show.status-token');
    expect(mode(tokenFile)).toBe('600');
    const token = fs.readFileSync(tokenFile, 'utf8').trim();
    // A redeploy that changes something makes terraform keep a backup: it too is owner-only.
    const changed = createEngine(
      box.options({ env: { FIXTURE_EXPIRES_AT: '2098-01-01T00:00:00Z' } }),
    );
    const again = await changed.deploy({ event: 'perm-show', youtubeKeys: KEYS }).result;
    expect(again.exitCode).toBe(0);
    expect(mode(`${file}.backup`)).toBe('600');

    const down = await engine.teardown({ event: 'perm-show', confirm: true }).result;
    expect(down.exitCode).toBe(0);
    expect(fs.existsSync(`${file}.backup`)).toBe(false);
    expect(fs.existsSync(tokenFile)).toBe(false);
    // Whatever is left in the folder holds none of the event's outputs or secrets.
    for (const name of fs.readdirSync(dir).filter((f) => f.startsWith('perm-show'))) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      expect(text).not.toContain(token);
      expect(text).not.toContain('program_ingest_url');
    }
  }, 180_000);
});

describe('the fixture app names loopback addresses only', () => {
  it('every IPv4 address in its synthesized outputs is 127.x', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'fixture-addresses-'));
    try {
      const r = spawnSync(process.execPath, ['main.js'], {
        cwd: FIXTURE_APP,
        env: {
          ...process.env,
          CDKTF_OUTDIR: outdir,
          NODE_PATH: path.join(FIXTURE_APP, '..', '..', '..', 'node_modules'),
          STREAM_CONTROL_STATE_DIR: outdir,
          STREAM_CONTROL_EVENT: 'address-show',
          STREAM_CONTROL_ENV: 'production',
        },
        encoding: 'utf8',
      });
      expect(r.status).toBe(0);
      const json = fs.readFileSync(
        path.join(outdir, 'stacks', 'address-show', 'cdk.tf.json'),
        'utf8',
      );
      const addresses = json.match(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g) ?? [];
      expect(addresses.length).toBeGreaterThan(3);
      expect(addresses.filter((a) => !a.startsWith('127.'))).toEqual([]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
