import { ManagementLock } from '@cdktf/provider-azurerm/lib/management-lock';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { Testing } from 'cdktf';
import { StateStorage, StateStorageProps } from '../../constructs/platform/state-storage';
import { onlyResource, resourcesOf } from './helpers';

const base: StateStorageProps = {
  resourceGroupName: 'rg-platform',
  location: 'westeurope',
  accountName: 'ststreamtfprodabc123',
};

function synth(props: Partial<StateStorageProps> = {}, grant = false) {
  const json = Testing.synthScope((scope) => {
    const storage = new StateStorage(scope, 'state', { ...base, ...props });
    if (grant) storage.grantStateAccess('deployer', '11111111-1111-1111-1111-111111111111');
  });
  const doc = JSON.parse(json);
  return { json, doc, account: onlyResource(doc, StorageAccount.tfResourceType) };
}

describe('StateStorage', () => {
  it('is a StorageV2 standard account with the given name, group and region', () => {
    const { account } = synth();
    expect(account).toMatchObject({
      name: 'ststreamtfprodabc123',
      resource_group_name: 'rg-platform',
      location: 'westeurope',
      account_kind: 'StorageV2',
      account_tier: 'Standard',
    });
  });

  it('requires TLS 1.2 and HTTPS only', () => {
    const { account } = synth();
    expect(account.min_tls_version).toBe('TLS1_2');
    expect(account.https_traffic_only_enabled).toBe(true);
  });

  it('never allows public blobs or containers', () => {
    const { account } = synth();
    expect(account.allow_nested_items_to_be_public).toBe(false);
  });

  it('accepts Entra ID only: shared keys off, OAuth default, no local users, no SFTP', () => {
    const { account } = synth();
    expect(account.shared_access_key_enabled).toBe(false);
    expect(account.default_to_oauth_authentication).toBe(true);
    expect(account.local_user_enabled).toBe(false);
    expect(account.sftp_enabled).toBe(false);
  });

  it('keeps state inside the tenant: no cross-tenant replication, copies only within Entra ID', () => {
    const { account } = synth();
    expect(account.cross_tenant_replication_enabled).toBe(false);
    expect(account.allowed_copy_scope).toBe('AAD');
    expect(account.infrastructure_encryption_enabled).toBe(true);
  });

  it('versions blobs and soft-deletes blobs and containers for 30 days by default', () => {
    const { account } = synth();
    expect(account.blob_properties).toMatchObject({
      versioning_enabled: true,
      delete_retention_policy: { days: 30 },
      container_delete_retention_policy: { days: 30 },
    });
  });

  it('takes softDeleteDays for both retention policies', () => {
    const { account } = synth({ softDeleteDays: 90 });
    expect(account.blob_properties.delete_retention_policy.days).toBe(90);
    expect(account.blob_properties.container_delete_retention_policy.days).toBe(90);
  });

  it('defaults to ZRS and takes another replication', () => {
    expect(synth().account.account_replication_type).toBe('ZRS');
    expect(synth({ replication: 'GRS' }).account.account_replication_type).toBe('GRS');
  });

  it('has no IP filter by default: public endpoint, Entra ID auth only', () => {
    const { account } = synth();
    expect(account.public_network_access_enabled).toBe(true);
    expect(account.network_rules).toBeUndefined();
  });

  it('denies everything but allowedCidrs and Azure services when given', () => {
    const { account } = synth({ allowedCidrs: ['203.0.113.0/24', '198.51.100.7'] });
    expect(account.network_rules).toEqual({
      default_action: 'Deny',
      ip_rules: ['203.0.113.0/24', '198.51.100.7'],
      bypass: ['AzureServices'],
    });
  });

  it('creates a private "tfstate" container through ARM (storage_account_id)', () => {
    const { doc } = synth();
    const container = onlyResource(doc, StorageContainer.tfResourceType);
    expect(container.name).toBe('tfstate');
    expect(container.container_access_type).toBe('private');
    expect(container.storage_account_id).toMatch(/^\$\{azurerm_storage_account\..+\.id\}$/);
    expect(container.storage_account_name).toBeUndefined();
  });

  it('takes containerName', () => {
    const { doc } = synth({ containerName: 'state' });
    expect(onlyResource(doc, StorageContainer.tfResourceType).name).toBe('state');
  });

  it('locks the account against deletion, released before the container on destroy', () => {
    const { doc } = synth();
    const lock = onlyResource(doc, ManagementLock.tfResourceType);
    expect(lock.lock_level).toBe('CanNotDelete');
    expect(lock.scope).toMatch(/^\$\{azurerm_storage_account\..+\.id\}$/);
    expect(lock.depends_on).toEqual([expect.stringMatching(/^azurerm_storage_container\./)]);
  });

  it('has no lock with deleteLock false', () => {
    const { doc } = synth({ deleteLock: false });
    expect(resourcesOf(doc, ManagementLock.tfResourceType)).toHaveLength(0);
  });

  it('grantStateAccess gives Storage Blob Data Contributor on the account only', () => {
    const { doc } = synth({}, true);
    expect(onlyResource(doc, RoleAssignment.tfResourceType)).toMatchObject({
      role_definition_name: 'Storage Blob Data Contributor',
      principal_id: '11111111-1111-1111-1111-111111111111',
      scope: expect.stringMatching(/^\$\{azurerm_storage_account\..+\.id\}$/),
    });
  });

  it('fails if the account name breaks the storage rule, naming the value', () => {
    expect(() => synth({ accountName: 'Bad-Name' })).toThrow(
      /accountName "Bad-Name" must be 3-24 lowercase letters and digits/,
    );
  });

  it('fails if softDeleteDays is outside 1-365, reporting every problem together', () => {
    expect(() => synth({ accountName: 'x', softDeleteDays: 0 })).toThrow(
      /accountName "x"[\s\S]*softDeleteDays 0 must be a whole number from 1 to 365/,
    );
    expect(() => synth({ softDeleteDays: 366 })).toThrow(/softDeleteDays 366/);
  });
});
