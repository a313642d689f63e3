/**
 * Stream keys and the SRT passphrase reach Key Vault and nothing the CLI writes (issue 12).
 * Azure cannot exist here, so the fixture app's vault stand-in plays the event's Key Vault: a
 * create-time provisioner, whose settings terraform never stores, writes each ephemeral
 * variable to FIXTURE_VAULT_DIR under its vault secret name, again whenever secrets_version
 * changes, as azurerm_key_vault_secret.value_wo does; teardown empties it, as the purge does.
 * Real cdktf and terraform 1.11 run the deploys, so the state checked is terraform's own. The
 * credentials the engine generates (the status token; the admin password of OBS mixers) take
 * the same road, and on disk live only in their owner-only files beside the state.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VAULT_SECRETS } from '../../lib/secrets';
import { processes, terraformApplyOf, waitFor } from './support/procs';
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
    const tokenFile = path.join(box.stateDir, 'production', 'vault-show.status-token');
    const token = fs.readFileSync(tokenFile, 'utf8').trim();
    expect(readVault(vaultDir)).toEqual({
      [VAULT_SECRETS.streamKey('original')]: KEYS[0],
      [VAULT_SECRETS.streamKey('spanish')]: KEYS[1],
      [VAULT_SECRETS.streamKey('french')]: KEYS[2],
      [VAULT_SECRETS.passphrase]: PASSPHRASE,
      [VAULT_SECRETS.statusToken]: token,
    });
    const stateFile = path.join(box.stateDir, 'production', 'vault-show.tfstate');
    const state = fs.readFileSync(stateFile, 'utf8');
    expect(JSON.parse(state).resources.map((r: { name: string }) => r.name)).toContain('vault');
    // The token: in its owner-only file and the vault, nowhere else stream-control writes.
    expect(filesHolding(written(), [token])).toEqual([`${tokenFile}: ${token}`]);
    expect(first.stdout + first.stderr).not.toContain(token);
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
    // A redeploy keeps the token the parts already use.
    expect(readVault(vaultDir)[VAULT_SECRETS.statusToken]).toBe(token);
    expect(filesHolding(written(), [token])).toEqual([`${tokenFile}: ${token}`]);

    const down = await runCli(['teardown', '--event', 'vault-show', '--confirm'], env);
    expect(down.code).toBe(0);
    expect(down.stdout).toMatch(/Destroyed 7 resource\(s\) of vault-show/);
    expect(readVault(vaultDir)).toEqual({});
    expect(filesHolding(written(), [...CANARIES, token])).toEqual([]);
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

  it("an OBS event: admin password and status token generated into owner-only files, the vault and terraform's environment; no state, argv, log or synth output holds them; outputs shows the password only when asked", async () => {
    box.writeEvent('obs-show', {
      name: 'Obs Show',
      mixer: 'obs',
      languages: ['original', 'spanish'],
    });
    // The apply lingers so terraform's /proc entries can be read while it runs.
    const env = box.env({ FIXTURE_VAULT_DIR: vaultDir, FIXTURE_SLEEP: '3' });
    const keysFile = input('keys-obs.txt', `${KEYS.slice(0, 2).join('\n')}\n`);
    const running = runCli(
      ['deploy', '--event', 'obs-show', '--youtube-keys-file', keysFile, '--no-wait'],
      env,
    );
    const terraform = await waitFor(() => terraformApplyOf('obs-show'), 'terraform apply');
    const dir = path.join(box.stateDir, 'production');
    const passwordFile = path.join(dir, 'obs-show.mixer-admin-password');
    const tokenFile = path.join(dir, 'obs-show.status-token');
    const password = fs.readFileSync(passwordFile, 'utf8').trim();
    const token = fs.readFileSync(tokenFile, 'utf8').trim();
    expect(terraform.environ).toContain(`TF_VAR_mixer_admin_password=${password}`);
    expect(terraform.environ).toContain(`TF_VAR_status_token=${token}`);
    const everyArgv = processes()
      .map((p) => p.argv.join(' '))
      .join('\n');
    expect(everyArgv).not.toContain(password);
    expect(everyArgv).not.toContain(token);
    const up = await running;
    expect(up.stderr).not.toMatch(/^error:/m);
    expect(up.code).toBe(0);

    expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    // 24 characters, two or more of each class (Windows complexity with room to spare).
    expect(password).toMatch(/^[A-Za-z0-9!#%*_=+?-]{24}$/);
    for (const cls of [/[A-Z]/g, /[a-z]/g, /[0-9]/g, /[!#%*_=+?-]/g])
      expect((password.match(cls) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(readVault(vaultDir)).toMatchObject({
      [VAULT_SECRETS.mixerAdminPassword]: password,
      [VAULT_SECRETS.statusToken]: token,
    });
    const obsState = fs.readFileSync(path.join(dir, 'obs-show.tfstate'), 'utf8');
    expect(obsState).not.toContain(password);
    expect(obsState).not.toContain(token);
    expect(up.stdout).toContain(
      'Mixer admin password: hidden; ./stream-control outputs --event obs-show --env production --show-secrets',
    );
    const hidden = await runCli(['outputs', '--event', 'obs-show'], env);
    expect(hidden.code).toBe(0);
    expect(hidden.stdout).toContain('Mixer admin password: hidden');
    const shown = await runCli(['outputs', '--event', 'obs-show', '--show-secrets'], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`Mixer admin password: ${password}`);
    for (const text of [up.stdout, up.stderr, hidden.stdout, hidden.stderr, shown.stderr]) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(token);
    }
    expect(shown.stdout).not.toContain(token);
    // Only where asked: the password reached the operator's terminal, not a file.
    expect(filesHolding(written(), [password, token]).sort()).toEqual(
      [`${passwordFile}: ${password}`, `${tokenFile}: ${token}`].sort(),
    );

    const down = await runCli(['teardown', '--event', 'obs-show', '--confirm'], env);
    expect(down.code).toBe(0);
    expect(fs.existsSync(passwordFile)).toBe(false);
    expect(fs.existsSync(tokenFile)).toBe(false);
    expect(readVault(vaultDir)).toEqual({});
    expect(filesHolding(written(), [password, token])).toEqual([]);
  });
});
