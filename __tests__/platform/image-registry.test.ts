import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Testing } from 'cdktf';
import { ImageRegistry, ImageRegistryProps } from '../../constructs/platform/image-registry';
import { onlyResource, resourcesOf } from './helpers';

const base: ImageRegistryProps = {
  resourceGroupName: 'rg-platform',
  location: 'westeurope',
  registryName: 'crstreamprodabc123',
  pullIdentityName: 'id-acrpull-production',
};

function synth(props: Partial<ImageRegistryProps> = {}, push = false) {
  const doc = JSON.parse(
    Testing.synthScope((scope) => {
      const registry = new ImageRegistry(scope, 'registry', { ...base, ...props });
      if (push) registry.grantPush('ci-push', '22222222-2222-2222-2222-222222222222');
    }),
  );
  return { doc, registry: onlyResource(doc, ContainerRegistry.tfResourceType) };
}

describe('ImageRegistry', () => {
  it('is a Basic registry by default', () => {
    expect(synth().registry).toMatchObject({
      name: 'crstreamprodabc123',
      resource_group_name: 'rg-platform',
      location: 'westeurope',
      sku: 'Basic',
    });
  });

  it('takes sku', () => {
    expect(synth({ sku: 'Standard' }).registry.sku).toBe('Standard');
  });

  it('has the admin user off and no anonymous pull', () => {
    const { registry } = synth();
    expect(registry.admin_enabled).toBe(false);
    expect(registry.anonymous_pull_enabled).toBe(false);
  });

  it('creates the pull identity event container groups use', () => {
    const identity = onlyResource(synth().doc, UserAssignedIdentity.tfResourceType);
    expect(identity).toMatchObject({
      name: 'id-acrpull-production',
      resource_group_name: 'rg-platform',
      location: 'westeurope',
    });
  });

  it('grants that identity AcrPull on this registry and nothing else', () => {
    const roles = resourcesOf(synth().doc, RoleAssignment.tfResourceType);
    expect(roles).toHaveLength(1);
    expect(roles[0]).toMatchObject({
      role_definition_name: 'AcrPull',
      scope: expect.stringMatching(/^\$\{azurerm_container_registry\..+\.id\}$/),
      principal_id: expect.stringMatching(
        /^\$\{azurerm_user_assigned_identity\..+\.principal_id\}$/,
      ),
      principal_type: 'ServicePrincipal',
    });
  });

  it('grantPush gives AcrPush on the registry', () => {
    const roles = resourcesOf(synth({}, true).doc, RoleAssignment.tfResourceType);
    expect(roles.map((r) => r.role_definition_name).sort()).toEqual(['AcrPull', 'AcrPush']);
    expect(roles.find((r) => r.role_definition_name === 'AcrPush').principal_id).toBe(
      '22222222-2222-2222-2222-222222222222',
    );
  });

  it('fails if the registry name breaks the registry rule', () => {
    expect(() => synth({ registryName: 'cr-stream' })).toThrow(
      /registryName "cr-stream" must be 5-50 lowercase letters and digits/,
    );
  });
});
