/**
 * The one place Azure names are made. Every resource name derives from the event slug, the
 * environment and a fixed kind word, and each kind knows its own rules (length, characters,
 * case) as documented in Microsoft's "Naming rules and restrictions for Azure resources".
 * Nothing else in the project builds a name by concatenation.
 */
import { createHash } from 'node:crypto';
import { ENVIRONMENTS } from './profiles';

/** Longest event slug; every derived name stays inside its kind's limit with room to spare. */
export const MAX_SLUG_LENGTH = 40;

export type NameKind =
  | 'resourceGroup'
  | 'virtualNetwork'
  | 'subnet'
  | 'networkSecurityGroup'
  | 'publicIp'
  | 'networkInterface'
  | 'virtualMachine'
  | 'containerGroup'
  | 'dnsLabel'
  | 'osDisk'
  | 'storageAccount'
  | 'containerRegistry'
  | 'gallery'
  | 'userAssignedIdentity'
  | 'keyVault'
  | 'tfcWorkspace'
  | 'platformResourceGroup'
  | 'galleryImage';

interface KindRule {
  readonly prefix: string;
  readonly minLength: number;
  readonly maxLength: number;
  /** Azure's character rule for the kind (what a name given from outside must pass too). */
  readonly allowed: RegExp;
  readonly separator: string;
  /** The rule in words, for error messages. @default "<min>-<max> of a-z, 0-9 and -" */
  readonly rule?: string;
}

const SAFE = /^[a-z0-9-]+$/;
const ALNUM = /^[a-z0-9]+$/;

const RULES: Readonly<Record<NameKind, KindRule>> = {
  resourceGroup: {
    prefix: 'rg-streaming',
    minLength: 1,
    maxLength: 90,
    allowed: SAFE,
    separator: '-',
  },
  virtualNetwork: { prefix: 'vnet', minLength: 2, maxLength: 64, allowed: SAFE, separator: '-' },
  subnet: { prefix: 'snet', minLength: 1, maxLength: 80, allowed: SAFE, separator: '-' },
  networkSecurityGroup: {
    prefix: 'nsg',
    minLength: 1,
    maxLength: 80,
    allowed: SAFE,
    separator: '-',
  },
  publicIp: { prefix: 'pip', minLength: 1, maxLength: 80, allowed: SAFE, separator: '-' },
  networkInterface: { prefix: 'nic', minLength: 1, maxLength: 80, allowed: SAFE, separator: '-' },
  virtualMachine: { prefix: 'vm', minLength: 1, maxLength: 64, allowed: SAFE, separator: '-' },
  // Container groups: lowercase, 1-63, no leading/trailing or double hyphens.
  containerGroup: { prefix: 'ci', minLength: 1, maxLength: 63, allowed: SAFE, separator: '-' },
  // DNS labels are unique per region across all of Azure: a hash suffix keeps ours apart.
  dnsLabel: { prefix: 'srt', minLength: 3, maxLength: 63, allowed: SAFE, separator: '-' },
  osDisk: { prefix: 'osdisk', minLength: 1, maxLength: 80, allowed: SAFE, separator: '-' },
  storageAccount: {
    prefix: 'ststream',
    minLength: 3,
    maxLength: 24,
    allowed: ALNUM,
    separator: '',
    rule: '3-24 lowercase letters and digits',
  },
  containerRegistry: {
    prefix: 'crstream',
    minLength: 5,
    maxLength: 50,
    allowed: ALNUM,
    separator: '',
    rule: '5-50 lowercase letters and digits',
  },
  gallery: {
    prefix: 'gal_stream',
    minLength: 2,
    maxLength: 80,
    allowed: /^[A-Za-z0-9]([A-Za-z0-9_.]*[A-Za-z0-9])?$/,
    separator: '_',
    rule: '2-80 letters, digits, "_" and ".", not starting or ending with "_" or "."',
  },
  userAssignedIdentity: {
    prefix: 'id',
    minLength: 3,
    maxLength: 128,
    allowed: SAFE,
    separator: '-',
  },
  // Key Vault: 3-24, globally unique (its DNS name is <name>.vault.azure.net), starts with a
  // letter, no double or trailing hyphen.
  keyVault: {
    prefix: 'kv',
    minLength: 3,
    maxLength: 24,
    allowed: /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
    separator: '-',
    rule: '3-24 of a-z, 0-9 and "-", starting with a letter, no "--" or trailing "-"',
  },
  tfcWorkspace: { prefix: 'streaming', minLength: 1, maxLength: 90, allowed: SAFE, separator: '-' },
  // Never starts "rg-streaming-", so no event (whatever its name) can share it.
  platformResourceGroup: {
    prefix: 'rg-platform-streaming',
    minLength: 1,
    maxLength: 90,
    allowed: SAFE,
    separator: '-',
  },
  galleryImage: { prefix: 'img', minLength: 1, maxLength: 80, allowed: SAFE, separator: '-' },
};

/**
 * Checks a name given from outside (a construct prop, a profile setting) against its kind's
 * rule; returns the problem as one line naming the field, the value and the rule, or undefined.
 */
