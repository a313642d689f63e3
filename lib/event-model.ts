/**
 * The event model: what one live event needs (files: event-files.ts), validated in full
 * before anything touches a cloud (field rules: event-rules.ts). Every problem names the field, the value received and the rule, and all of them
 * are reported together.
 */
import { Cidr, hostAt, parseCidr } from './cidr';
import { AudioSource, DEFAULTS, MAX_AUDIO_INDEX, MAX_OUTPUTS, OutputAudio } from './contract';
import { LanguageEntry, validateLanguages } from './event-languages';
import { IMAGE_TAG } from './image-tag';
import { EventNames, eventSlug, PlatformNames } from './naming';
import {
  EnvironmentName,
  EnvironmentProfile,
  ENVIRONMENTS,
  getProfile,
  isEnvironment,
  StateBackendSettings,
} from './profiles';
import { PlatformOutputs, platformBackend, readPlatformOutputs } from './platform-outputs';
import { getPlatformSettings } from './platform-settings';
import { MIXER_KINDS, MIXER_LAYOUTS, MixerKind, MixerLayout } from './mixer-model';

export { DEFAULT_LANGUAGES } from './event-languages';
export type { LanguageDefinition, LanguageEntry } from './event-languages';
import {
  checkAddressPlan,
  IMAGE_REF_PATTERN,
  resolveCreatedAt,
  resolveStateBackend,
  validateAllowList,
  validateMixerImage,
} from './event-rules';

/** Mixer VM image: Windows Server 2022 from the marketplace, or a pre-built image with OBS. */
export type MixerImage =
  | { readonly kind: 'marketplace' }
  | {
      /** A managed image or gallery image version id; OBS already installed (~3 min vs ~10). */
      readonly kind: 'custom';
      readonly imageId: string;
    };

/**
 * What an event file may ask for: a MixerImage, or the newest version of the platform's
 * gallery image (help/platform.md). Resolving turns "gallery" into a custom image id, or into
 * the marketplace image when the platform has no gallery yet.
 */
export type MixerImageRequest = MixerImage | { readonly kind: 'gallery' };

/** The shape of an event file (events/<slug>.json). Every field but name is optional. */
export interface EventDefinition {
  /** What the crew calls the event; normalized to the slug used in every Azure name. */
  readonly name: string;
  /** @default "production" */
  readonly environment?: string;
  /**
   * One mixer and one YouTube channel per language: a name (the i-th language takes the i-th
   * audio track of the program feed) or {"name","audio","floorMixDb"} (lib/event-languages.ts).
   * @default ["original","spanish","french"]
   */
  readonly languages?: readonly LanguageEntry[];
  /**
   * Where the floor (the room's own language) is in the program feed, for languages that mix
   * it under themselves (floorMixDb). @default {"track":1}
   */
  readonly floor?: AudioSource;
  /** Hours until the event's resources count as expired. @default 24 */
  readonly ttlHours?: number;
  /** Operator addresses allowed RDP and health. @default [] - no RDP from outside the VNet */
  readonly operatorCidrs?: readonly string[];
  /** @default - the platform profile's mixerImage ("marketplace" unless it says "gallery") */
  readonly mixerImage?: MixerImageRequest;
  /**
   * "container": a headless ffmpeg mixer per language (ACI); "obs": OBS on a Windows VM per
   * language, for crews that want hands-on control over RDP (help/mixers.md).
   * @default - the environment profile's "mixer", else "container"
   */
  readonly mixer?: string;
  /** Where the slides go: "inset" (program full frame) or "side-by-side". @default "inset" */
  readonly layout?: string;
  /** @default "<platform registry, else profile.imageRegistry>/language-mixer:<IMAGE_TAG>" */
  readonly languageMixerImage?: string;
  /** @default "<platform registry, else profile.imageRegistry, else the platform registry's name>/srt-relay:<IMAGE_TAG>" */
  readonly relayImage?: string;
  /** @default - like relayImage, "…/slide-splitter:<IMAGE_TAG>" (lib/image-tag.ts: the app's version) */
  readonly splitterImage?: string;
  /** SRT latency on every hop. @default 200 */
  readonly srtLatencyMs?: number;
  /** How 32:9 slides become 16:9. @default "crop" */
  readonly slideFit?: string;
  /** Overrides the environment profile's state backend for this event. @default - profile's */
  readonly stateBackend?: StateBackendSettings;
}

/** A validated event with every default applied. */
export interface EventConfig {
  readonly slug: string;
  readonly displayName: string;
  readonly environment: EnvironmentName;
  readonly profile: EnvironmentProfile;
  readonly names: EventNames;
  readonly languages: readonly string[];
  /** Each language's audio in the program feed, in language order (the relay's OUTPUT_AUDIO). */
  readonly audio: readonly OutputAudio[];
  /** Where the floor is in the program feed. */
  readonly floor: AudioSource;
  readonly ttlHours: number;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly operatorCidrs: readonly string[];
  readonly mixerImage: MixerImage;
  readonly mixer: MixerKind;
  readonly layout: MixerLayout;
  readonly languageMixerImage: string;
  readonly relayImage: string;
  readonly splitterImage: string;
  readonly srtLatencyMs: number;
  readonly slideFit: 'crop' | 'letterbox';
  readonly stateBackend: StateBackendSettings;
  /** Static private IP of each language's mixer, in language order. */
  readonly mixerIps: readonly string[];
  /**
   * Pull identity of the platform's registry, present when the relay or splitter image comes
   * from it (EventStackProps.registryPull takes this shape).
   */
  readonly registryPull?: { readonly server: string; readonly identityId: string };
}

