/**
 * The storage account and container that hold every event's Terraform state
 * (`<env>/<event>.tfstate`). State holds outputs and resource ids, so it gets what a platform
 * team would give any secret store: Entra ID auth only (no account keys, no SAS), no public
 * blobs, TLS 1.2, HTTPS only, versioning and soft delete to undo a bad apply, and a delete lock.
 * References: azurerm 4.x docs for azurerm_storage_account / azurerm_storage_container, and
 * Terraform's azurerm backend docs (use_azuread_auth, "Microsoft Entra ID (Recommended)").
 */
import { ManagementLock } from '@cdktf/provider-azurerm/lib/management-lock';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { Construct } from 'constructs';
import { checkName } from '../../lib/naming';

export type StorageReplication = 'LRS' | 'ZRS' | 'GRS' | 'GZRS';

export interface StateStorageProps {
  readonly resourceGroupName: string;
  readonly location: string;
  /** Globally unique, 3-24 lowercase letters and digits (see PlatformNames). */
  readonly accountName: string;
  /** @default "tfstate" */
  readonly containerName?: string;
  /** @default "ZRS" - survives a zone outage; state is tiny, so the extra cost is cents */
  readonly replication?: StorageReplication;
  /** Days a deleted blob, version or container can be restored. @default 30 */
  readonly softDeleteDays?: number;
  /**
   * Public IPv4 ranges allowed through the storage firewall. Empty keeps the public endpoint
   * open but usable only with an Entra ID token and an RBAC role.
   * @default [] - no IP filter
   */
  readonly allowedCidrs?: readonly string[];
  /** @default true - a CanNotDelete lock, so the portal or a script cannot drop all state */
  readonly deleteLock?: boolean;
  /** @default "lock-tfstate-do-not-delete" */
  readonly lockName?: string;
}

export class StateStorage extends Construct {
  readonly account: StorageAccount;
  readonly container: StorageContainer;
  readonly containerName: string;

  constructor(scope: Construct, id: string, props: StateStorageProps) {
    super(scope, id);
    const days = props.softDeleteDays ?? 30;
    const problems: string[] = [];
    const badName = checkName('storageAccount', props.accountName, 'accountName');
    if (badName) problems.push(badName);
    // Azure accepts 1-365 days of blob and container soft delete.
    if (!Number.isInteger(days) || days < 1 || days > 365) {
      problems.push(`softDeleteDays ${days} must be a whole number from 1 to 365`);
    }
    if (problems.length > 0) throw new Error(problems.join('\n'));
    const cidrs = props.allowedCidrs ?? [];

    this.account = new StorageAccount(this, 'account', {
      name: props.accountName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      accountKind: 'StorageV2',
      accountTier: 'Standard',
      accountReplicationType: props.replication ?? 'ZRS',
      accessTier: 'Hot',
      minTlsVersion: 'TLS1_2',
      httpsTrafficOnlyEnabled: true,
      allowNestedItemsToBePublic: false,
      sharedAccessKeyEnabled: false,
      defaultToOauthAuthentication: true,
      crossTenantReplicationEnabled: false,
      localUserEnabled: false,
      sftpEnabled: false,
      infrastructureEncryptionEnabled: true,
      allowedCopyScope: 'AAD',
      publicNetworkAccessEnabled: true,
      networkRules:
        cidrs.length > 0
          ? { defaultAction: 'Deny', ipRules: [...cidrs], bypass: ['AzureServices'] }
          : undefined,
      blobProperties: {
        versioningEnabled: true,
        changeFeedEnabled: false,
        deleteRetentionPolicy: { days },
        containerDeleteRetentionPolicy: { days },
      },
    });

    this.containerName = props.containerName ?? 'tfstate';
    // storage_account_id (not _name) makes azurerm 4.x create it through ARM, which works with
    // shared keys disabled.
    this.container = new StorageContainer(this, 'container', {
      name: this.containerName,
      storageAccountId: this.account.id,
      containerAccessType: 'private',
    });

    if (props.deleteLock ?? true) {
      new ManagementLock(this, 'lock', {
        name: props.lockName ?? 'lock-tfstate-do-not-delete',
        scope: this.account.id,
        lockLevel: 'CanNotDelete',
        // Created after, so destroyed before, the container it would otherwise protect.
        dependsOn: [this.container],
        notes:
          'Holds the Terraform state of every event; remove only with stream-control platform destroy.',
      });
    }
  }

  /** Lets a principal read and write state blobs (the azurerm backend with use_azuread_auth). */
  grantStateAccess(id: string, principalId: string): RoleAssignment {
    return new RoleAssignment(this, id, {
      scope: this.account.id,
      roleDefinitionName: 'Storage Blob Data Contributor',
      principalId,
    });
  }
}
