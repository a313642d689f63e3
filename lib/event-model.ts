/**
 * The event model: what one live event needs, read from a version-controlled file under
 * events/ (or built from defaults and a name), validated in full before anything touches a
 * cloud. Every problem names the field, the value received and the rule, and all of them
 * are reported together.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contains, Cidr, hostAt, overlaps, parseCidr } from './cidr';
import { DEFAULTS, MAX_OUTPUTS } from './contract';
import { EventNames, eventSlug } from './naming';
import {
  EnvironmentName,
  EnvironmentProfile,
  ENVIRONMENTS,
  getProfile,
  isEnvironment,
  StateBackendSettings,
} from './profiles';
import { PlatformOutputs, platformBackend, readPlatformOutputs } from './platform-outputs';
import { getPlatformSettings } from '../platform/settings';

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
  /** One mixer and one YouTube channel per language. @default ["original","spanish","french"] */
  readonly languages?: readonly string[];
  /** Hours until the event's resources count as expired. @default 24 */
  readonly ttlHours?: number;
  /** Venue encoder addresses allowed to send SRT. @default [] - passphrase-only ingest */
  readonly ingestCidrs?: readonly string[];
  /** Operator addresses allowed RDP and health. @default [] - no RDP from outside the VNet */
  readonly operatorCidrs?: readonly string[];
  /** @default - the platform profile's mixerImage ("marketplace" unless it says "gallery") */
  readonly mixerImage?: MixerImageRequest;
  /** @default "<platform registry, else profile.imageRegistry>/srt-relay:latest" */
  readonly relayImage?: string;
  /** @default "<platform registry, else profile.imageRegistry>/slide-splitter:latest" */
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
  readonly ttlHours: number;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly ingestCidrs: readonly string[];
  readonly operatorCidrs: readonly string[];
  readonly mixerImage: MixerImage;
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

export const DEFAULT_LANGUAGES = ['original', 'spanish', 'french'] as const;
export const DEFAULT_TTL_HOURS = 24;
export const MAX_TTL_HOURS = 168;
/** Mixers take 10.42.2.(11+i): the first addresses of the subnet stay free for Azure and ops. */
export const FIRST_MIXER_HOST = 11;

const LANGUAGE_PATTERN = /^[a-z][a-z0-9-]{0,19}$/;
const IMAGE_REF_PATTERN =
  /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})?$/;
const IMAGE_ID_PATTERN =
  /^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/(images\/[^/]+|galleries\/[^/]+\/images\/[^/]+(\/versions\/[^/]+)?)$/;

