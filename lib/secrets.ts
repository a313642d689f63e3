import { ENV } from './contract';

/**
 * Names of the sensitive inputs. Secrets enter the stack only as sensitive, ephemeral
 * Terraform variables, filled from TF_VAR_<name> in the environment of the terraform process,
 * so the synthesized JSON and the committed HCL hold references, never values; they leave
 * only into the event's Key Vault through write-only arguments, so no state holds them.
 */

/** Terraform variable that carries one language's YouTube stream key. */
export function youtubeKeyVariable(language: string): string {
  return `youtube_key_${language.replace(/-/g, '_')}`;
}

/** Terraform variable that carries the SRT passphrase for ingest and mixer pulls. */
export const SRT_PASSPHRASE_VARIABLE = 'srt_passphrase';

/** Environment variable through which terraform reads a variable's value. */
export function tfVarEnv(variable: string): string {
  return `TF_VAR_${variable}`;
}

/**
 * Non-secret number that versions the write-only secret values: terraform writes a write-only
 * argument only when its version changes, so the engine passes the deploy's time in seconds
 * and every deploy writes the keys it was given. @default 1 (a plain `cdktf deploy`)
 */
export const SECRETS_VERSION_VARIABLE = 'secrets_version';

/**
 * Names of the event's Key Vault secrets (1-127 characters of a-z, A-Z, 0-9 and "-"). The
 * stack writes them with write-only arguments; the parts read them at start (lib/contract.ts
 * KEY_VAULT_URL). Language names are already lowercase letters, digits and "-".
 */
export const VAULT_SECRETS = {
  passphrase: 'srt-passphrase',
  /** Bearer token of every /status and /metrics of the event. */
  statusToken: 'status-token',
  /** The mixers' Windows admin (RDP and autologon) password; the OBS setup script sets it. */
  mixerAdminPassword: 'mixer-admin-password',
  streamKey: (language: string): string => `youtube-key-${language}`,
} as const;

/** Key Vault's data-plane audience and the REST version the parts and OBS's script call. */
export const KEY_VAULT_RESOURCE = 'https://vault.azure.net';
export const KEY_VAULT_API_VERSION = '7.4';

/** Where a part reads its secrets: the vault and the reader identity's client id (references). */
export interface VaultAccess {
  /** The vault's URI, "https://<vault>.vault.azure.net/". */
  readonly vaultUrl: string;
  /** Client id of the user-assigned "secrets reader" identity the part carries. */
  readonly clientId: string;
}

/**
 * The plain environment a part reads its secrets with: vault, identity and secret names, no
 * value (lib/contract.ts ENV): the passphrase and the status token for every part, a stream
 * key only for a mixer, its own language's.
 */
export function vaultReaderEnv(
  access: VaultAccess,
  streamKeyLanguage?: string,
): Record<string, string> {
  return {
    [ENV.keyVaultUrl]: access.vaultUrl,
    [ENV.azureClientId]: access.clientId,
    [ENV.passphraseSecret]: VAULT_SECRETS.passphrase,
    [ENV.statusTokenSecret]: VAULT_SECRETS.statusToken,
    ...(streamKeyLanguage === undefined
      ? {}
      : { [ENV.streamKeySecret]: VAULT_SECRETS.streamKey(streamKeyLanguage) }),
  };
}

/**
 * Generated credentials the engine makes per event (like a generated passphrase) and hands to
 * terraform as ephemeral variables, so they reach Key Vault and never state: the status token
 * and the mixers' admin password.
 */
export const STATUS_TOKEN_VARIABLE = 'status_token';
export const MIXER_ADMIN_PASSWORD_VARIABLE = 'mixer_admin_password';
