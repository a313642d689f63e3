/**
 * The event model's field rules: each check appends one line per problem (field, value,
 * rule) and returns what it could salvage, so resolveEvent can report every problem at once.
 */
import { contains, Cidr, overlaps, parseCidr } from './cidr';
import type { MixerImage, MixerImageRequest } from './event-model';
import type { PlatformOutputs } from './platform-outputs';
import { checkName } from './naming';
import { EnvironmentProfile, StateBackendSettings } from './profiles';

export const IMAGE_REF_PATTERN =
  /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})?$/;
export const IMAGE_ID_PATTERN =
  /^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/(images\/[^/]+|galleries\/[^/]+\/images\/[^/]+(\/versions\/[^/]+)?)$/;

export function checkAddressPlan(
  profile: EnvironmentProfile,
  problems: string[],
): Cidr | undefined {
  const parsed: Record<string, Cidr> = {};
  for (const field of ['addressSpace', 'containersSubnet', 'mixersSubnet'] as const) {
    const result = parseCidr(profile[field]);
    if (typeof result === 'string')
      problems.push(`profile ${profile.name} ${field} "${profile[field]}" ${result}`);
    else parsed[field] = result;
  }
  const { addressSpace, containersSubnet, mixersSubnet } = parsed;
  if (!addressSpace || !containersSubnet || !mixersSubnet) return undefined;
  for (const [field, block] of [
    ['containersSubnet', containersSubnet],
    ['mixersSubnet', mixersSubnet],
  ] as const) {
    if (!contains(addressSpace, block)) {
      problems.push(
        `profile ${profile.name} ${field} "${block.text}" lies outside addressSpace "${addressSpace.text}"`,
      );
    }
  }
  if (overlaps(containersSubnet, mixersSubnet)) {
    problems.push(
      `profile ${profile.name} subnets "${containersSubnet.text}" and "${mixersSubnet.text}" overlap`,
    );
  }
  return mixersSubnet;
}

export function validateAllowList(
  field: string,
  raw: readonly string[] | undefined,
  vnet: Cidr | undefined,
  problems: string[],
): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push(`${field} ${JSON.stringify(raw)} must be a list of CIDR blocks`);
    return [];
  }
  const blocks: Cidr[] = [];
  for (const item of raw) {
    const result = typeof item === 'string' ? parseCidr(item.trim()) : 'is not a string';
    if (typeof result === 'string') {
      problems.push(`${field} entry ${JSON.stringify(item)} ${result}`);
      continue;
    }
    if (result.prefix < 8) {
      problems.push(
        `${field} entry "${result.text}" is /${result.prefix}: allow-lists take named sources (/8 or narrower), never the whole Internet`,
      );
      continue;
    }
    if (vnet && overlaps(vnet, result)) {
      problems.push(
        `${field} entry "${result.text}" overlaps the event network "${vnet.text}"; list outside sources only`,
      );
      continue;
    }
    const clash = blocks.find((b) => overlaps(b, result));
    if (clash) {
      problems.push(
        `${field} entries "${clash.text}" and "${result.text}" overlap; list each source once`,
      );
      continue;
    }
    blocks.push(result);
  }
  return blocks.map((b) => b.text);
}

export function validateMixerImage(
  raw: MixerImageRequest | undefined,
  platform: PlatformOutputs | undefined,
  problems: string[],
): MixerImage {
  if (raw === undefined) return { kind: 'marketplace' };
  if (raw?.kind === 'marketplace') return raw;
  // No gallery yet (or registry-free platform): the marketplace image plus the OBS install.
  if (raw?.kind === 'gallery') {
    return platform?.mixerImageId
      ? { kind: 'custom', imageId: platform.mixerImageId }
      : { kind: 'marketplace' };
  }
  if (raw?.kind === 'custom') {
    if (typeof raw.imageId === 'string' && IMAGE_ID_PATTERN.test(raw.imageId)) return raw;
    problems.push(
      `mixerImage.imageId ${JSON.stringify(raw.imageId)} must be a managed image or gallery image id (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Compute/...)`,
    );
    return raw;
  }
  problems.push(
    `mixerImage ${JSON.stringify(raw)} must be {"kind":"marketplace"}, {"kind":"gallery"} or {"kind":"custom","imageId":"..."}`,
  );
  return { kind: 'marketplace' };
}

/** STREAM_STATE_BACKEND (local | azurerm | cloud) and its settings override the profile's. */
export function resolveStateBackend(
  base: StateBackendSettings,
  env: NodeJS.ProcessEnv,
  problems: string[],
  platform: StateBackendSettings | undefined,
): StateBackendSettings {
  const kind = env.STREAM_STATE_BACKEND ?? base.kind;
  if (kind === 'local') return { kind: 'local' };
  if (kind === 'azurerm') {
    const fromBase = base.kind === 'azurerm' ? base : undefined;
    // A profile may name only the kind: the platform's storage fills in the rest.
    const fromPlatform = platform?.kind === 'azurerm' ? platform : undefined;
    const storageAccountName =
      env.STREAM_STATE_STORAGE_ACCOUNT ??
      fromBase?.storageAccountName ??
      fromPlatform?.storageAccountName;
    const resourceGroupName =
      env.STREAM_STATE_RESOURCE_GROUP ??
      fromBase?.resourceGroupName ??
      fromPlatform?.resourceGroupName;
    const badAccount = checkName(
      'storageAccount',
      storageAccountName,
      'stateBackend storage account',
    );
    if (badAccount) {
      problems.push(`${badAccount} (set STREAM_STATE_STORAGE_ACCOUNT or the profile)`);
    }
    if (!resourceGroupName)
      problems.push(
        'stateBackend resource group is empty (set STREAM_STATE_RESOURCE_GROUP or the profile)',
      );
    const containerName =
      env.STREAM_STATE_CONTAINER ??
      fromBase?.containerName ??
      fromPlatform?.containerName ??
      'tfstate';
    return {
      kind: 'azurerm',
      storageAccountName: storageAccountName ?? '',
      resourceGroupName: resourceGroupName ?? '',
      containerName,
    };
  }
  if (kind === 'cloud') {
    const fromBase = base.kind === 'cloud' ? base : undefined;
    const organization = env.STREAM_TFC_ORGANIZATION ?? fromBase?.organization;
    if (!organization || !/^[A-Za-z0-9_-]{1,40}$/.test(organization)) {
      problems.push(
        `stateBackend organization ${JSON.stringify(organization ?? '')} must be a Terraform Cloud organization name (set STREAM_TFC_ORGANIZATION or the profile)`,
      );
    }
    const hostname = env.STREAM_TFC_HOSTNAME ?? fromBase?.hostname ?? 'app.terraform.io';
    return { kind: 'cloud', organization: organization ?? '', hostname };
  }
  problems.push(`stateBackend kind ${JSON.stringify(kind)} must be local, azurerm or cloud`);
  return { kind: 'local' };
}

export function resolveCreatedAt(
  now: Date | undefined,
  env: NodeJS.ProcessEnv,
  problems: string[],
): Date {
  if (now) return new Date(Math.floor(now.getTime() / 1000) * 1000);
  const text = env.STREAM_CONTROL_CREATED_AT;
  if (text === undefined || text === '') return new Date(Math.floor(Date.now() / 1000) * 1000);
  const parsed = new Date(text);
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?Z$/.test(text) ||
    Number.isNaN(parsed.getTime())
  ) {
    problems.push(
      `STREAM_CONTROL_CREATED_AT ${JSON.stringify(text)} must be an ISO-8601 UTC time like 2026-05-01T08:00:00Z`,
    );
    return new Date(0);
  }
  return parsed;
}
