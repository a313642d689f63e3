/**
 * Stream keys and the SRT passphrase reach Key Vault and nothing the CLI writes (issue 12).
 * Azure cannot exist here, so the fixture app's vault stand-in plays the event's Key Vault: a
 * create-time provisioner, whose settings terraform never stores, writes each ephemeral
 * variable to FIXTURE_VAULT_DIR under its vault secret name, again whenever secrets_version
 * changes, as azurerm_key_vault_secret.value_wo does; teardown empties it, as the purge does.
 * Real cdktf and terraform 1.11 run the deploys, so the state checked is terraform's own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VAULT_SECRETS } from '../../lib/secrets';
import { makeSandbox, requireTerraform, runCli, Sandbox } from './support/sandbox';
import { filesHolding, readVault } from './support/vault';

// Three terraform runs on a machine shared by parallel test files.
jest.setTimeout(240_000);

const KEYS = ['canaryVKEY-original-5151', 'canaryVKEY-spanish-6262', 'canaryVKEY-french-7373'];
const NEW_ORIGINAL = 'canaryVKEY-original-NEW-8484';
const PASSPHRASE = 'canaryVAULT-pass-9595';
const CANARIES = [...KEYS, NEW_ORIGINAL, PASSPHRASE];

let box: Sandbox;
let vaultDir: string;
let inputDir: string;
beforeAll(() => {
  requireTerraform();
  box = makeSandbox('vault');
  // Outside every folder the CLI writes: the stand-in vault, and the operator's input files.
  vaultDir = path.join(box.root, 'vault');
  inputDir = path.join(box.root, 'input');
  fs.mkdirSync(inputDir);
});
afterAll(() => box.remove());

/** The folders stream-control writes to, plus the whole project (synth output included). */
const written = () => [box.stateDir, box.logDir, box.lockDir, box.projectDir];

function input(name: string, text: string): string {
  const file = path.join(inputDir, name);
  fs.writeFileSync(file, text, { mode: 0o600 });
  return file;
}

describe('secrets go to Key Vault through write-only values, never to a file the CLI writes', () => {
  it('deploy fills the vault; a redeploy with a new key writes it again; teardown empties it', async () => {
    const env = box.env({ FIXTURE_VAULT_DIR: vaultDir });
    const passFile = input('passphrase.txt', `${PASSPHRASE}\n`);
    const deploy = (keysFile: string) =>
      runCli(
        [
          'deploy',
          '--event',
          'Vault Show',
          '--youtube-keys-file',
          keysFile,
          '--srt-passphrase-file',
          passFile,
          '--no-wait',
        ],
        env,
      );

    const first = await deploy(input('keys-1.txt', `${KEYS.join('\n')}\n`));
    expect(first.stderr).not.toMatch(/^error:/m);
    expect(first.code).toBe(0);
    expect(readVault(vaultDir)).toEqual({
      [VAULT_SECRETS.streamKey('original')]: KEYS[0],
      [VAULT_SECRETS.streamKey('spanish')]: KEYS[1],
      [VAULT_SECRETS.streamKey('french')]: KEYS[2],
      [VAULT_SECRETS.passphrase]: PASSPHRASE,
    });
    const stateFile = path.join(box.stateDir, 'production', 'vault-show.tfstate');
    const state = fs.readFileSync(stateFile, 'utf8');
    expect(JSON.parse(state).resources.map((r: { name: string }) => r.name)).toContain('vault');
    for (const canary of CANARIES) {
      expect(state).not.toContain(canary);
      expect(first.stdout + first.stderr).not.toContain(canary);
    }
    // The synth output is there to be searched: the stack references the variables only.
    const synthJson = path.join(
      box.projectDir,
      'cdktf.out/events/production/vault-show/stacks/vault-show/cdk.tf.json',
    );
    expect(fs.readFileSync(synthJson, 'utf8')).toContain('${var.youtube_key_original}');
    expect(filesHolding(written(), CANARIES)).toEqual([]);
    const version = (text: string): number =>
      JSON.parse(text).resources.find((r: { name: string }) => r.name === 'vault').instances[0]
        .attributes.input.value.secrets_version;
    const firstVersion = version(state);
    expect(firstVersion).toBeGreaterThan(1_700_000_000);

    // Whole seconds: the next deploy must carry a newer version to write the new key.
    await new Promise((r) => setTimeout(r, 1100));
    const second = await deploy(
      input('keys-2.txt', `${[NEW_ORIGINAL, ...KEYS.slice(1)].join('\n')}\n`),
    );
    expect(second.code).toBe(0);
    expect(readVault(vaultDir)[VAULT_SECRETS.streamKey('original')]).toBe(NEW_ORIGINAL);
    expect(version(fs.readFileSync(stateFile, 'utf8'))).toBeGreaterThan(firstVersion);
    expect(filesHolding(written(), CANARIES)).toEqual([]);

    const down = await runCli(['teardown', '--event', 'vault-show', '--confirm'], env);
    expect(down.code).toBe(0);
    expect(down.stdout).toMatch(/Destroyed 7 resource\(s\) of vault-show/);
    expect(readVault(vaultDir)).toEqual({});
    expect(filesHolding(written(), CANARIES)).toEqual([]);
    for (const canary of CANARIES) expect(down.stdout + down.stderr).not.toContain(canary);
  });

  it('a generated passphrase reaches the vault, and on disk only the owner-only file for the venue', async () => {
    const env = box.env({ FIXTURE_VAULT_DIR: vaultDir });
    const keysFile = input('keys-gen.txt', `${KEYS.join('\n')}\n`);
    const up = await runCli(
      ['deploy', '--event', 'Gen Show', '--youtube-keys-file', keysFile, '--no-wait'],
      env,
    );
    expect(up.code).toBe(0);
    const passFile = path.join(box.stateDir, 'production', 'gen-show.srt-passphrase');
    expect(fs.statSync(passFile).mode & 0o777).toBe(0o600);
    const generated = fs.readFileSync(passFile, 'utf8').trim();
    expect(generated.length).toBeGreaterThanOrEqual(10);
    expect(readVault(vaultDir)[VAULT_SECRETS.passphrase]).toBe(generated);
    expect(filesHolding(written(), [generated])).toEqual([`${passFile}: ${generated}`]);
    expect(
      fs.readFileSync(path.join(box.stateDir, 'production', 'gen-show.tfstate'), 'utf8'),
    ).not.toContain(generated);

    const down = await runCli(['teardown', '--event', 'gen-show', '--confirm'], env);
    expect(down.code).toBe(0);
    expect(fs.existsSync(passFile)).toBe(false);
    expect(readVault(vaultDir)).toEqual({});
    expect(filesHolding(written(), [generated, ...KEYS])).toEqual([]);
  });
});
