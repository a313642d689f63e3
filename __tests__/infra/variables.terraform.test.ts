import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { SECRETS_VERSION_VARIABLE } from '../../lib/secrets';
import { synthEventStack } from './helpers';

const run = promisify(execFile);

/**
 * The stack's secret variables, checked by real terraform: only their blocks, so no provider
 * is needed and the run stays offline. Beside them, terraform's built-in terraform_data plays
 * a resource that would store a key (it must refuse) and one that hands it on without storing
 * it (a provisioner, as value_wo does for Key Vault).
 */
describe('EventStack secret variables under terraform', () => {
  let dir: string;
  let variables: Record<string, Record<string, unknown>>;
  const good = {
    TF_VAR_srt_passphrase: 'CANARY-good-pass_123',
    TF_VAR_youtube_key_original: 'CANARY-key-1',
    TF_VAR_youtube_key_spanish: 'CANARY-key-2',
    TF_VAR_youtube_key_french: 'CANARY-key-3',
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-variables-'));
    variables = synthEventStack().doc.variable;
    await configure(dir, {});
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A folder with the stack's variable blocks plus `extra`, initialized. */
  async function configure(folder: string, extra: Record<string, unknown>): Promise<void> {
    fs.writeFileSync(
      path.join(folder, 'main.tf.json'),
      JSON.stringify({ variable: variables, ...extra }),
    );
    await terraform(folder, ['init', '-input=false'], {});
  }

  /** terraform in a folder with no TF_VAR_ but `env`'s; never throws. */
  async function terraform(folder: string, args: string[], env: Record<string, string>) {
    const environment: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1' };
    for (const key of Object.keys(environment))
      if (key.startsWith('TF_VAR_')) delete environment[key];
    // Flags before the positional arguments: terraform stops reading flags at the first one.
    return run('terraform', [args[0], '-no-color', ...args.slice(1)], {
      cwd: folder,
      env: { ...environment, ...env },
    })
      .then((r) => ({ code: 0, out: r.stdout + r.stderr }))
      .catch((e) => ({ code: e.code as number, out: `${e.stdout}${e.stderr}` }))
      .then((r) => ({ ...r, flat: r.out.replace(/\s+/g, ' ') }));
  }

  const plan = (env: Record<string, string>) => terraform(dir, ['plan', '-input=false'], env);

  it('declares the keys and the passphrase sensitive and ephemeral, with no default', () => {
    const secrets = Object.keys(good).map((k) => k.replace(/^TF_VAR_/, ''));
    for (const name of secrets) {
      expect(variables[name]).toMatchObject({ type: 'string', sensitive: true, ephemeral: true });
      expect(variables[name]).not.toHaveProperty('default');
    }
    // The version is no secret: terraform may store it (value_wo_version is a stored argument).
    expect(variables[SECRETS_VERSION_VARIABLE]).toMatchObject({ type: 'number', default: 1 });
    expect(variables[SECRETS_VERSION_VARIABLE]).not.toHaveProperty('ephemeral');
    expect(Object.keys(variables).sort()).toEqual([...secrets, SECRETS_VERSION_VARIABLE].sort());
  });

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

  describe("the guarantee is terraform's own, not only our policy rule", () => {
    let folder: string;
    beforeEach(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-ephemeral-'));
    });
    afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('refuses a stream key in an attribute it would store in state', async () => {
      await configure(folder, {
        resource: { terraform_data: { leak: { input: '${var.youtube_key_original}' } } },
      });
      const result = await terraform(folder, ['plan', '-input=false'], good);
      expect(result.code).toBe(1);
      expect(result.out).toMatch(/Error: Invalid use of ephemeral value/);
      expect(result.flat).toContain(
        'Ephemeral values are not valid for "input", because it is not a write-only attribute and must be persisted to state.',
      );
      for (const value of Object.values(good)) expect(result.out).not.toContain(value);
    });

    it('refuses the passphrase in an output, sensitive or not', async () => {
      await configure(folder, {
        output: { leak: { value: '${var.srt_passphrase}', sensitive: true } },
      });
      const result = await terraform(folder, ['plan', '-input=false'], good);
      expect(result.code).toBe(1);
      expect(result.out).toMatch(/Error: Ephemeral value not allowed/);
      expect(result.out).not.toContain(good.TF_VAR_srt_passphrase);
    });

    it('a saved plan needs the values again at apply, and TF_VAR_ in the apply child gives them', async () => {
      // What cdktf does when it plans to a file and applies it: the ephemeral values are in
      // neither the plan file nor the state, so the apply must be given them again.
      const delivered = path.join(folder, 'delivered');
      await configure(folder, {
        resource: {
          terraform_data: {
            vault: {
              triggers_replace: { version: `\${var.${SECRETS_VERSION_VARIABLE}}` },
              provisioner: [
                {
                  'local-exec': {
                    command: `printf %s "$KEY" > ${JSON.stringify(delivered)}`,
                    environment: { KEY: '${var.youtube_key_original}' },
                  },
                },
              ],
            },
          },
        },
      });
      const version = { TF_VAR_secrets_version: '1765055000' };
      const planned = await terraform(folder, ['plan', '-input=false', '-out=saved.plan'], {
        ...good,
        ...version,
      });
      expect(planned.code).toBe(0);
      const shown = await terraform(folder, ['show', '-json', 'saved.plan'], {});
      expect(shown.code).toBe(0);
      for (const value of Object.values(good)) expect(shown.out).not.toContain(value);

      const bare = await terraform(folder, ['apply', '-input=false', 'saved.plan'], version);
      expect(bare.code).toBe(1);
      for (const name of Object.keys(good).map((k) => k.replace(/^TF_VAR_/, ''))) {
        expect(bare.flat).toContain(
          `The ephemeral input variable "${name}" was set during the plan phase, and so must also be set during the apply phase.`,
        );
      }
      expect(fs.existsSync(delivered)).toBe(false);

      const applied = await terraform(folder, ['apply', '-input=false', 'saved.plan'], {
        ...good,
        ...version,
      });
      expect(applied.code).toBe(0);
      expect(fs.readFileSync(delivered, 'utf8')).toBe(good.TF_VAR_youtube_key_original);
      const state = fs.readFileSync(path.join(folder, 'terraform.tfstate'), 'utf8');
      expect(state).toContain('1765055000');
      for (const value of Object.values(good)) expect(state).not.toContain(value);
    });
  });
});
