/**
 * What events take from their environment's platform: the state storage for the azurerm
 * backend, the registry and pull identity, and the mixer image. Values come from the
 * "platform.outputs" block of config/environments.json when a crew commits them (the platform
 * state lives on one operator's machine), else from the platform's local state file; never
 * from values copied by hand into event files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StateBackendSettings } from './profiles';
import { PlatformOutputOverride, PlatformSettings } from '../platform/settings';

/** Output names of PlatformStack; the stack declares its outputs with exactly these. */
export const OUTPUT_NAMES = {
  resourceGroupName: 'platform_resource_group_name',
  stateResourceGroupName: 'state_resource_group_name',
  stateStorageAccountName: 'state_storage_account_name',
  stateContainerName: 'state_container_name',
  registryLoginServer: 'registry_login_server',
  pullIdentityId: 'registry_pull_identity_id',
  mixerImageId: 'mixer_image_id',
  galleryName: 'gallery_name',
  mixerImageName: 'mixer_image_name',
} as const;

export interface PlatformOutputs {
  /** Where the values came from, for status output and error messages. */
  readonly source: 'profile' | 'state';
  readonly resourceGroupName?: string;
  readonly stateStorage?: {
    readonly resourceGroupName: string;
    readonly storageAccountName: string;
    readonly containerName: string;
  };
  readonly registry?: { readonly loginServer: string; readonly pullIdentityId: string };
  /** Image definition id: a VM created from it gets the newest version. */
  readonly mixerImageId?: string;
  readonly galleryName?: string;
  readonly mixerImageName?: string;
}

/** Project root: the folder holding config/ and state/. */
export const PROJECT_DIR = path.join(__dirname, '..');

/** <projectDir>/state/platform/<env>.tfstate, where PlatformStack's local backend writes. */
export function platformStatePath(environment: string, projectDir = PROJECT_DIR): string {
  return path.join(projectDir, 'state', 'platform', `${environment}.tfstate`);
}

/** Reads the outputs of a Terraform state file; undefined when it does not exist. */
export function readStateOutputs(file: string): Record<string, string> | undefined {
  if (!fs.existsSync(file)) return undefined;
  let parsed: { outputs?: Record<string, { value?: unknown }> };
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`platform state "${file}" is not valid JSON: ${(err as Error).message}`);
  }
  const out: Record<string, string> = {};
  for (const [name, entry] of Object.entries(parsed.outputs ?? {})) {
    if (typeof entry?.value === 'string' && entry.value !== '') out[name] = entry.value;
  }
  return out;
}

function fromOverride(o: PlatformOutputOverride): Record<string, string> {
  const pairs: [string, string | undefined][] = [
    [OUTPUT_NAMES.resourceGroupName, o.resourceGroupName],
    [OUTPUT_NAMES.stateResourceGroupName, o.resourceGroupName],
    [OUTPUT_NAMES.stateStorageAccountName, o.stateStorageAccountName],
    [OUTPUT_NAMES.stateContainerName, o.stateContainerName ?? 'tfstate'],
    [OUTPUT_NAMES.registryLoginServer, o.registryLoginServer],
    [OUTPUT_NAMES.pullIdentityId, o.pullIdentityId],
    [OUTPUT_NAMES.mixerImageId, o.mixerImageId],
  ];
  return Object.fromEntries(pairs.filter((p): p is [string, string] => typeof p[1] === 'string'));
}

function toOutputs(
  raw: Record<string, string>,
  source: PlatformOutputs['source'],
): PlatformOutputs {
  const n = OUTPUT_NAMES;
  const account = raw[n.stateStorageAccountName];
  const stateRg = raw[n.stateResourceGroupName] ?? raw[n.resourceGroupName];
  const server = raw[n.registryLoginServer];
  const identity = raw[n.pullIdentityId];
  return {
    source,
    resourceGroupName: raw[n.resourceGroupName],
    stateStorage:
      account && stateRg
        ? {
            resourceGroupName: stateRg,
            storageAccountName: account,
            containerName: raw[n.stateContainerName] ?? 'tfstate',
          }
        : undefined,
    registry: server && identity ? { loginServer: server, pullIdentityId: identity } : undefined,
    mixerImageId: raw[n.mixerImageId],
    galleryName: raw[n.galleryName],
    mixerImageName: raw[n.mixerImageName],
  };
}

export interface ReadPlatformOptions {
  /** @default PROJECT_DIR */
  readonly projectDir?: string;
  /** @default - platformStatePath(environment, projectDir) */
  readonly stateFile?: string;
}

/**
 * The platform's outputs for one environment: the profile's override if it has one, else
 * the local state; undefined when neither exists (the platform is not deployed from here).
 */
export function readPlatformOutputs(
  settings: Pick<PlatformSettings, 'environment' | 'outputs'>,
  options: ReadPlatformOptions = {},
): PlatformOutputs | undefined {
  if (settings.outputs) return toOutputs(fromOverride(settings.outputs), 'profile');
  const file =
    options.stateFile ?? platformStatePath(settings.environment, options.projectDir ?? PROJECT_DIR);
  const raw = readStateOutputs(file);
  return raw ? toOutputs(raw, 'state') : undefined;
}

/** azurerm backend settings for the events of an environment, from the platform's storage. */
export function platformBackend(
  outputs: PlatformOutputs | undefined,
): StateBackendSettings | undefined {
  if (!outputs?.stateStorage) return undefined;
  return { kind: 'azurerm', ...outputs.stateStorage };
}