export interface ResolveOptions {
  /** Deploy time; tags and expiry derive from it. @default STREAM_CONTROL_CREATED_AT or now */
  readonly now?: Date;
  /** Replaces the definition's environment (the CLI's --env). */
  readonly environment?: string;
  /** Process environment for backend overrides. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * The environment's platform outputs; null ignores the platform.
   * @default - read by lib/platform-outputs (profile override, else state/platform/<env>.tfstate)
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
    'ttlHours',
    'ingestCidrs',
    'operatorCidrs',
    'mixerImage',
    'relayImage',
    'splitterImage',
    'srtLatencyMs',
    'slideFit',
    'stateBackend',
    '$comment',
  ]);
  for (const key of Object.keys(def ?? {})) {
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

  const languages = validateLanguages(def?.languages, problems);
  const mixerSubnet = checkAddressPlan(profile, problems);
  const capacity = mixerSubnet ? Math.min(mixerSubnet.size - 1 - FIRST_MIXER_HOST, MAX_OUTPUTS) : 0;
  if (mixerSubnet && languages.length > capacity) {
    problems.push(
      `languages has ${languages.length} entries; the mixers subnet ${mixerSubnet.text} holds ${capacity} mixers (from .${FIRST_MIXER_HOST}, one output port each)`,
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
  const slideFit = def?.slideFit ?? DEFAULTS.slideFit;
  if (slideFit !== 'crop' && slideFit !== 'letterbox') {
    problems.push(`slideFit ${JSON.stringify(slideFit)} must be "crop" or "letterbox"`);
  }

  const vnet = parseCidr(profile.addressSpace);
  const ingestCidrs = validateAllowList(
    'ingestCidrs',
    def?.ingestCidrs,
    typeof vnet === 'string' ? undefined : vnet,
    problems,
  );
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
  const registry = platform.outputs?.registry?.loginServer ?? profile.imageRegistry;
  const relayImage = def?.relayImage ?? `${registry}/srt-relay:latest`;
  const splitterImage = def?.splitterImage ?? `${registry}/slide-splitter:latest`;
  for (const [field, value] of [
    ['relayImage', relayImage],
    ['splitterImage', splitterImage],
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
    names: new EventNames(slug, environment),
    languages,
    ttlHours,
    createdAt,
    expiresAt,
    ingestCidrs,
    operatorCidrs,
    mixerImage,
    relayImage,
    splitterImage,
    srtLatencyMs,
    slideFit: slideFit as 'crop' | 'letterbox',
    stateBackend,
    mixerIps: languages.map((_, i) => hostAt(mixerSubnet as Cidr, FIRST_MIXER_HOST + i)),
    registryPull: registryPullFor([relayImage, splitterImage], platform.outputs),
  };
}

/** The platform's outputs and mixer image default; a broken platform block is a problem. */
function resolvePlatform(
  environment: EnvironmentName,
  options: ResolveOptions,
  problems: string[],
): { outputs?: PlatformOutputs; mixerImage: MixerImageRequest } {
  try {
    const settings = getPlatformSettings(environment);
    const outputs =
      options.platform === null ? undefined : (options.platform ?? readPlatformOutputs(settings));
    return { outputs, mixerImage: { kind: settings.mixerImage } };
  } catch (err) {
    problems.push((err as Error).message);
    return { mixerImage: { kind: 'marketplace' } };
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

function validateLanguages(raw: readonly string[] | undefined, problems: string[]): string[] {
  if (raw === undefined) return [...DEFAULT_LANGUAGES];
  if (!Array.isArray(raw)) {
    problems.push(`languages ${JSON.stringify(raw)} must be a list of language names`);
    return [];
  }
  if (raw.length === 0) problems.push('languages is empty; an event needs at least one language');
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of raw) {
    const value = typeof item === 'string' ? item.trim().toLowerCase() : item;
    if (typeof value !== 'string' || !LANGUAGE_PATTERN.test(value)) {
      problems.push(
        `language ${JSON.stringify(item)} must be 1-20 characters of a-z, 0-9 and "-", starting with a letter`,
      );
      continue;
    }
    if (seen.has(value)) {
      problems.push(
        `language "${value}" is listed more than once; each language gets one mixer and one channel`,
      );
      continue;
    }
    seen.add(value);
    out.push(value);
  }
  return out;
}

function checkAddressPlan(profile: EnvironmentProfile, problems: string[]): Cidr | undefined {
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

function validateAllowList(
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

function validateMixerImage(
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
function resolveStateBackend(
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
    if (!storageAccountName || !/^[a-z0-9]{3,24}$/.test(storageAccountName)) {
      problems.push(
        `stateBackend storage account ${JSON.stringify(storageAccountName ?? '')} must be 3-24 lowercase letters and digits (set STREAM_STATE_STORAGE_ACCOUNT or the profile)`,
      );
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

function resolveCreatedAt(now: Date | undefined, env: NodeJS.ProcessEnv, problems: string[]): Date {
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

/** Folder that holds the version-controlled event files. */
export const DEFAULT_EVENTS_DIR = path.join(__dirname, '..', 'events');

export interface LoadOptions extends ResolveOptions {
  /** @default DEFAULT_EVENTS_DIR */
  readonly eventsDir?: string;
}

/** Reads and parses one event file; a broken file is a validation problem, not a crash. */
export function readEventFile(file: string): EventDefinition {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new EventValidationError([
      `event file "${file}" cannot be read: ${(err as Error).message}`,
    ]);
  }
  try {
    const parsed = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('not an object');
    return parsed as EventDefinition;
  } catch (err) {
    throw new EventValidationError([
      `event file "${file}" is not a JSON object: ${(err as Error).message}`,
    ]);
  }
}

/**
 * Finds an event by name: its file under eventsDir when one exists (matched by slug), else
 * an event made of the profile's defaults and that name, so the seed's
 * `deploy --event "Conference-2025"` works without writing a file first.
 */
export function loadEvent(name: string, options: LoadOptions = {}): EventConfig {
  const slug = eventSlug(name);
  if (!slug.ok) throw new EventValidationError([slug.problem]);
  const file = findEventFile(slug.slug, options.eventsDir ?? DEFAULT_EVENTS_DIR);
  const def: EventDefinition = file ? readEventFile(file) : { name };
  return resolveEvent(def, options);
}

/** The file whose name or "name" field has this slug, if any. */
export function findEventFile(slug: string, eventsDir: string): string | undefined {
  const direct = path.join(eventsDir, `${slug}.json`);
  if (fs.existsSync(direct)) return direct;
  for (const file of listEventFiles(eventsDir)) {
    try {
      const def = readEventFile(file);
      const s = eventSlug(def.name);
      if (s.ok && s.slug === slug) return file;
    } catch {
      // A broken neighbour must not stop this event; it is reported when it is synthesized.
    }
  }
  return undefined;
}

export function listEventFiles(eventsDir: string = DEFAULT_EVENTS_DIR): string[] {
  if (!fs.existsSync(eventsDir)) return [];
  return fs
    .readdirSync(eventsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(eventsDir, f));
}

/** Loads every event file; problems of all files are reported together, each with its file. */
export function loadAllEvents(options: LoadOptions = {}): EventConfig[] {
  const problems: string[] = [];
  const events: EventConfig[] = [];
  for (const file of listEventFiles(options.eventsDir)) {
    try {
      events.push(resolveEvent(readEventFile(file), options));
    } catch (err) {
      if (!(err instanceof EventValidationError)) throw err;
      problems.push(...err.problems.map((p) => `${path.basename(file)}: ${p}`));
    }
  }
  const seen = new Map<string, string>();
  for (const event of events) {
    const other = seen.get(event.slug);
    if (other)
      problems.push(
        `event "${event.slug}" is declared twice (${other} and again); stack names must be unique`,
      );
    seen.set(event.slug, event.displayName);
  }
  if (problems.length > 0) throw new EventValidationError(problems);
  return events;
}