export function checkName(kind: NameKind, value: unknown, field: string): string | undefined {
  const rule = RULES[kind];
  if (
    typeof value === 'string' &&
    value.length >= rule.minLength &&
    value.length <= rule.maxLength &&
    rule.allowed.test(value)
  ) {
    return undefined;
  }
  const words = rule.rule ?? `${rule.minLength}-${rule.maxLength} of a-z, 0-9 and "-"`;
  return `${field} ${JSON.stringify(value ?? '')} must be ${words}`;
}

/** Short, stable digest used to keep truncated or globally scoped names unique. */
export function shortHash(text: string, length = 6): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * Builds the name of one resource kind from fixed words and already-validated parts.
 * A name over the kind's limit is cut and given a hash of the full name, so two long
 * names that share a beginning never collide.
 */
export function azureName(kind: NameKind, parts: readonly string[]): string {
  const rule = RULES[kind];
  const words = [rule.prefix, ...parts].map((p) =>
    rule.separator === '' ? p.replace(/[^a-z0-9]/g, '') : p.replace(/_/g, rule.separator),
  );
  let name = words.filter((w) => w.length > 0).join(rule.separator);
  if (name.length > rule.maxLength) {
    const suffix = shortHash(name);
    const room = rule.maxLength - suffix.length - rule.separator.length;
    name = `${trimSeparators(name.slice(0, room), rule.separator)}${rule.separator}${suffix}`;
  }
  if (!rule.allowed.test(name)) {
    throw new Error(`internal: ${kind} name "${name}" breaks its character rule`);
  }
  return name;
}

function trimSeparators(text: string, separator: string): string {
  if (separator === '') return text;
  let out = text;
  while (out.endsWith(separator)) out = out.slice(0, -separator.length);
  return out;
}

/** Outcome of normalizing what an operator typed as an event name. */
export type SlugResult = { ok: true; slug: string } | { ok: false; problem: string };

/**
 * Normalizes an event name to its slug: case folded, accents removed, spaces, dots and
 * underscores turned into "-". Anything else (punctuation, quotes, slashes, emoji, other
 * scripts) is rejected rather than dropped, because a name that silently changes meaning is
 * worse than a clear error before any cloud call.
 */
export function eventSlug(raw: string): SlugResult {
  const shown = JSON.stringify(raw);
  if (typeof raw !== 'string' || raw.trim() === '') {
    return { ok: false, problem: `event name ${shown} is empty` };
  }
  const folded = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[ ._]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!/^[a-z0-9-]+$/.test(folded)) {
    return {
      ok: false,
      problem: `event name ${shown} has characters other than a-z, 0-9 and "-" after normalizing (accents, spaces, "." and "_" are converted; other characters are not)`,
    };
  }
  if (folded.length < 3 || folded.length > MAX_SLUG_LENGTH) {
    return {
      ok: false,
      problem: `event name ${shown} normalizes to "${folded}" (${folded.length} characters); it must be 3 to ${MAX_SLUG_LENGTH} characters`,
    };
  }
  if (!/[a-z]/.test(folded)) {
    return { ok: false, problem: `event name ${shown} must contain at least one letter` };
  }
  // The slug names a stack in an app whose construct tree keys children by name (a JavaScript
  // object: "constructor" is already there), next to the platform stacks.
  if (folded in Object.prototype || ENVIRONMENTS.some((e) => folded === `platform-${e}`)) {
    return {
      ok: false,
      problem: `event name ${shown} normalizes to "${folded}", a name the app reserves; add a word, e.g. "${folded}-2026"`,
    };
  }
  return { ok: true, slug: folded };
}

/** Names of one event's resources. Language names are already validated by the event model. */
export class EventNames {
  constructor(
    readonly slug: string,
    readonly environment: string,
    /**
     * The crew's platform nameSuffix (config/environments.json). Names that are unique across
     * all of Azure (Key Vault) or a region (DNS labels) hash it in, so two crews running an
     * event of the same name in the same environment do not take each other's names.
     * @default - none: the hash covers event and environment only
     */
    readonly crewSuffix?: string,
  ) {}

  /** Hash input for globally or regionally unique names: event, environment, crew, role. */
  private uniqueKey(role: string): string {
    const crew = this.crewSuffix === undefined ? '' : `${this.crewSuffix}/`;
    return `${crew}${this.slug}/${this.environment}/${role}`;
  }

  /** cdktf stack name, so operators can run `cdktf deploy <slug>`. */
  get stack(): string {
    return this.slug;
  }

  get resourceGroup(): string {
    return azureName('resourceGroup', [this.slug, this.environment]);
  }

  get virtualNetwork(): string {
    return azureName('virtualNetwork', [this.slug, this.environment]);
  }

  subnet(role: 'containers' | 'mixers'): string {
    return azureName('subnet', [role]);
  }

  networkSecurityGroup(role: 'containers' | 'mixers'): string {
    return azureName('networkSecurityGroup', [this.slug, role]);
  }

