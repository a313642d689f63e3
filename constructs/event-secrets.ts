import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultAccessPolicyA } from '@cdktf/provider-azurerm/lib/key-vault-access-policy';
import { KeyVaultSecret } from '@cdktf/provider-azurerm/lib/key-vault-secret';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { VAULT_SECRETS, VaultAccess } from '../lib/secrets';

/** What a reading part (relay, splitter, mixer) needs: where, as whom, and what to wait for. */
export interface SecretsReader extends VaultAccess {
  /** Resource id of the reader identity, for the part's UserAssigned identity list. */
  readonly identityId: string;
  /**
   * The reader's access policy and the secrets: a part started before them gets 403 or 404
   * and only retries, so it depends on them. @default - no explicit dependency
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

export interface EventSecretsProps {
  /** Global Key Vault name (lib/naming.ts EventNames.keyVault). */
  readonly vaultName: string;
  /** Name of the user-assigned identity the parts read with (EventNames.secretsReader). */
  readonly readerName: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** The SRT passphrase variable's value: a reference to an ephemeral variable, never a literal. */
  readonly passphrase: string;
  /** Each language's stream key variable (a reference), by language. */
  readonly streamKeys: ReadonlyMap<string, string>;
  /** The status token variable (a reference): every part reads it to guard /status. */
  readonly statusToken: string;
  /**
   * The OBS mixers' admin password variable (a reference); their setup script sets it.
   * @default - no such secret: the event has no OBS mixers
   */
  readonly mixerAdminPassword?: string;
  /**
   * Version of the write-only values (a reference to the secrets_version variable): terraform
   * sends a write-only value only when its version changes, so each deploy passes a new one.
   */
  readonly secretsVersion: number;
  /** Days a deleted vault stays recoverable (Azure allows 7-90). @default 7 */
  readonly softDeleteRetentionDays?: number;
}

/**
 * The event's secrets outside Terraform state: a Key Vault per event that holds the stream keys,
 * the SRT passphrase, the status token and (OBS) the mixers' admin password, written with
 * write-only arguments (value_wo: terraform sends the value to Azure and never stores it in
 * plan or state), and one user-assigned identity, the "secrets reader", that the relay, the
 * splitter and every mixer carry to read them at start.
 */
export class EventSecrets extends Construct {
  readonly vault: KeyVault;
  readonly reader: UserAssignedIdentity;
  /** Every secret the stack writes, as vault secrets. */
  readonly secrets: readonly KeyVaultSecret[];
  /**
   * What a reading part waits for: the reader's access policy and every secret. A part that
   * starts before them gets 403 or 404 and only retries.
   */
  readonly readable: readonly ITerraformDependable[];

  constructor(scope: Construct, id: string, props: EventSecretsProps) {
    super(scope, id);
    const retention = props.softDeleteRetentionDays ?? 7;
    if (!Number.isInteger(retention) || retention < 7 || retention > 90) {
      throw new Error(
        `softDeleteRetentionDays ${retention} must be a whole number from 7 to 90 (Azure's rule)`,
      );
    }
    const caller = new DataAzurermClientConfig(this, 'deployer');
    this.vault = new KeyVault(this, 'vault', {
      name: props.vaultName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tenantId: caller.tenantId,
      // Standard: billed per operation, nothing while the event is idle.
      skuName: 'standard',
      // Access policies, not RBAC: a new role assignment takes minutes to reach Key Vault, so
      // terraform's first secret write right after it gets 403 (terraform-provider-azurerm
      // #23927, #17015). An access policy is in force as soon as it is written.
      rbacAuthorizationEnabled: false,
      softDeleteRetentionDays: retention,
      // Off, so teardown can purge the vault and the same event can be deployed again at once
      // (the provider features in stacks/event-stack.ts purge on destroy and recover on create).
      purgeProtectionEnabled: false,
    });
    // Separate policy resources rather than the vault's inline list: the inline list and the
    // separate resources overwrite each other, and each reader is then its own resource.
    const deployer = new KeyVaultAccessPolicyA(this, 'deployer-policy', {
      keyVaultId: this.vault.id,
      tenantId: caller.tenantId,
      objectId: caller.objectId,
      // Purge and Recover: teardown purges the secrets, a redeploy recovers soft-deleted ones.
      secretPermissions: ['Get', 'List', 'Set', 'Delete', 'Purge', 'Recover'],
    });
    this.reader = new UserAssignedIdentity(this, 'reader', {
      name: props.readerName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
    });
    const readerPolicy = new KeyVaultAccessPolicyA(this, 'reader-policy', {
      keyVaultId: this.vault.id,
      tenantId: caller.tenantId,
      objectId: this.reader.principalId,
      // Get only: a part reads the secrets it is told by name and cannot list or change any.
      secretPermissions: ['Get'],
    });

    const secret = (constructId: string, name: string, value: string) =>
      new KeyVaultSecret(this, constructId, {
        name,
        keyVaultId: this.vault.id,
        // Write-only: the value goes to Azure on create and whenever the version changes, and
        // is never in plan or state; the variable behind it is ephemeral, so terraform refuses
        // it anywhere else.
        valueWo: value,
        valueWoVersion: props.secretsVersion,
        // A secret write needs the deployer's policy in force; without the edge terraform may
        // write it first and get 403.
        dependsOn: [deployer],
      });
    // Construct ids use fixed words and the validated language names (never positions), so
    // reordering languages replaces nothing.
    this.secrets = [
      secret('passphrase', VAULT_SECRETS.passphrase, props.passphrase),
      ...[...props.streamKeys].map(([language, key]) =>
        secret(`stream-key-${language}`, VAULT_SECRETS.streamKey(language), key),
      ),
      secret('status-token', VAULT_SECRETS.statusToken, props.statusToken),
      ...(props.mixerAdminPassword === undefined
        ? []
        : [
            secret(
              'mixer-admin-password',
              VAULT_SECRETS.mixerAdminPassword,
              props.mixerAdminPassword,
            ),
          ]),
    ];
    this.readable = [readerPolicy, ...this.secrets];
  }

  /** The reader identity, the vault and the resources a part waits for. */
  get readerAccess(): SecretsReader {
    return {
      vaultUrl: this.vault.vaultUri,
      clientId: this.reader.clientId,
      identityId: this.reader.id,
      dependsOn: this.readable,
    };
  }
}
