/**
 * What events take from their environment's platform: the state storage for the azurerm
 * backend, the registry and pull identity, and the mixer image. Values come from the
 * "platform.outputs" block of config/environments.json when a crew commits them (the platform
 * state lives on one operator's machine), else from the platform's local state file; never
 * from values copied by hand into event files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PlatformOutputOverride, PlatformSettings } from './platform-settings';
import { StateBackendSettings } from './profiles';
import { PLATFORM_OUTPUTS } from './stack-outputs';

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

/** The repository's state folder; the engine and the app are told another one explicitly. */
export const DEFAULT_STATE_DIR = path.join(__dirname, '..', 'state');

/** <stateDir>/platform/<env>.tfstate, where PlatformStack's local backend writes. */
export function platformStatePath(environment: string, stateDir = DEFAULT_STATE_DIR): string {
  return path.join(stateDir, 'platform', `${environment}.tfstate`);
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
    [PLATFORM_OUTPUTS.resourceGroupName, o.resourceGroupName],
    [PLATFORM_OUTPUTS.stateResourceGroupName, o.resourceGroupName],
    [PLATFORM_OUTPUTS.stateStorageAccountName, o.stateStorageAccountName],
    [PLATFORM_OUTPUTS.stateContainerName, o.stateContainerName ?? 'tfstate'],
    [PLATFORM_OUTPUTS.registryLoginServer, o.registryLoginServer],
    [PLATFORM_OUTPUTS.pullIdentityId, o.pullIdentityId],
    [PLATFORM_OUTPUTS.mixerImageId, o.mixerImageId],
  ];
  return Object.fromEntries(pairs.filter((p): p is [string, string] => typeof p[1] === 'string'));
}

function toOutputs(
  raw: Record<string, string>,
  source: PlatformOutputs['source'],
): PlatformOutputs {
  const n = PLATFORM_OUTPUTS;
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
  /** Folder holding platform/<env>.tfstate. @default DEFAULT_STATE_DIR */
  readonly stateDir?: string;
  /** @default - platformStatePath(environment, stateDir) */
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
  const file = options.stateFile ?? platformStatePath(settings.environment, options.stateDir);
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
