import { ENV } from '../../lib/contract';
import { VAULT_SECRETS } from '../../lib/secrets';
import { resourcesOf, synthEventStack, TerraformDoc } from './helpers';

/**
 * Where the stream keys, the passphrase, the status token and the mixers' admin password go in
 * the synthesized stack: only into the Key Vault secrets' write-only values. Every part instead
 * names the vault, the reader identity and its secrets, and carries that identity.
 */

/** Every "${...var.<name>...}" use of a variable, with the path of the attribute. */
function uses(doc: TerraformDoc, variable: string): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (new RegExp(`\\bvar\\.${variable}\\b`).test(value)) found.push(path);
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  const { variable: variables, ...rest } = doc as unknown as Record<string, unknown> & {
    variable: Record<string, unknown>;
  };
  walk(rest, '');
  // A variable's own block (its validation) is its own business; any other variable's is not.
  for (const [name, block] of Object.entries(variables))
    if (name !== variable) walk(block, `.variable.${name}`);
  return found;
}

describe.each(['obs', 'container'] as const)('secrets flow, %s mixers', (mixer) => {
  const languages = ['original', 'spanish', 'french'];
  const { doc, json } = synthEventStack({ mixer, languages });
  const secrets = doc.resource.azurerm_key_vault_secret;
  const secretId = (name: string) =>
    Object.entries(secrets).find(([, s]) => (s as { name: string }).name === name)![0];

  it('has no SRT_PASSPHRASE, STREAM_KEY or STATUS_TOKEN anywhere in the synthesized stack', () => {
    expect(json).not.toMatch(
      /"SRT_PASSPHRASE"|"STREAM_KEY"|"STATUS_TOKEN"|StreamKeyB64|PassphraseB64|AdminPasswordB64/,
    );
  });

  it('has no secure_environment_variables on any container group: even those are in state', () => {
    expect(json).not.toContain('secure_environment_variables');
  });

  it(`has no random_password${mixer === 'obs' ? " but the VMs' bootstrap one" : ''}`, () => {
    const generated = Object.keys(doc.resource.random_password ?? {});
    if (mixer === 'obs') {
      expect(generated).toEqual(['mixer-bootstrap-password']);
      for (const vm of resourcesOf(doc, 'azurerm_windows_virtual_machine'))
        expect(vm.admin_password).toBe('${random_password.mixer-bootstrap-password.result}');
      // Nothing else reads it: not the configure command, not an output.
      expect(json.match(/random_password\.mixer-bootstrap-password\./g)).toHaveLength(
        languages.length,
      );
    } else {
      expect(generated).toEqual([]);
      expect((doc as any).provider.random).toBeUndefined();
    }
  });

  it('sends the status token and the admin password only to their vault secrets', () => {
    expect(uses(doc, 'status_token')).toEqual([
      `.resource.azurerm_key_vault_secret.${secretId(VAULT_SECRETS.statusToken)}.value_wo`,
    ]);
    if (mixer === 'obs') {
      expect(uses(doc, 'mixer_admin_password')).toEqual([
        `.resource.azurerm_key_vault_secret.${secretId(VAULT_SECRETS.mixerAdminPassword)}.value_wo`,
      ]);
    } else {
      expect(doc.variable.mixer_admin_password).toBeUndefined();
    }
  });

  it('sends each key and the passphrase only to its own vault secret value_wo', () => {
    expect(uses(doc, 'srt_passphrase')).toEqual([
      `.resource.azurerm_key_vault_secret.${secretId(VAULT_SECRETS.passphrase)}.value_wo`,
    ]);
    for (const language of languages) {
      expect(uses(doc, `youtube_key_${language}`)).toEqual([
        `.resource.azurerm_key_vault_secret.${secretId(VAULT_SECRETS.streamKey(language))}.value_wo`,
      ]);
    }
  });

  it('declares the keys, the passphrase, the status token (and admin password) ephemeral and sensitive', () => {
    const names = [
      'srt_passphrase',
      'status_token',
      ...languages.map((l) => `youtube_key_${l}`),
      ...(mixer === 'obs' ? ['mixer_admin_password'] : []),
    ];
    for (const name of names)
      expect(doc.variable[name]).toMatchObject({ ephemeral: true, sensitive: true });
  });

  it('gives every container part the reader identity and the vault, identity and secret names', () => {
    const [readerId] = Object.keys(doc.resource.azurerm_user_assigned_identity);
    const [vaultId] = Object.keys(doc.resource.azurerm_key_vault);
    const groups = resourcesOf(doc, 'azurerm_container_group');
    expect(groups).toHaveLength(mixer === 'container' ? 5 : 2);
    for (const g of groups) {
      expect(g.identity.identity_ids).toContain(
        `\${azurerm_user_assigned_identity.${readerId}.id}`,
      );
      const env = g.container[0].environment_variables;
      expect(env).toMatchObject({
        [ENV.keyVaultUrl]: `\${azurerm_key_vault.${vaultId}.vault_uri}`,
        [ENV.azureClientId]: `\${azurerm_user_assigned_identity.${readerId}.client_id}`,
        [ENV.passphraseSecret]: VAULT_SECRETS.passphrase,
        [ENV.statusTokenSecret]: VAULT_SECRETS.statusToken,
      });
      const language = env[ENV.mixerLanguage];
      if (g.container[0].name === 'language-mixer')
        expect(env[ENV.streamKeySecret]).toBe(VAULT_SECRETS.streamKey(language));
      else expect(env[ENV.streamKeySecret]).toBeUndefined();
      expect(env[ENV.statusToken]).toBeUndefined();
      expect(g.depends_on).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^azurerm_key_vault_access_policy\..*reader-policy/),
          `azurerm_key_vault_secret.${secretId(VAULT_SECRETS.passphrase)}`,
          `azurerm_key_vault_secret.${secretId(VAULT_SECRETS.statusToken)}`,
        ]),
      );
    }
  });

  if (mixer === 'obs') {
    it('gives every OBS VM the reader identity and its configure script the names only', () => {
      const [readerId] = Object.keys(doc.resource.azurerm_user_assigned_identity);
      for (const vm of resourcesOf(doc, 'azurerm_windows_virtual_machine'))
        expect(vm.identity).toEqual({
          type: 'UserAssigned',
          identity_ids: [`\${azurerm_user_assigned_identity.${readerId}.id}`],
        });
      const commands = resourcesOf(doc, 'azurerm_virtual_machine_extension').map(
        (e) => e.protected_settings as string,
      );
      expect(commands).toHaveLength(3);
      for (const c of commands) expect(c).not.toMatch(/var\./);
      expect(commands.map((c) => /-StreamKeySecret ([a-z0-9-]+)/.exec(c)?.[1]).sort()).toEqual(
        languages.map((l) => VAULT_SECRETS.streamKey(l)).sort(),
      );
      for (const c of commands) {
        expect(c).toContain(`-AdminPasswordSecret ${VAULT_SECRETS.mixerAdminPassword}`);
        expect(c).not.toMatch(/random_password|base64encode/);
      }
      // The script's first vault read needs the admin password secret written.
      for (const e of resourcesOf(doc, 'azurerm_virtual_machine_extension'))
        expect(e.depends_on).toContain(
          `azurerm_key_vault_secret.${secretId(VAULT_SECRETS.mixerAdminPassword)}`,
        );
    });
  }
});

describe('secrets flow, 12 languages', () => {
  it('synthesizes with every policy rule (SC-SECRETS, SC-INGEST, SC-ACI-PORTS) passing', () => {
    const languages = Array.from({ length: 12 }, (_, i) => `lang${i + 1}`);
    const { doc } = synthEventStack({ mixer: 'container', languages });
    // 12 keys, the passphrase and the status token.
    expect(resourcesOf(doc, 'azurerm_key_vault_secret')).toHaveLength(14);
    expect(resourcesOf(doc, 'azurerm_container_group')).toHaveLength(14);
  });
});
