/**
 * Output names of the two stacks and the shapes of their values. The stacks declare their
 * outputs with exactly these names and the engine reads them back by the same constants, so a
 * rename is one edit here and a type error everywhere else, never a silent mismatch.
 */

/** EventStack outputs (stacks/event-stack.ts writes them; the engine and dashboard read them). */
export const EVENT_OUTPUTS = {
  resourceGroup: 'resource_group',
  expiresAt: 'expires_at',
  programIngestUrl: 'program_ingest_url',
  slidesIngestUrl: 'slides_ingest_url',
  relayHealthUrl: 'relay_health_url',
  splitterHealthUrl: 'splitter_health_url',
  mixers: 'mixers',
  mixerAdminUsername: 'mixer_admin_username',
  /** lib/media-status.ts, read with the bearer token. */
  relayStatusUrl: 'relay_status_url',
  splitterStatusUrl: 'splitter_status_url',
} as const;

/**
 * Outputs live status reads (engine/live): each part's JSON /status. The bearer token it wants
 * is no output (it would sit in state): the engine generates it and keeps it beside the state.
 * A stack deployed before they existed (or with them empty) shows its parts as "no status
 * endpoint".
 */
export const LIVE_STATUS_OUTPUTS = {
  relayStatusUrl: EVENT_OUTPUTS.relayStatusUrl,
  splitterStatusUrl: EVENT_OUTPUTS.splitterStatusUrl,
} as const;

/** One entry of the `mixers` output, in language order. */
export interface MixerOutput {
  readonly language: string;
  readonly computer_name: string;
  readonly private_ip: string;
  readonly public_ip: string;
  readonly rdp: string;
  /**
   * The container mixer's JSON status (lib/mixer-status.ts), read with the status token.
   * @default - none: an OBS VM has no such endpoint
   */
  readonly status_url?: string;
}

/** Event stack outputs as read from state. Sensitive ones only when asked for. */
export interface EventOutputs {
  readonly resource_group?: string;
  readonly expires_at?: string;
  readonly program_ingest_url?: string;
  readonly slides_ingest_url?: string;
  readonly relay_health_url?: string;
  readonly splitter_health_url?: string;
  readonly relay_status_url?: string;
  readonly splitter_status_url?: string;
  readonly mixers?: readonly MixerOutput[];
  readonly mixer_admin_username?: string;
  readonly [other: string]: unknown;
}

/** PlatformStack outputs (stacks/platform-stack.ts writes them; lib/platform-outputs reads them). */
export const PLATFORM_OUTPUTS = {
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
