import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const CANARIES = {
  TF_VAR_youtube_key_original: 'CANARY-yt-original-7f3a9c',
  TF_VAR_youtube_key_spanish: 'CANARY-yt-spanish-1b2c3d',
  TF_VAR_youtube_key_french: 'CANARY-yt-french-9e8d7c',
  TF_VAR_srt_passphrase: 'CANARY-passphrase-5a6b7c8d',
  STREAM_YOUTUBE_KEYS: 'CANARY-env-k1,CANARY-env-k2,CANARY-env-k3',
};

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

/** Runs the real app (`cdktf synth` runs exactly this) in a scratch output folder. */
async function synthApp(env: NodeJS.ProcessEnv) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-test-'));
  try {
    const result = await run('node', ['-r', './tools/register-ts.js', 'main.ts'], {
      cwd: ROOT,
      env: { ...process.env, CDKTF_OUTDIR: outdir, ...env },
    }).catch((err) => ({
      stdout: err.stdout as string,
      stderr: err.stderr as string,
      code: err.code as number,
    }));
    const stacks = fs.existsSync(path.join(outdir, 'stacks'))
      ? fs.readdirSync(path.join(outdir, 'stacks'))
      : [];
    const text = filesUnder(outdir)
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    return { ...result, code: 'code' in result ? result.code : 0, stacks, text };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** An events folder with the bundled example and a second event, as a crew would have. */
let eventsDir: string;
beforeAll(() => {
  eventsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-test-events-'));
  fs.copyFileSync(
    path.join(ROOT, 'events', 'example-conference.json'),
    path.join(eventsDir, 'example-conference.json'),
  );
  fs.writeFileSync(
    path.join(eventsDir, 'autumn.json'),
    JSON.stringify({ name: 'Autumn Forum', environment: 'staging', languages: ['english'] }),
  );
});
afterAll(() => fs.rmSync(eventsDir, { recursive: true, force: true }));

describe('main app', () => {
  it('synthesizes the bundled example and every platform with nothing configured', async () => {
    const { stacks, code } = await synthApp({});
    expect(code).toBe(0);
    expect(stacks).toEqual(expect.arrayContaining(['example-conference-2026']));
    expect(stacks.filter((s) => s.startsWith('platform-')).sort()).toEqual([
      'platform-development',
      'platform-production',
      'platform-staging',
    ]);
  });

  it('synthesizes every event file of the folder the engine names', async () => {
    const { stacks, code } = await synthApp({ STREAM_CONTROL_EVENTS_DIR: eventsDir });
    expect(code).toBe(0);
    expect(stacks.filter((s) => !s.startsWith('platform-')).sort()).toEqual([
      'autumn-forum',
      'example-conference-2026',
    ]);
  });

  it('synthesizes only the platform a platform deploy names', async () => {
    expect((await synthApp({ STREAM_CONTROL_PLATFORM: 'staging' })).stacks).toEqual([
      'platform-staging',
    ]);
    const bad = await synthApp({ STREAM_CONTROL_PLATFORM: 'qa' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/STREAM_CONTROL_PLATFORM "qa" is unknown/);
  });

  it('synthesizes only the event the CLI names, in the environment it names', async () => {
    const { stacks, text } = await synthApp({
      STREAM_CONTROL_EVENT: 'Conference-2025',
      STREAM_CONTROL_ENV: 'staging',
    });
    expect(stacks).toEqual(['conference-2025']);
    expect(text).toContain('rg-streaming-conference-2025-staging');
  });

  it('exits 2 with one line per problem, before any stack exists', async () => {
    const { stacks, code, stderr } = await synthApp({ STREAM_CONTROL_EVENT: 'Conf 2025!' });
    expect(code).toBe(2);
    expect(stacks).toEqual([]);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^error: event name "Conf 2025!" has characters other than/),
    ]);
    const env = await synthApp({ STREAM_CONTROL_EVENT: 'fine-name', STREAM_CONTROL_ENV: 'qa' });
    expect(env.stderr).toMatch(/environment "qa" is unknown/);
  });

  describe('secrets canary', () => {
    it('never writes a secret from the environment into the synthesized output', async () => {
      const { text, code } = await synthApp({ ...CANARIES, STREAM_CONTROL_EVENTS_DIR: eventsDir });
      expect(code).toBe(0);
      expect(text).toContain('var.youtube_key_spanish');
      for (const value of Object.values(CANARIES)) {
        for (const part of value.split(',')) expect(text).not.toContain(part);
      }
    });

    it('keeps secrets out of the committed HCL and the snapshots', () => {
      const committed = [
        ...filesUnder(path.join(ROOT, 'generated')),
        ...filesUnder(path.join(ROOT, '__tests__')),
      ]
        .filter((f) => /\.(tf|snap|json)$/.test(f))
        .map((f) => fs.readFileSync(f, 'utf8'))
        .join('\n');
      expect(committed.length).toBeGreaterThan(1000);
      expect(committed).not.toMatch(/CANARY-/);
    });
  });
});
