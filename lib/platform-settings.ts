/**
 * What each environment's platform holds, read from the "platform" block of
 * config/environments.json. A preset gives the defaults; any field set next to it wins, so a
 * crew can say "registry-free, but keep the state storage" without a new preset.
 */
import { PLATFORM_SUFFIX_PATTERN } from './naming';
import { EnvironmentName, getProfile, platformBlock } from './profiles';

export type RegistrySku = 'Basic' | 'Standard' | 'Premium';
export const PLATFORM_PRESETS = ['standard', 'registry-free'] as const;
export type PlatformPreset = (typeof PLATFORM_PRESETS)[number];

/** Outputs a crew commits when the platform state is not on this machine. */
export interface PlatformOutputOverride {
  readonly resourceGroupName?: string;
  readonly stateStorageAccountName?: string;
  readonly stateContainerName?: string;
  readonly registryLoginServer?: string;
  readonly pullIdentityId?: string;
  readonly mixerImageId?: string;
}

/** The "platform" block as written in config/environments.json. */
export interface PlatformSettingsInput {
  /** @default "standard" */
  readonly preset?: PlatformPreset;
  /** Globally unique part of storage account and registry names, 4-8 of a-z and 0-9. */
  readonly nameSuffix: string;
  /** @default "Basic" ("none" with the registry-free preset) */
  readonly registrySku?: RegistrySku | 'none';
  /** @default true (false with the registry-free preset) */
  readonly stateStorage?: boolean;
  /** @default true (false with the registry-free preset) */
  readonly mixerImageGallery?: boolean;
  /** Operator addresses allowed to reach the state storage. @default [] - Entra ID auth only */
  readonly allowedCidrs?: readonly string[];
  /** Image for event mixers that do not choose one. @default "marketplace" */
  readonly mixerImage?: 'marketplace' | 'gallery';
  /** @default - none; outputs come from the platform's local state file */
  readonly outputs?: PlatformOutputOverride;
}

export interface PlatformSettings {
  readonly environment: EnvironmentName;
  readonly location: string;
  readonly preset: PlatformPreset;
  readonly nameSuffix: string;
  readonly registrySku: RegistrySku | 'none';
  readonly stateStorage: boolean;
  readonly mixerImageGallery: boolean;
  readonly allowedCidrs: readonly string[];
  readonly mixerImage: 'marketplace' | 'gallery';
  readonly outputs?: PlatformOutputOverride;
}

const PRESETS: Readonly<
  Record<
    PlatformPreset,
    Pick<PlatformSettings, 'registrySku' | 'stateStorage' | 'mixerImageGallery'>
  >
> = {
  standard: { registrySku: 'Basic', stateStorage: true, mixerImageGallery: true },
  // Nothing that bills while idle: public images, local event state, marketplace mixers.
  'registry-free': { registrySku: 'none', stateStorage: false, mixerImageGallery: false },
};

const SKUS = ['Basic', 'Standard', 'Premium', 'none'];

/** Applies the preset and checks every field; all problems are reported together. */
export function resolvePlatformSettings(
  environment: EnvironmentName,
  input: PlatformSettingsInput | undefined,
): PlatformSettings {
  const where = `environments.json ${environment}.platform`;
  if (!input) throw new Error(`${where} is missing; it needs at least a nameSuffix`);
  const problems: string[] = [];
  const preset = input.preset ?? 'standard';
  if (!PLATFORM_PRESETS.includes(preset)) {
    problems.push(
      `${where}.preset ${JSON.stringify(preset)} must be one of ${PLATFORM_PRESETS.join(', ')}`,
    );
  }
  if (typeof input.nameSuffix !== 'string' || !PLATFORM_SUFFIX_PATTERN.test(input.nameSuffix)) {
    problems.push(
      `${where}.nameSuffix ${JSON.stringify(input.nameSuffix)} must be 4-8 lowercase letters and digits`,
    );
  }
  const base = PRESETS[preset] ?? PRESETS.standard;
  const registrySku = input.registrySku ?? base.registrySku;
  if (!SKUS.includes(registrySku)) {
    problems.push(
      `${where}.registrySku ${JSON.stringify(registrySku)} must be one of ${SKUS.join(', ')}`,
    );
  }
  const mixerImage = input.mixerImage ?? 'marketplace';
  if (mixerImage !== 'marketplace' && mixerImage !== 'gallery') {
    problems.push(
      `${where}.mixerImage ${JSON.stringify(mixerImage)} must be "marketplace" or "gallery"`,
    );
  }
  const allowedCidrs = input.allowedCidrs ?? [];
  for (const cidr of allowedCidrs) {
    // Storage IP rules take public IPv4 ranges only, and never /31 or /32 as a range.
    if (!/^\d{1,3}(\.\d{1,3}){3}(\/([0-9]|[12][0-9]|30))?$/.test(cidr)) {
      problems.push(
        `${where}.allowedCidrs entry ${JSON.stringify(cidr)} must be an IPv4 address or a range up to /30`,
      );
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return {
    environment,
    location: getProfile(environment).location,
    preset,
    nameSuffix: input.nameSuffix,
    registrySku,
    stateStorage: input.stateStorage ?? base.stateStorage,
    mixerImageGallery: input.mixerImageGallery ?? base.mixerImageGallery,
    allowedCidrs,
    mixerImage,
    outputs: input.outputs,
  };
}

/** The platform settings of one environment as committed in config/environments.json. */
export function getPlatformSettings(environment: EnvironmentName): PlatformSettings {
  return resolvePlatformSettings(
    environment,
    platformBlock(environment) as PlatformSettingsInput | undefined,
  );
}
