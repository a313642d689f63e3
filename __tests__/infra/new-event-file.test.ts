/**
 * A crew adds its own event file: the repository's tests must stay green (the committed HCL
 * covers the bundled example only). Proven on a copy of the project with one more event file,
 * by running there the HCL check and the tests that read the events folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
let copy: string;

beforeAll(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'new-event-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => f !== '' && fs.existsSync(path.join(ROOT, f)));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(copy, file));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  fs.writeFileSync(
    path.join(copy, 'events', 'spring-gala.json'),
    JSON.stringify({
      name: 'Spring Gala 2027',
      environment: 'staging',
      languages: ['original', 'german', 'italian', 'japanese'],
      ttlHours: 12,
    }),
  );
});
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

describe('adding an event file', () => {
  it('leaves the committed HCL check green', () => {
    const r = spawnSync(
      process.execPath,
      ['-r', './tools/register-ts.js', 'tools/generate-hcl.ts', '--check'],
      { cwd: copy, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('leaves the tests that read the events folder green', () => {
    const r = spawnSync(
      process.execPath,
      [
        'node_modules/.bin/jest',
        '--ci',
        '__tests__/infra/hcl.test.ts',
        '__tests__/infra/app.test.ts',
        '__tests__/infra/event-model.test.ts',
      ],
      { cwd: copy, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } },
    );
    expect(r.stderr + r.stdout).toMatch(/jest: \d+ passed, 0 failed/);
    expect(r.status).toBe(0);
  }, 300_000);
});