export class EventValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'EventValidationError';
  }
}

/**
 * ingestCidrs was an NSG rule on a subnet with no container in it: ACI's public IPs have no
 * NSG, so it filtered nothing. Refused rather than ignored, so no one believes it protects.
 */
export const INGEST_CIDRS_GONE =
  'ingestCidrs is no longer a setting: the relay and the splitter are public container groups, which have no NSG, so an address list there filters nothing; the SRT passphrase with enforced encryption is what keeps other senders out (help/ingest.md). Remove "ingestCidrs" from the event file';

export const DEFAULT_TTL_HOURS = 24;
export const MAX_TTL_HOURS = 168;
/** Mixers take 10.42.2.(11+i): the first addresses of the subnet stay free for Azure and ops. */
export const FIRST_MIXER_HOST = 11;

export interface ResolveOptions {
  /** Deploy time; tags and expiry derive from it. @default STREAM_CONTROL_CREATED_AT or now */
  readonly now?: Date;
  /** Replaces the definition's environment (the CLI's --env). */
  readonly environment?: string;
  /** Process environment for backend overrides. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * The environment's platform outputs; null ignores the platform.
   * @default - read by lib/platform-outputs: the profile's override, else
   * <STREAM_CONTROL_STATE_DIR or state>/platform/<env>.tfstate
   */
  readonly platform?: PlatformOutputs | null;
}

