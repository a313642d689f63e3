import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { synthEventStack } from './helpers';

const run = promisify(execFile);

/**
 * The stack's secret variables, checked by real terraform: only their blocks, so no provider
 * is needed and the run stays offline.
 */
describe('EventStack secret variables under terraform', () => {
  let dir: string;
  const good = {
    TF_VAR_srt_passphrase: 'CANARY-good-pass_123',
    TF_VAR_youtube_key_original: 'CANARY-key-1',
    TF_VAR_youtube_key_spanish: 'CANARY-key-2',
    TF_VAR_youtube_key_french: 'CANARY-key-3',
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-variables-'));
    const { doc } = synthEventStack();
    fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ variable: doc.variable }));
    await run('terraform', ['init', '-input=false', '-no-color'], {
      cwd: dir,
      env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function plan(env: Record<string, string>) {
    const environment: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1' };
    for (const key of Object.keys(environment))
      if (key.startsWith('TF_VAR_')) delete environment[key];
    return run('terraform', ['plan', '-input=false', '-no-color'], {
      cwd: dir,
      env: { ...environment, ...env },
    })
      .then((r) => ({ code: 0, out: r.stdout + r.stderr }))
      .catch((e) => ({ code: e.code as number, out: `${e.stdout}${e.stderr}` }));
  }

  it('accepts a valid passphrase and keys', async () => {
    const result = await plan(good);
    expect(result.code).toBe(0);
    for (const value of Object.values(good)) expect(result.out).not.toContain(value);
  });

  it.each([
    [
      'a passphrase shorter than 10 characters',
      { TF_VAR_srt_passphrase: 'CANARY-9' },
      /srt_passphrase must be 10 to 79 characters/,
    ],
    [
      'a passphrase with characters SRT URLs cannot carry',
      { TF_VAR_srt_passphrase: 'CANARY pass&word!' },
      /srt_passphrase may hold only/,
    ],
    ['an empty stream key', { TF_VAR_youtube_key_spanish: '   ' }, /youtube_key_spanish is empty/],
  ])('refuses %s', async (_name, override, message) => {
    // Terraform 1.11 quotes the rejected value of even a sensitive variable in this error, so
    // the CLI checks the same rules before terraform runs and redacts every line it relays.
    const result = await plan({ ...good, ...override });
    expect(result.code).toBe(1);
    expect(result.out).toMatch(message);
  });

  it('refuses to run without a stream key rather than prompting', async () => {
    const rest: Record<string, string> = { ...good };
    delete rest.TF_VAR_youtube_key_french;
    const result = await plan(rest);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/youtube_key_french/);
  });
});
