import * as fs from 'node:fs';
import * as path from 'node:path';
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { SharedImageGallery } from '@cdktf/provider-azurerm/lib/shared-image-gallery';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Testing } from 'cdktf';
import { ENVIRONMENTS } from '../../lib/profiles';
import { PLATFORM_OUTPUTS as OUTPUT_NAMES } from '../../lib/stack-outputs';
import { addPlatformStacks } from '../../stacks/platform-stack';
import { onlyResource, resourcesOf, synthPlatform, testSettings } from './helpers';

describe('PlatformStack', () => {
  it('is named platform-<env>', () => {
    expect(synthPlatform().stack.node.id).toBe('platform-production');
  });

  it('keeps its state local at <project>/state/platform/<env>.tfstate, as a relative path', () => {
    const { doc } = synthPlatform();
    expect(doc.terraform.backend).toEqual({
      local: { path: '../../../state/platform/production.tfstate' },
    });
  });

  it('talks to blob storage with Entra ID, since the state account has shared keys off', () => {
    const { doc } = synthPlatform();
    expect(doc.provider.azurerm[0].storage_use_azuread).toBe(true);
  });

  it('never asks the storage data plane, which fails the first apply with shared keys off', () => {
    const { doc } = synthPlatform();
    expect(doc.provider.azurerm[0].features).toEqual([
      { storage: [{ data_plane_available: false }] },
    ]);
    // With the data plane off, the container must be created through ARM.
    const container = Object.values(doc.resource.azurerm_storage_container)[0];
    expect(container.storage_account_id).toBeDefined();
    expect(container.storage_account_name).toBeUndefined();
  });

  it('puts everything in one resource group named for the platform', () => {
    const { doc } = synthPlatform();
    expect(onlyResource(doc, ResourceGroup.tfResourceType)).toMatchObject({
      name: 'rg-platform-streaming-production',
      location: 'westeurope',
    });
  });

  it('names the globally unique resources with the crew suffix', () => {
    const { doc } = synthPlatform();
    expect(onlyResource(doc, StorageAccount.tfResourceType).name).toBe('ststreamtfprodabc123');
    expect(onlyResource(doc, ContainerRegistry.tfResourceType).name).toBe('crstreamprodabc123');
  });

  it('lets the deployer read and write event state', () => {
    const roles = resourcesOf(synthPlatform().doc, RoleAssignment.tfResourceType);
    expect(roles).toContainEqual(
      expect.objectContaining({
        role_definition_name: 'Storage Blob Data Contributor',
        principal_id: expect.stringMatching(/^\$\{data\.azurerm_client_config\..+\.object_id\}$/),
      }),
    );
  });

  it('outputs exactly what lib/platform-outputs reads', () => {
    const { doc } = synthPlatform();
    expect(Object.keys(doc.output).sort()).toEqual(Object.values(OUTPUT_NAMES).sort());
    expect(doc.output[OUTPUT_NAMES.registryLoginServer].value).toMatch(/\.login_server\}$/);
    expect(doc.output[OUTPUT_NAMES.pullIdentityId].value).toMatch(
      /^\$\{azurerm_user_assigned_identity\..+\.id\}$/,
    );
    expect(doc.output[OUTPUT_NAMES.mixerImageId].value).toMatch(
      /^\$\{azurerm_shared_image\..+\.id\}$/,
    );
  });

  it('tags every taggable resource long-lived and never auto_cleanup', () => {
    const { doc } = synthPlatform();
    const tagged = Object.values(doc.resource).flatMap((byName) =>
      Object.values(byName).filter((r: any) => 'tags' in r),
    ) as any[];
    // Group, account, registry, identity, gallery and image definition.
    expect(tagged).toHaveLength(6);
    for (const resource of tagged) {
      expect(resource.tags).toMatchObject({
        purpose: 'streaming-platform',
        lifecycle: 'long-lived',
        environment: 'production',
      });
      expect(resource.tags).not.toHaveProperty('auto_cleanup');
    }
  });

  it('keeps extra tags but not a purpose that would let cleanup in', () => {
    const { doc } = synthPlatform({}, { extraTags: { owner: 'av-team', purpose: 'streaming' } });
    const group = onlyResource(doc, ResourceGroup.tfResourceType);
    expect(group.tags).toMatchObject({ owner: 'av-team', purpose: 'streaming-platform' });
  });

  it('fails if an auto_cleanup tag is asked for', () => {
    expect(() => synthPlatform({}, { extraTags: { auto_cleanup: 'false' } })).toThrow(
      /platform tag "auto_cleanup" is not allowed/,
    );
  });

  it('registry-free preset: only the resource group, nothing that bills', () => {
    const { doc } = synthPlatform({ preset: 'registry-free' });
    expect(Object.keys(doc.resource)).toEqual([ResourceGroup.tfResourceType]);
    expect(Object.keys(doc.output)).toEqual([OUTPUT_NAMES.resourceGroupName]);
  });

  it('fields next to a preset win over it', () => {
    const { doc } = synthPlatform({ preset: 'registry-free', stateStorage: true });
    expect(resourcesOf(doc, StorageAccount.tfResourceType)).toHaveLength(1);
    expect(resourcesOf(doc, ContainerRegistry.tfResourceType)).toHaveLength(0);
    expect(resourcesOf(doc, SharedImageGallery.tfResourceType)).toHaveLength(0);
  });

  it('passes registrySku to the registry', () => {
    const { doc } = synthPlatform({ registrySku: 'Premium' });
    expect(onlyResource(doc, ContainerRegistry.tfResourceType).sku).toBe('Premium');
  });

  it('writes its own stack folder on a full synth, with the local backend in it', () => {
    const outdir = Testing.fullSynth(synthPlatform().stack);
    const file = path.join(outdir, 'stacks', 'platform-production', 'cdk.tf.json');
    const written = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(written.terraform.backend.local.path).toBe('../../../state/platform/production.tfstate');
  });

  it('addPlatformStacks adds one platform per environment from the committed settings', () => {
    const app = Testing.app();
    const stacks = addPlatformStacks(app, ENVIRONMENTS);
    expect(stacks.map((s) => s.node.id)).toEqual([
      'platform-production',
      'platform-staging',
      'platform-development',
    ]);
    // development is committed as the registry-free preset.
    expect(stacks[2].registry).toBeUndefined();
    expect(stacks[0].registry).toBeDefined();
  });

  it('addPlatformStacks takes settings from the caller', () => {
    const app = Testing.app();
    const [stack] = addPlatformStacks(app, ['staging'], () => testSettings({ nameSuffix: 'zz99' }));
    expect(stack.names.stateStorageAccount).toBe('ststreamtfprodzz99');
  });
});

describe('platform settings', () => {
  it('fails with every problem of a bad platform block, naming field and value', () => {
    expect(() =>
      testSettings({
        nameSuffix: 'AB',
        preset: 'cheap' as never,
        registrySku: 'Free' as never,
        allowedCidrs: ['0.0.0.0/0 '],
      }),
    ).toThrow(
      /preset "cheap"[\s\S]*nameSuffix "AB"[\s\S]*registrySku "Free"[\s\S]*allowedCidrs entry "0.0.0.0\/0 "/,
    );
  });

  it('fails if mixerImage is neither marketplace nor gallery', () => {
    expect(() => testSettings({ mixerImage: 'custom' as never })).toThrow(
      /mixerImage "custom" must be "marketplace" or "gallery"/,
    );
  });
});