/** Validates a definition and applies defaults; throws EventValidationError listing every problem. */
export function resolveEvent(def: EventDefinition, options: ResolveOptions = {}): EventConfig {
  const problems: string[] = [];
  const env = options.env ?? process.env;
  const known = new Set([
    'name',
    'environment',
    'languages',
    'floor',
    'ttlHours',
    'operatorCidrs',
    'mixerImage',
    'mixer',
    'layout',
    'languageMixerImage',
    'relayImage',
    'splitterImage',
    'srtLatencyMs',
    'slideFit',
    'stateBackend',
    '$comment',
  ]);
  for (const key of Object.keys(def ?? {})) {
    if (key === 'ingestCidrs') {
      problems.push(INGEST_CIDRS_GONE);
      continue;
    }
    if (!known.has(key))
      problems.push(
        `field "${key}" is not an event setting (known: ${[...known].filter((k) => k !== '$comment').join(', ')})`,
      );
  }

  const slugResult = eventSlug(def?.name);
  if (!slugResult.ok) problems.push(slugResult.problem);
  const slug = slugResult.ok ? slugResult.slug : 'invalid';

  const environmentRaw = options.environment ?? def?.environment ?? 'production';
  if (!isEnvironment(environmentRaw)) {
    problems.push(
      `environment ${JSON.stringify(environmentRaw)} is unknown; use one of ${ENVIRONMENTS.join(', ')}`,
    );
  }
  const environment: EnvironmentName = isEnvironment(environmentRaw)
    ? environmentRaw
    : 'production';
  const profile = getProfile(environment);

  const languageList = validateLanguages(def?.languages, def?.floor, problems);
  const languages = languageList.names;
  const mixerSubnet = checkAddressPlan(profile, problems);
  const hosts = mixerSubnet ? mixerSubnet.size - 1 - FIRST_MIXER_HOST : 0;
  const capacity = Math.min(hosts, MAX_OUTPUTS, MAX_AUDIO_INDEX);
  if (mixerSubnet && languages.length > capacity) {
    problems.push(
      `languages has ${languages.length} entries; at most ${capacity} fit (mixers subnet ${mixerSubnet.text} from .${FIRST_MIXER_HOST}: ${hosts}; audio tracks: ${MAX_AUDIO_INDEX})`,
    );
  }

  const ttlHours = def?.ttlHours ?? DEFAULT_TTL_HOURS;
  if (!Number.isInteger(ttlHours) || ttlHours < 1 || ttlHours > MAX_TTL_HOURS) {
    problems.push(
      `ttlHours ${JSON.stringify(ttlHours)} must be a whole number of hours from 1 to ${MAX_TTL_HOURS}`,
    );
  }
  const srtLatencyMs = def?.srtLatencyMs ?? DEFAULTS.latencyMs;
  if (!Number.isInteger(srtLatencyMs) || srtLatencyMs < 20 || srtLatencyMs > 8000) {
    problems.push(
      `srtLatencyMs ${JSON.stringify(srtLatencyMs)} must be a whole number of milliseconds from 20 to 8000`,
    );
  }
  // New events get the headless mixer (help/mixers.md); OBS stays one word away.
  const mixer = def?.mixer ?? profile.mixer ?? 'container';
  if (!(MIXER_KINDS as readonly unknown[]).includes(mixer)) {
    problems.push(`mixer ${JSON.stringify(mixer)} must be one of ${MIXER_KINDS.join(', ')}`);
  }
  const layout = def?.layout ?? 'inset';
  if (!(MIXER_LAYOUTS as readonly unknown[]).includes(layout)) {
    problems.push(`layout ${JSON.stringify(layout)} must be one of ${MIXER_LAYOUTS.join(', ')}`);
  }
  const slideFit = def?.slideFit ?? DEFAULTS.slideFit;
  if (slideFit !== 'crop' && slideFit !== 'letterbox') {
    problems.push(`slideFit ${JSON.stringify(slideFit)} must be "crop" or "letterbox"`);
  }

  const vnet = parseCidr(profile.addressSpace);
  const operatorCidrs = validateAllowList(
    'operatorCidrs',
    def?.operatorCidrs,
    typeof vnet === 'string' ? undefined : vnet,
    problems,
  );

  const platform = resolvePlatform(environment, options, problems);
  const mixerImage = validateMixerImage(
    def?.mixerImage ?? platform.mixerImage,
    platform.outputs,
    problems,
  );
  // The platform's registry (the only one the project creates), pinned to this release's tag.
  const registry =
    platform.outputs?.registry?.loginServer ?? profile.imageRegistry ?? platform.registryServer;
  const relayImage = def?.relayImage ?? `${registry}/srt-relay:${IMAGE_TAG}`;
  const splitterImage = def?.splitterImage ?? `${registry}/slide-splitter:${IMAGE_TAG}`;
  const languageMixerImage = def?.languageMixerImage ?? `${registry}/language-mixer:${IMAGE_TAG}`;
  for (const [field, value] of [
    ['relayImage', relayImage],
    ['splitterImage', splitterImage],
    ['languageMixerImage', languageMixerImage],
  ] as const) {
    if (typeof value !== 'string' || !IMAGE_REF_PATTERN.test(value)) {
      problems.push(
        `${field} ${JSON.stringify(value)} is not a container image reference like myregistry.azurecr.io/srt-relay:1.0`,
      );
    }
  }

  const stateBackend = resolveStateBackend(
    def?.stateBackend ?? profile.stateBackend,
    env,
    problems,
    platformBackend(platform.outputs),
  );
  const createdAt = resolveCreatedAt(options.now, env, problems);

  if (problems.length > 0) throw new EventValidationError(problems);

  const expiresAt = new Date(createdAt.getTime() + ttlHours * 3_600_000);
  return {
    slug,
    displayName: def.name.trim(),
    environment,
    profile,
    names: new EventNames(slug, environment, platform.nameSuffix),
    languages,
    audio: languageList.audio,
    floor: languageList.floor,
    ttlHours,
    createdAt,
    expiresAt,
    operatorCidrs,
    mixerImage,
    mixer: mixer as MixerKind,
    layout: layout as MixerLayout,
    languageMixerImage,
    relayImage,
    splitterImage,
    srtLatencyMs,
    slideFit: slideFit as 'crop' | 'letterbox',
    stateBackend,
    mixerIps: languages.map((_, i) => hostAt(mixerSubnet as Cidr, FIRST_MIXER_HOST + i)),
    registryPull: registryPullFor(
      mixer === 'container'
        ? [relayImage, splitterImage, languageMixerImage]
        : [relayImage, splitterImage],
      platform.outputs,
    ),
  };
}

/** The platform's outputs and mixer image default; a broken platform block is a problem. */
function resolvePlatform(
  environment: EnvironmentName,
  options: ResolveOptions,
  problems: string[],
): {
  outputs?: PlatformOutputs;
  mixerImage: MixerImageRequest;
  registryServer: string;
  nameSuffix?: string;
} {
  try {
    const settings = getPlatformSettings(environment);
    const registryServer = `${new PlatformNames(environment, settings.nameSuffix).containerRegistry}.azurecr.io`;
    const stateDir = (options.env ?? process.env).STREAM_CONTROL_STATE_DIR || undefined;
    const outputs =
      options.platform === null
        ? undefined
        : (options.platform ?? readPlatformOutputs(settings, { stateDir }));
    return {
      outputs,
      mixerImage: { kind: settings.mixerImage },
      registryServer,
      nameSuffix: settings.nameSuffix,
    };
  } catch (err) {
    problems.push((err as Error).message);
    return { mixerImage: { kind: 'marketplace' }, registryServer: 'registry.invalid' };
  }
}

/** Pull with the platform's identity only for images that live in the platform's registry. */
function registryPullFor(
  images: readonly string[],
  outputs: PlatformOutputs | undefined,
): EventConfig['registryPull'] {
  const registry = outputs?.registry;
  if (!registry || !images.some((image) => image.startsWith(`${registry.loginServer}/`))) {
    return undefined;
  }
  return { server: registry.loginServer, identityId: registry.pullIdentityId };
}
