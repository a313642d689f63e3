/**
 * The long-lived platform of one environment: what must exist before the first event and
 * outlive every one of them. Its state is local (it creates the storage that events' azurerm
 * backend needs, so it cannot live there itself) at state/platform/<env>.tfstate.
 */
import * as path from 'node:path';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, Aspects, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ImageRegistry } from '../constructs/platform/image-registry';
import { MixerImageGallery } from '../constructs/platform/mixer-image-gallery';
import { StateStorage } from '../constructs/platform/state-storage';
import { PlatformNames } from '../lib/naming';
import { platformStatePath } from '../lib/platform-outputs';
import { getPlatformSettings, PlatformSettings } from '../lib/platform-settings';
import { EnvironmentName } from '../lib/profiles';
import { PLATFORM_OUTPUTS } from '../lib/stack-outputs';
import { PlatformTaggingAspect } from '../policy/platform-tagging-aspect';

export interface PlatformStackProps {
  readonly settings: PlatformSettings;
  /**
   * Where the local state goes: relative to the stack's working directory
   * (cdktf.out/stacks/platform-<env>), so the synthesized JSON holds no machine's absolute path,
   * or absolute when the engine moves the state folder (STREAM_CONTROL_STATE_DIR).
   * @default "../../../state/platform/<env>.tfstate" - <project>/state/platform/<env>.tfstate
   */
  readonly statePath?: string;
  /** @default {} - no extra tags */
  readonly extraTags?: Readonly<Record<string, string>>;
}

export class PlatformStack extends TerraformStack {
  readonly names: PlatformNames;
  readonly resourceGroup: ResourceGroup;
  readonly stateStorage?: StateStorage;
  readonly registry?: ImageRegistry;
  readonly mixerImageGallery?: MixerImageGallery;

  constructor(scope: Construct, props: PlatformStackProps) {
    const { settings } = props;
    const names = new PlatformNames(settings.environment, settings.nameSuffix);
    super(scope, names.stack);
    this.names = names;

    new LocalBackend(this, {
      path:
        props.statePath ??
        platformStatePath(settings.environment, path.join('..', '..', '..', 'state')),
    });
    // Shared keys are off on the state account, so the provider must use Entra ID for blobs too.
    // azurerm polls the account's data plane (queue and static-website properties) after create
    // and on every refresh; with keys off that needs data roles the deployer does not have yet,
    // and it fails the first apply. Nothing here needs the data plane: the container is created
    // through ARM (storage_account_id), so the provider is told not to use it.
    new AzurermProvider(this, 'azurerm', {
      features: [{ storage: [{ dataPlaneAvailable: false }] }],
      storageUseAzuread: true,
    });
    const deployer = new DataAzurermClientConfig(this, 'deployer', {});

    this.resourceGroup = new ResourceGroup(this, 'resource-group', {
      name: names.resourceGroup,
      location: settings.location,
    });
    const common = { resourceGroupName: this.resourceGroup.name, location: settings.location };
    const output = (key: keyof typeof PLATFORM_OUTPUTS, value: string, description: string) =>
      new TerraformOutput(this, PLATFORM_OUTPUTS[key], { value, description });
    output('resourceGroupName', this.resourceGroup.name, 'Resource group of the platform');

    if (settings.stateStorage) {
      this.stateStorage = new StateStorage(this, 'state-storage', {
        ...common,
        accountName: names.stateStorageAccount,
        containerName: names.stateContainer,
        allowedCidrs: settings.allowedCidrs,
        lockName: names.stateStorageLock,
      });
      // Whoever deploys the platform deploys events too, through the azurerm backend.
      this.stateStorage.grantStateAccess('deployer-state-access', deployer.objectId);
      output(
        'stateResourceGroupName',
        this.resourceGroup.name,
        'azurerm backend resource_group_name',
      );
      output(
        'stateStorageAccountName',
        this.stateStorage.account.name,
        'azurerm backend storage_account_name',
      );
      output(
        'stateContainerName',
        this.stateStorage.container.name,
        'azurerm backend container_name',
      );
    }

    if (settings.registrySku !== 'none') {
      this.registry = new ImageRegistry(this, 'image-registry', {
        ...common,
        registryName: names.containerRegistry,
        pullIdentityName: names.pullIdentity,
        sku: settings.registrySku,
      });
      output(
        'registryLoginServer',
        this.registry.registry.loginServer,
        'Registry of the relay and splitter images',
      );
      output(
        'pullIdentityId',
        this.registry.pullIdentity.id,
        'Identity event container groups pull with',
      );
    }

    if (settings.mixerImageGallery) {
      this.mixerImageGallery = new MixerImageGallery(this, 'mixer-image-gallery', {
        ...common,
        galleryName: names.gallery,
        imageName: names.mixerImage,
      });
      output(
        'mixerImageId',
        this.mixerImageGallery.image.id,
        'Mixer image definition; VMs created from it get the newest version',
      );
      output('galleryName', this.mixerImageGallery.gallery.name, 'Compute gallery for build-image');
      output(
        'mixerImageName',
        this.mixerImageGallery.image.name,
        'Image definition for build-image',
      );
    }

    Aspects.of(this).add(
      new PlatformTaggingAspect({ environment: settings.environment, extraTags: props.extraTags }),
    );
  }
}

/**
 * One PlatformStack per environment, next to the event stacks. Called by main.ts; deploying
 * one is always explicit (`stream-control platform deploy` or `cdktf deploy platform-<env>`).
 * `stateDir` is the engine's state folder (absolute) when it moved it.
 */
export function addPlatformStacks(
  app: App,
  environments: readonly EnvironmentName[],
  settingsOf: (environment: EnvironmentName) => PlatformSettings = getPlatformSettings,
  stateDir?: string,
): PlatformStack[] {
  return environments.map(
    (environment) =>
      new PlatformStack(app, {
        settings: settingsOf(environment),
        ...(stateDir ? { statePath: platformStatePath(environment, stateDir) } : {}),
      }),
  );
}
