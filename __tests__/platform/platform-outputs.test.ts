import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Testing } from 'cdktf';
import { resolveEvent } from '../../lib/event-model';
import { PLATFORM_OUTPUTS as OUTPUT_NAMES } from '../../lib/stack-outputs';
import {
  platformBackend,
  platformStatePath,
  readPlatformOutputs,
} from '../../lib/platform-outputs';
import { EventStack } from '../../stacks/event-stack';
import { IMAGE_TAG } from '../../lib/image-tag';

const SUB = '00000000-0000-0000-0000-000000000000';
const IMAGE_ID = `/subscriptions/${SUB}/resourceGroups/rg-platform-streaming-production/providers/Microsoft.Compute/galleries/gal_stream_production/images/img-mixer-win2022-obs`;
const IDENTITY_ID = `/subscriptions/${SUB}/resourceGroups/rg-platform-streaming-production/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-acrpull-production`;

const stateOutputs = {
  [OUTPUT_NAMES.resourceGroupName]: 'rg-platform-streaming-production',
  [OUTPUT_NAMES.stateResourceGroupName]: 'rg-platform-streaming-production',
  [OUTPUT_NAMES.stateStorageAccountName]: 'ststreamtfprod8cff1f',
  [OUTPUT_NAMES.stateContainerName]: 'tfstate',
  [OUTPUT_NAMES.registryLoginServer]: 'crstreamprod8cff1f.azurecr.io',
  [OUTPUT_NAMES.pullIdentityId]: IDENTITY_ID,
  [OUTPUT_NAMES.mixerImageId]: IMAGE_ID,
};

let stateDir: string;

/** Writes a Terraform state file the way terraform does (version 4, outputs with values). */
function writeState(outputs: Record<string, string>, environment = 'production'): void {
  const file = platformStatePath(environment, stateDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const entries = Object.fromEntries(
    Object.entries(outputs).map(([k, value]) => [k, { value, type: 'string' }]),
  );
  fs.writeFileSync(file, JSON.stringify({ version: 4, outputs: entries, resources: [] }));
}

const production = { environment: 'production' as const };

beforeEach(() => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-outputs-'));
});
afterEach(() => fs.rmSync(stateDir, { recursive: true, force: true }));

