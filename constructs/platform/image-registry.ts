/**
 * The container registry for the relay and splitter images, and the one identity event
 * container groups use to pull from it. Pulls go through a user-assigned managed identity with
 * AcrPull on this registry only, so no admin password or token ever lands in an event's state.
 * References: azurerm 4.x docs for azurerm_container_registry, azurerm_user_assigned_identity,
 * azurerm_role_assignment; container groups take it via image_registry_credential
 * { server, user_assigned_identity_id }.
 */
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Construct } from 'constructs';
import { checkName } from '../../lib/naming';

export interface ImageRegistryProps {
  readonly resourceGroupName: string;
  readonly location: string;
  /** Globally unique, 5-50 lowercase letters and digits (see PlatformNames). */
  readonly registryName: string;
  /** Name of the identity event container groups pull with. */
  readonly pullIdentityName: string;
  /** @default "Basic" - 10 GiB included, enough for two small images and their history */
  readonly sku?: 'Basic' | 'Standard' | 'Premium';
}

export class ImageRegistry extends Construct {
  readonly registry: ContainerRegistry;
  readonly pullIdentity: UserAssignedIdentity;
  readonly pullRole: RoleAssignment;

  constructor(scope: Construct, id: string, props: ImageRegistryProps) {
    super(scope, id);
    const badName = checkName('containerRegistry', props.registryName, 'registryName');
    if (badName) throw new Error(badName);
    const sku = props.sku ?? 'Basic';
    this.registry = new ContainerRegistry(this, 'registry', {
      name: props.registryName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku,
      adminEnabled: false,
      // Anonymous pull exists only on Standard and Premium; spelled out so nobody turns it on.
      anonymousPullEnabled: false,
      // Basic has no firewall or private link: the endpoint is public, access is Entra ID only.
      publicNetworkAccessEnabled: true,
    });

    this.pullIdentity = new UserAssignedIdentity(this, 'pull-identity', {
      name: props.pullIdentityName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
    });

    this.pullRole = new RoleAssignment(this, 'pull-role', {
      scope: this.registry.id,
      roleDefinitionName: 'AcrPull',
      principalId: this.pullIdentity.principalId,
      // A new identity may not have replicated yet; the type skips the directory lookup.
      principalType: 'ServicePrincipal',
    });
  }

  /** Lets a principal push images, e.g. the CI that builds the relay and splitter. */
  grantPush(id: string, principalId: string): RoleAssignment {
    return new RoleAssignment(this, id, {
      scope: this.registry.id,
      roleDefinitionName: 'AcrPush',
      principalId,
    });
  }
}
