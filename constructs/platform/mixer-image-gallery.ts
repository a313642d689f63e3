/**
 * An Azure Compute Gallery with one image definition: Windows Server 2022, Hyper-V gen 2,
 * generalized, with OBS and the settings baseline pre-installed by the Packer template in
 * platform/packer/. Versions are published by `stream-control platform build-image`, not by
 * Terraform, so a new build never shows up as drift in this stack.
 * References: azurerm 4.x docs for azurerm_shared_image_gallery and azurerm_shared_image; a VM
 * whose source image id is the definition (no /versions/...) gets the newest version.
 */
import { SharedImage } from '@cdktf/provider-azurerm/lib/shared-image';
import { SharedImageGallery } from '@cdktf/provider-azurerm/lib/shared-image-gallery';
import { Construct } from 'constructs';
import { checkName } from '../../lib/naming';

export interface MixerImageGalleryProps {
  readonly resourceGroupName: string;
  readonly location: string;
  /** Letters, digits, "_" and "." (see PlatformNames). */
  readonly galleryName: string;
  readonly imageName: string;
  /** Publisher part of the image identifier. @default "StreamControl" */
  readonly publisher?: string;
  /** @default 2 - the mixer size (Standard_D2s_v3) */
  readonly minVcpuCount?: number;
  /** @default 8 - the mixer size (Standard_D2s_v3) */
  readonly minMemoryGiB?: number;
}

export class MixerImageGallery extends Construct {
  readonly gallery: SharedImageGallery;
  readonly image: SharedImage;

  constructor(scope: Construct, id: string, props: MixerImageGalleryProps) {
    super(scope, id);
    const badName = checkName('gallery', props.galleryName, 'galleryName');
    if (badName) throw new Error(badName);
    this.gallery = new SharedImageGallery(this, 'gallery', {
      name: props.galleryName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      description: 'stream-control mixer images (Windows Server 2022 with OBS)',
    });

    this.image = new SharedImage(this, 'mixer-image', {
      name: props.imageName,
      galleryName: this.gallery.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      osType: 'Windows',
      hyperVGeneration: 'V2',
      architecture: 'x64',
      // Sysprep-generalized by the Packer template: each mixer gets its own SID and admin.
      specialized: false,
      identifier: {
        publisher: props.publisher ?? 'StreamControl',
        offer: 'obs-mixer',
        sku: 'win2022-obs',
      },
      minRecommendedVcpuCount: props.minVcpuCount ?? 2,
      minRecommendedMemoryInGb: props.minMemoryGiB ?? 8,
      description: 'Windows Server 2022 with OBS Studio and the stream-control settings baseline',
    });
  }
}