describe('readPlatformOutputs', () => {
  it('reads platform/<env>.tfstate under the state folder', () => {
    writeState(stateOutputs);
    const outputs = readPlatformOutputs(production, { stateDir });
    expect(outputs).toEqual({
      source: 'state',
      resourceGroupName: 'rg-platform-streaming-production',
      stateStorage: {
        resourceGroupName: 'rg-platform-streaming-production',
        storageAccountName: 'ststreamtfprod8cff1f',
        containerName: 'tfstate',
      },
      registry: { loginServer: 'crstreamprod8cff1f.azurecr.io', pullIdentityId: IDENTITY_ID },
      mixerImageId: IMAGE_ID,
      galleryName: undefined,
      mixerImageName: undefined,
    });
  });

  it('is undefined when the platform was never deployed from here', () => {
    expect(readPlatformOutputs(production, { stateDir })).toBeUndefined();
  });

  it('reads only its own environment', () => {
    writeState(stateOutputs, 'staging');
    expect(readPlatformOutputs(production, { stateDir })).toBeUndefined();
  });

  it('prefers the profile override to the state file', () => {
    writeState(stateOutputs);
    const outputs = readPlatformOutputs(
      {
        ...production,
        outputs: { resourceGroupName: 'rg-x', stateStorageAccountName: 'stother' },
      },
      { stateDir },
    );
    expect(outputs?.source).toBe('profile');
    expect(outputs?.stateStorage).toEqual({
      resourceGroupName: 'rg-x',
      storageAccountName: 'stother',
      containerName: 'tfstate',
    });
    expect(outputs?.registry).toBeUndefined();
  });

  it('leaves the registry out when the platform has none (registry-free)', () => {
    writeState({ [OUTPUT_NAMES.resourceGroupName]: 'rg-platform-streaming-production' });
    const outputs = readPlatformOutputs(production, { stateDir });
    expect(outputs?.registry).toBeUndefined();
    expect(outputs?.stateStorage).toBeUndefined();
    expect(platformBackend(outputs)).toBeUndefined();
  });

  it('fails naming the file when the state is not JSON', () => {
    const file = platformStatePath('production', stateDir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{ broken');
    expect(() => readPlatformOutputs(production, { stateDir })).toThrow(
      /platform state ".*production\.tfstate" is not valid JSON/,
    );
  });
});

describe('events on the platform', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  const azurerm = { STREAM_STATE_BACKEND: 'azurerm' };
  const platform = () => readPlatformOutputs(production, { stateDir });

  it('use the platform storage for the azurerm backend when the profile names only the kind', () => {
    writeState(stateOutputs);
    const event = resolveEvent({ name: 'Conf 2026' }, { now, env: azurerm, platform: platform() });
    expect(event.stateBackend).toEqual({
      kind: 'azurerm',
      resourceGroupName: 'rg-platform-streaming-production',
      storageAccountName: 'ststreamtfprod8cff1f',
      containerName: 'tfstate',
    });
  });

  it('still take explicit environment values over the platform', () => {
    writeState(stateOutputs);
    const event = resolveEvent(
      { name: 'Conf 2026' },
      {
        now,
        env: { ...azurerm, STREAM_STATE_STORAGE_ACCOUNT: 'stexplicit' },
        platform: platform(),
      },
    );
    expect(event.stateBackend).toMatchObject({ storageAccountName: 'stexplicit' });
  });

  it('fail the azurerm backend without a platform or names, saying what to set', () => {
    expect(() =>
      resolveEvent({ name: 'Conf 2026' }, { now, env: azurerm, platform: null }),
    ).toThrow(/stateBackend storage account "" must be 3-24 lowercase letters and digits/);
  });

  it('pull relay and splitter from the platform registry with its identity', () => {
    writeState(stateOutputs);
    const event = resolveEvent({ name: 'Conf 2026' }, { now, env: {}, platform: platform() });
    expect(event.relayImage).toBe(`crstreamprod8cff1f.azurecr.io/srt-relay:${IMAGE_TAG}`);
    expect(event.splitterImage).toBe(`crstreamprod8cff1f.azurecr.io/slide-splitter:${IMAGE_TAG}`);
    expect(event.registryPull).toEqual({
      server: 'crstreamprod8cff1f.azurecr.io',
      identityId: IDENTITY_ID,
    });
  });

  it('need no pull identity for images from elsewhere', () => {
    writeState(stateOutputs);
    const event = resolveEvent(
      {
        name: 'Conf 2026',
        relayImage: 'ghcr.io/acme/srt-relay:1',
        splitterImage: 'ghcr.io/acme/slide-splitter:1',
        languageMixerImage: 'ghcr.io/acme/language-mixer:1',
      },
      { now, env: {}, platform: platform() },
    );
    expect(event.registryPull).toBeUndefined();
  });

  it("fall back to the platform registry's name without platform outputs", () => {
    const event = resolveEvent({ name: 'Conf 2026' }, { now, env: {}, platform: null });
    expect(event.relayImage).toBe(`crstreamprod8cff1f.azurecr.io/srt-relay:${IMAGE_TAG}`);
    expect(event.registryPull).toBeUndefined();
  });

  it('get the newest gallery version (the definition id) with mixerImage "gallery"', () => {
    writeState(stateOutputs);
    const event = resolveEvent(
      { name: 'Conf 2026', mixerImage: { kind: 'gallery' } },
      { now, env: {}, platform: platform() },
    );
    expect(event.mixerImage).toEqual({ kind: 'custom', imageId: IMAGE_ID });
  });

  it('fall back to the marketplace image when the platform has no gallery', () => {
    const event = resolveEvent(
      { name: 'Conf 2026', mixerImage: { kind: 'gallery' } },
      { now, env: {}, platform: null },
    );
    expect(event.mixerImage).toEqual({ kind: 'marketplace' });
  });

  it('keep the marketplace image by default even when a gallery exists', () => {
    writeState(stateOutputs);
    const event = resolveEvent({ name: 'Conf 2026' }, { now, env: {}, platform: platform() });
    expect(event.mixerImage).toEqual({ kind: 'marketplace' });
  });

  it('synthesize an azurerm backend at the platform storage with key <env>/<event>.tfstate', () => {
    writeState(stateOutputs);
    const event = resolveEvent({ name: 'Conf 2026' }, { now, env: azurerm, platform: platform() });
    const app: App = Testing.app();
    const doc = JSON.parse(Testing.synth(new EventStack(app, { event })));
    expect(doc.terraform.backend).toEqual({
      azurerm: {
        resource_group_name: 'rg-platform-streaming-production',
        storage_account_name: 'ststreamtfprod8cff1f',
        container_name: 'tfstate',
        key: 'production/conf-2026.tfstate',
        use_azuread_auth: true,
      },
    });
  });

  it('give each event its own key in the same container', () => {
    writeState(stateOutputs);
    const keys = ['Conf A', 'Conf B'].map((name) => {
      const event = resolveEvent({ name }, { now, env: azurerm, platform: platform() });
      const doc = JSON.parse(Testing.synth(new EventStack(Testing.app(), { event })));
      return doc.terraform.backend.azurerm.key;
    });
    expect(keys).toEqual(['production/conf-a.tfstate', 'production/conf-b.tfstate']);
  });
});
