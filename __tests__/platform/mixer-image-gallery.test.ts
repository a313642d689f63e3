import { SharedImage } from '@cdktf/provider-azurerm/lib/shared-image';
import { SharedImageGallery } from '@cdktf/provider-azurerm/lib/shared-image-gallery';
import { Testing } from 'cdktf';
import {
  MixerImageGallery,
  MixerImageGalleryProps,
} from '../../constructs/platform/mixer-image-gallery';
import { onlyResource } from './helpers';

const base: MixerImageGalleryProps = {
  resourceGroupName: 'rg-platform',
  location: 'westeurope',
  galleryName: 'gal_stream_production',
  imageName: 'img-mixer-win2022-obs',
};

function synth(props: Partial<MixerImageGalleryProps> = {}) {
  const doc = JSON.parse(
    Testing.synthScope((scope) => new MixerImageGallery(scope, 'gallery', { ...base, ...props })),
  );
  return {
    gallery: onlyResource(doc, SharedImageGallery.tfResourceType),
    image: onlyResource(doc, SharedImage.tfResourceType),
  };
}

describe('MixerImageGallery', () => {
  it('creates the gallery with the given name', () => {
    expect(synth().gallery).toMatchObject({
      name: 'gal_stream_production',
      resource_group_name: 'rg-platform',
      location: 'westeurope',
    });
  });

  it('defines a generalized Windows, Hyper-V gen 2, x64 image in that gallery', () => {
    const { image } = synth();
    expect(image).toMatchObject({
      name: 'img-mixer-win2022-obs',
      gallery_name: expect.stringMatching(/^\$\{azurerm_shared_image_gallery\..+\.name\}$/),
      os_type: 'Windows',
      hyper_v_generation: 'V2',
      architecture: 'x64',
      specialized: false,
    });
  });

  it('identifies the image as StreamControl / obs-mixer / win2022-obs by default', () => {
    expect(synth().image.identifier).toEqual({
      publisher: 'StreamControl',
      offer: 'obs-mixer',
      sku: 'win2022-obs',
    });
    expect(synth({ publisher: 'Contoso' }).image.identifier.publisher).toBe('Contoso');
  });

  it('recommends at least the mixer size (2 vCPU, 8 GiB) by default, and takes other minimums', () => {
    expect(synth().image).toMatchObject({
      min_recommended_vcpu_count: 2,
      min_recommended_memory_in_gb: 8,
    });
    expect(synth({ minVcpuCount: 4, minMemoryGiB: 16 }).image).toMatchObject({
      min_recommended_vcpu_count: 4,
      min_recommended_memory_in_gb: 16,
    });
  });

  it('fails if the gallery name has characters galleries do not take', () => {
    expect(() => synth({ galleryName: 'gal-stream' })).toThrow(
      /galleryName "gal-stream" must be 2-80 letters, digits, "_" and "."/,
    );
  });
});
