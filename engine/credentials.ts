/**
 * Credentials the engine generates per event: the status token (Bearer of every /status and
 * /metrics) and, for events with OBS mixers, the mixers' Windows admin password. terraform gets
 * them as ephemeral variables that reach only the event's Key Vault, so no state holds them;
 * the engine itself needs them again (live status, `outputs --show-secrets`), so each is kept
 * in an owner-only file beside the event's state, like a generated SRT passphrase, reused by a
 * redeploy and removed at teardown. A machine without the files did not deploy the event.
 */
import { randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EventConfig } from '../lib/event-model';
import { Context, localStateFile } from './context';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
/** Symbols that survive RDP clients, PowerShell strings and URLs without quoting. */
export const ADMIN_PASSWORD_SYMBOLS = '!#%*-_=+?';
export const STATUS_TOKEN_LENGTH = 32;
export const ADMIN_PASSWORD_LENGTH = 24;
/** Windows complexity asks for three classes; two of each of the four leaves margin. */
const ADMIN_PASSWORD_PER_CLASS = 2;

const pick = (alphabet: string): string => alphabet[randomInt(alphabet.length)];

/** 32 characters of A-Z a-z 0-9 from the system's CSPRNG. */
export function generateStatusToken(): string {
  const alphabet = UPPER + LOWER + DIGITS;
  return Array.from({ length: STATUS_TOKEN_LENGTH }, () => pick(alphabet)).join('');
}

/** 24 characters, at least two of each class, the classes' places shuffled (Fisher-Yates). */
export function generateAdminPassword(): string {
  const classes = [UPPER, LOWER, DIGITS, ADMIN_PASSWORD_SYMBOLS];
  const chars = classes.flatMap((c) =>
    Array.from({ length: ADMIN_PASSWORD_PER_CLASS }, () => pick(c)),
  );
  const all = classes.join('');
  while (chars.length < ADMIN_PASSWORD_LENGTH) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

export type CredentialKind = 'srtPassphrase' | 'statusToken' | 'mixerAdminPassword';

const SUFFIX: Readonly<Record<CredentialKind, string>> = {
  srtPassphrase: '.srt-passphrase',
  statusToken: '.status-token',
  mixerAdminPassword: '.mixer-admin-password',
};

/** state/<env>/<slug>.<kind>: beside the state, inside its owner-only folder. */
export function credentialFile(ctx: Context, event: EventConfig, kind: CredentialKind): string {
  return `${localStateFile(ctx, event).replace(/\.tfstate$/, '')}${SUFFIX[kind]}`;
}

/** The same path from a state file found by scanning (live status reads every event). */
export function credentialFileBeside(stateFile: string, kind: CredentialKind): string {
  return `${stateFile.replace(/\.tfstate$/, '')}${SUFFIX[kind]}`;
}

/** The value kept in the file, or undefined when this machine has none. */
export function readCredential(file: string): string | undefined {
  try {
    const value = fs.readFileSync(file, 'utf8').trim();
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

/**
 * Never over a kept value: a value already handed to terraform stays the one kept. Written
 * whole or not at all (a temporary file renamed into place), so a full disk leaves no empty or
 * cut file that a later deploy would take for "none kept" while terraform has the value.
 */
export function writeCredential(file: string, value: string): boolean {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (readCredential(file) !== undefined) return false;
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, `${value}\n`, { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new Error(
      `could not keep a generated credential in ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  return true;
}

export interface GeneratedCredential {
  readonly value: string;
  readonly file: string;
  /** Made by this run: to be written once the event is locked. */
  readonly fresh: boolean;
}

/** The kept value, else a new one (written later, under the event's lock). */
export function resolveCredential(
  ctx: Context,
  event: EventConfig,
  kind: 'statusToken' | 'mixerAdminPassword',
): GeneratedCredential {
  const file = credentialFile(ctx, event, kind);
  const kept = readCredential(file);
  if (kept !== undefined) return { value: kept, file, fresh: false };
  const value = kind === 'statusToken' ? generateStatusToken() : generateAdminPassword();
  return { value, file, fresh: true };
}

/** After a teardown that left nothing: no file outlives the event it was made for. */
export function removeCredentials(ctx: Context, event: EventConfig): void {
  for (const kind of Object.keys(SUFFIX) as CredentialKind[])
    fs.rmSync(credentialFile(ctx, event, kind), { force: true });
}
