import { TerraformOutput, Testing } from 'cdktf';
import { EventSecrets, EventSecretsProps } from '../../constructs/event-secrets';
import { ENV } from '../../lib/contract';
import { VAULT_SECRETS, vaultReaderEnv } from '../../lib/secrets';
import { resourcesOf, synthEventStack, TerraformDoc } from './helpers';

const base: EventSecretsProps = {
  vaultName: 'kv-test-event-12345678',
  readerName: 'id-secrets-test-event-production',
  resourceGroupName: 'rg',
  location: 'westeurope',
  passphrase: '${var.srt_passphrase}',
  streamKeys: new Map([
    ['original', '${var.youtube_key_original}'],
    ['spanish', '${var.youtube_key_spanish}'],
  ]),
  statusToken: '${var.status_token}',
  secretsVersion: '${var.secrets_version}' as unknown as number,
};

function synth(props: Partial<EventSecretsProps> = {}): TerraformDoc & { data: any } {
  return JSON.parse(
    Testing.synthScope((scope) => new EventSecrets(scope, 'secrets', { ...base, ...props })),
  );
}

/** The one resource of a type whose config matches, with its logical id. */
function byName(doc: TerraformDoc, type: string, name: string): [string, any] {
  const found = Object.entries(doc.resource[type] ?? {}).filter(([, r]) => r.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('EventSecrets', () => {
  const doc = synth();
  const [clientConfig] = Object.keys(doc.data.azurerm_client_config);
  const caller = (attr: string) => `\${data.azurerm_client_config.${clientConfig}.${attr}}`;
  const [vaultId, vault] = byName(doc, 'azurerm_key_vault', base.vaultName);
  const [readerId] = byName(doc, 'azurerm_user_assigned_identity', base.readerName);
  const policies = resourcesOf(doc, 'azurerm_key_vault_access_policy');

  it('makes a standard, access-policy vault in the tenant terraform runs in', () => {
    expect(vault).toMatchObject({
      resource_group_name: 'rg',
      location: 'westeurope',
      sku_name: 'standard',
      rbac_authorization_enabled: false,
      tenant_id: caller('tenant_id'),
    });
    expect(vault.access_policy).toBeUndefined();
  });

  it('keeps a deleted vault 7 days by default, purgeable (no purge protection)', () => {
    expect(vault.soft_delete_retention_days).toBe(7);
    expect(vault.purge_protection_enabled).toBe(false);
    const [, kept] = byName(
      synth({ softDeleteRetentionDays: 30 }),
      'azurerm_key_vault',
      base.vaultName,
    );
    expect(kept.soft_delete_retention_days).toBe(30);
  });

  it("fails if the retention is outside Azure's 7-90 days", () => {
    expect(() => synth({ softDeleteRetentionDays: 3 })).toThrow(
      /softDeleteRetentionDays 3 must be a whole number from 7 to 90/,
    );
  });

  it('gives the deployer full secret rights and the reader identity Get only, as separate policies', () => {
    expect(policies).toHaveLength(2);
    const deployer = policies.find((p) => p.object_id === caller('object_id'));
    expect(deployer).toMatchObject({
      key_vault_id: `\${azurerm_key_vault.${vaultId}.id}`,
      tenant_id: caller('tenant_id'),
      secret_permissions: ['Get', 'List', 'Set', 'Delete', 'Purge', 'Recover'],
    });
    const reader = policies.find(
      (p) => p.object_id === `\${azurerm_user_assigned_identity.${readerId}.principal_id}`,
    );
    expect(reader).toMatchObject({
      key_vault_id: `\${azurerm_key_vault.${vaultId}.id}`,
      secret_permissions: ['Get'],
    });
    expect(reader.key_permissions ?? []).toEqual([]);
  });

  it('writes the passphrase, each stream key and the status token write-only, versioned, after the deployer policy', () => {
    const secrets = resourcesOf(doc, 'azurerm_key_vault_secret');
    const deployerPolicy = Object.entries(doc.resource.azurerm_key_vault_access_policy).find(
      ([, p]) => p.object_id === caller('object_id'),
    )![0];
    expect(secrets.map((s) => [s.name, s.value_wo]).sort()).toEqual(
      [
        [VAULT_SECRETS.passphrase, '${var.srt_passphrase}'],
        [VAULT_SECRETS.streamKey('original'), '${var.youtube_key_original}'],
        [VAULT_SECRETS.streamKey('spanish'), '${var.youtube_key_spanish}'],
        [VAULT_SECRETS.statusToken, '${var.status_token}'],
      ].sort(),
    );
    for (const s of secrets) {
      expect(s.value).toBeUndefined();
      expect(s.value_wo_version).toBe('${var.secrets_version}');
      expect(s.key_vault_id).toBe(`\${azurerm_key_vault.${vaultId}.id}`);
      expect(s.depends_on).toEqual([`azurerm_key_vault_access_policy.${deployerPolicy}`]);
    }
  });

  it("writes the mixers' admin password only when given one (OBS events)", () => {
    const names = (d: TerraformDoc) =>
      resourcesOf(d, 'azurerm_key_vault_secret').map((s) => [s.name, s.value_wo]);
    expect(names(doc).map(([n]) => n)).not.toContain(VAULT_SECRETS.mixerAdminPassword);
    const obs = synth({ mixerAdminPassword: '${var.mixer_admin_password}' });
    expect(names(obs)).toContainEqual([
      VAULT_SECRETS.mixerAdminPassword,
      '${var.mixer_admin_password}',
    ]);
    expect(resourcesOf(obs, 'azurerm_key_vault_secret')).toHaveLength(5);
  });

  it("gives a part the vault's URL, the reader's client id and secret names, never a value", () => {
    const env = Testing.synthScope((scope) => {
      const s = new EventSecrets(scope, 'secrets', base);
      // Synthesized through a resource so the tokens resolve as terraform will see them.
      new TerraformOutput(scope, 'env', { value: vaultReaderEnv(s.readerAccess, 'spanish') });
    });
    const value = JSON.parse(env).output.env.value;
    expect(value).toEqual({
      [ENV.keyVaultUrl]: expect.stringMatching(/^\$\{azurerm_key_vault\.[^.]+\.vault_uri\}$/),
      [ENV.azureClientId]: expect.stringMatching(
        /^\$\{azurerm_user_assigned_identity\.[^.]+\.client_id\}$/,
      ),
      [ENV.passphraseSecret]: 'srt-passphrase',
      [ENV.statusTokenSecret]: 'status-token',
      [ENV.streamKeySecret]: 'youtube-key-spanish',
    });
    expect(JSON.stringify(value)).not.toMatch(/var\./);
  });
});

describe('EventStack secrets', () => {
  const { doc } = synthEventStack({ languages: ['original', 'spanish', 'french'] });
  const provider = (doc as any).provider.azurerm[0];

  it('purges the vault at teardown and recovers a soft-deleted one at deploy', () => {
    expect(provider.features[0].key_vault).toEqual([
      { purge_soft_delete_on_destroy: true, recover_soft_deleted_key_vaults: true },
    ]);
  });

  it('names the vault and the reader by the event (lib/naming.ts) and tags them', () => {
    const [vault] = resourcesOf(doc, 'azurerm_key_vault');
    expect(vault.name).toMatch(/^kv-test-event-[0-9a-f]{8}$/);
    expect(vault.tags).toMatchObject({ event: 'test-event', 'managed-by': 'stream-control' });
    const [reader] = resourcesOf(doc, 'azurerm_user_assigned_identity');
    expect(reader.name).toBe('id-secrets-test-event-production');
    expect(reader.tags).toMatchObject({ event: 'test-event' });
  });

  it('has one vault secret per language key, the passphrase, the status token and (OBS) the admin password, from the variables', () => {
    const secrets = resourcesOf(doc, 'azurerm_key_vault_secret');
    expect(Object.fromEntries(secrets.map((s) => [s.name, s.value_wo]))).toEqual({
      'srt-passphrase': '${var.srt_passphrase}',
      'youtube-key-original': '${var.youtube_key_original}',
      'youtube-key-spanish': '${var.youtube_key_spanish}',
      'youtube-key-french': '${var.youtube_key_french}',
      'status-token': '${var.status_token}',
      'mixer-admin-password': '${var.mixer_admin_password}',
    });
  });

  it('a container event has no admin password, in the vault or as a variable', () => {
    const box = synthEventStack({ languages: ['original', 'spanish'], mixer: 'container' }).doc;
    const secrets = resourcesOf(box, 'azurerm_key_vault_secret');
    expect(secrets.map((s) => s.name).sort()).toEqual(
      ['srt-passphrase', 'status-token', 'youtube-key-original', 'youtube-key-spanish'].sort(),
    );
    expect(box.variable.mixer_admin_password).toBeUndefined();
  });

  it('versions the write-only values with a plain number variable, 1 by default', () => {
    expect(doc.variable.secrets_version).toEqual({
      type: 'number',
      default: 1,
      nullable: false,
      description: expect.any(String),
    });
  });
});