  containerGroup(role: 'relay' | 'splitter'): string {
    return azureName('containerGroup', [role, this.slug, this.environment]);
  }

  /** Public DNS label: regional scope, so it carries a hash of event and environment. */
  dnsLabel(role: 'relay' | 'splitter'): string {
    const unique = shortHash(this.uniqueKey(role));
    return azureName('dnsLabel', [role, this.slug.slice(0, 40), unique]);
  }

  /** The container mixer of one language (the position keeps names unique when truncated). */
  mixerContainerGroup(index: number, language: string): string {
    return azureName('containerGroup', [
      'mx',
      String(index + 1),
      language,
      this.slug,
      this.environment,
    ]);
  }

  /** Public DNS label of a language's container mixer; the relay and splitter push to it. */
  mixerDnsLabel(index: number, language: string): string {
    const unique = shortHash(this.uniqueKey(`mixer/${language}`));
    return azureName('dnsLabel', [
      `mx${index + 1}`,
      language.slice(0, 20),
      this.slug.slice(0, 20),
      unique,
    ]);
  }

  /**
   * Windows computer name: "mx" + two-digit position + language. NetBIOS allows 15 characters
   * and never all digits; the position keeps names unique within the event.
   */
  computerName(index: number, language: string): string {
    const position = String(index + 1).padStart(2, '0');
    const name = `mx${position}-${language}`.slice(0, 15).replace(/-+$/, '');
    return name;
  }

  virtualMachine(index: number, language: string): string {
    return azureName('virtualMachine', [this.slug, language, String(index + 1)]);
  }

  networkInterface(index: number, language: string): string {
    return azureName('networkInterface', [this.slug, language, String(index + 1)]);
  }

  publicIp(index: number, language: string): string {
    return azureName('publicIp', [this.slug, language, String(index + 1)]);
  }

  osDisk(index: number, language: string): string {
    return azureName('osDisk', [this.slug, language, String(index + 1)]);
  }

  /**
   * The event's Key Vault. Its name is global across Azure and only 24 characters long, so it
   * keeps the slug's start for people and a hash of crew, event and environment for uniqueness;
   * deterministic, so a redeploy finds the soft-deleted vault of the same event and recovers it.
   */
  get keyVault(): string {
    const start = this.slug.slice(0, 11).replace(/-+$/, '');
    return azureName('keyVault', [start, shortHash(this.uniqueKey('key-vault'), 8)]);
  }

  /** The user-assigned identity the event's parts read the vault with (Get on secrets only). */
  get secretsReader(): string {
    return azureName('userAssignedIdentity', ['secrets', this.slug, this.environment]);
  }

  /** Terraform Cloud workspace: one per event and environment. */
  get tfcWorkspace(): string {
    return azureName('tfcWorkspace', [this.environment, this.slug]);
  }

  /** Key of the event's state in an azurerm backend container. */
  get stateKey(): string {
    return `${this.environment}/${this.slug}.tfstate`;
  }
}

/** Short environment codes keep globally unique names inside 24 characters. */
const ENVIRONMENT_CODES: Readonly<Record<string, string>> = {
  production: 'prod',
  staging: 'stg',
  development: 'dev',
};

/** Shape of the suffix that keeps the platform's globally unique names apart from other crews'. */
export const PLATFORM_SUFFIX_PATTERN = /^[a-z0-9]{4,8}$/;

/**
 * Names of one environment's long-lived platform. Storage account and registry names are
 * unique across all of Azure, so they carry the crew's own suffix (config/environments.json).
 */
export class PlatformNames {
  constructor(
    readonly environment: string,
    readonly uniqueSuffix: string,
  ) {
    if (!PLATFORM_SUFFIX_PATTERN.test(uniqueSuffix)) {
      throw new Error(
        `platform nameSuffix ${JSON.stringify(uniqueSuffix)} for ${environment} must be 4-8 lowercase letters and digits`,
      );
    }
  }

  private get code(): string {
    return (
      ENVIRONMENT_CODES[this.environment] ?? this.environment.replace(/[^a-z0-9]/g, '').slice(0, 4)
    );
  }

  /** cdktf stack name: `cdktf deploy platform-<env>`. */
  get stack(): string {
    return `platform-${this.environment}`;
  }

  get resourceGroup(): string {
    return azureName('platformResourceGroup', [this.environment]);
  }

  get stateStorageAccount(): string {
    return azureName('storageAccount', ['tf', this.code, this.uniqueSuffix]);
  }

  /** Blob container holding `<env>/<event>.tfstate` keys. */
  get stateContainer(): string {
    return 'tfstate';
  }

  get containerRegistry(): string {
    return azureName('containerRegistry', [this.code, this.uniqueSuffix]);
  }

  get pullIdentity(): string {
    return azureName('userAssignedIdentity', ['acrpull', this.environment]);
  }

  get gallery(): string {
    return azureName('gallery', [this.environment]);
  }

  get mixerImage(): string {
    return azureName('galleryImage', ['mixer', 'win2022', 'obs']);
  }

  get stateStorageLock(): string {
    return 'lock-tfstate-do-not-delete';
  }
}
