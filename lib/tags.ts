/**
 * The tag vocabulary. The event stack writes these tags, the SC-TAGS policy requires them,
 * cleanup and `list --azure` select by them, and the platform is kept out of their reach; all
 * from this one module, so the writer and the readers cannot drift apart.
 */
import type { EventConfig } from './event-model';

/** Tag names. */
export const TAG = {
  purpose: 'purpose',
  event: 'event',
  environment: 'environment',
  created: 'created',
  expiresAt: 'expires-at',
  ttl: 'ttl',
  autoCleanup: 'auto_cleanup',
  managedBy: 'managed-by',
  /** Lets `list --azure` say where the state of an event it finds by tag lives. */
  stateBackend: 'state-backend',
  role: 'role',
  language: 'language',
  lifecycle: 'lifecycle',
} as const;

export const MANAGED_BY = 'stream-control';
export const EVENT_PURPOSE = 'streaming';
export const PLATFORM_PURPOSE = 'streaming-platform';
/** Role tag of a language mixer VM; status and health find each language's VM by it. */
export const MIXER_ROLE = 'language-mixer';

/** Every taggable resource of an event carries all of these (policy rule SC-TAGS). */
export const REQUIRED_TAGS = [
  TAG.purpose,
  TAG.event,
  TAG.environment,
  TAG.created,
  TAG.expiresAt,
  TAG.ttl,
  TAG.autoCleanup,
  TAG.managedBy,
  TAG.stateBackend,
] as const;
export type RequiredTag = (typeof REQUIRED_TAGS)[number];

/** The tags every resource of an event carries; cleanup, `list --azure` and cost reports read them. */
export function eventTags(event: EventConfig): Record<RequiredTag, string> {
  return {
    [TAG.purpose]: EVENT_PURPOSE,
    [TAG.event]: event.slug,
    [TAG.environment]: event.environment,
    [TAG.created]: event.createdAt.toISOString(),
    [TAG.expiresAt]: event.expiresAt.toISOString(),
    [TAG.ttl]: `${event.ttlHours}h`,
    [TAG.autoCleanup]: 'true',
    [TAG.managedBy]: MANAGED_BY,
    [TAG.stateBackend]: event.stateBackend.kind,
  };
}

/** Tags a language mixer's VM adds to the event's. */
export function mixerTags(language: string): Record<string, string> {
  return { [TAG.role]: MIXER_ROLE, [TAG.language]: language };
}

type Tags = Readonly<Record<string, string | undefined>>;

/** The tags cleanup selects resource groups by (with an event and an environment tag). */
export const CLEANUP_SELECTOR = {
  [TAG.autoCleanup]: 'true',
  [TAG.managedBy]: MANAGED_BY,
  [TAG.purpose]: EVENT_PURPOSE,
} as const;

/** True for an event's resource group that cleanup may tear down once it has expired. */
export function isCleanupCandidate(tags: Tags): boolean {
  return (
    Object.entries(CLEANUP_SELECTOR).every(([k, v]) => tags[k] === v) &&
    !!tags[TAG.event] &&
    !!tags[TAG.environment]
  );
}

/** True for any stream-control event's resource group, whatever its state backend. */
export function isEventGroup(tags: Tags): boolean {
  return (
    tags[TAG.managedBy] === MANAGED_BY && tags[TAG.purpose] === EVENT_PURPOSE && !!tags[TAG.event]
  );
}

export interface PlatformTagsProps {
  readonly environment: string;
  /** @default {} - no extra tags */
  readonly extraTags?: Readonly<Record<string, string>>;
}

/**
 * The platform's tag set. It can never match the cleanup selector: its purpose is always
 * PLATFORM_PURPOSE, and an auto_cleanup tag is refused, whatever its value, because a cleanup
 * that lists by tag name alone would otherwise pick the platform up.
 */
export function platformTags(props: PlatformTagsProps): Record<string, string> {
  const tags: Record<string, string> = {
    ...(props.extraTags ?? {}),
    [TAG.purpose]: PLATFORM_PURPOSE,
    [TAG.lifecycle]: 'long-lived',
    [TAG.environment]: props.environment,
    [TAG.managedBy]: MANAGED_BY,
  };
  if (TAG.autoCleanup in tags) {
    throw new Error(
      `platform tag "${TAG.autoCleanup}" is not allowed: event cleanup must never match the platform`,
    );
  }
  return tags;
}
