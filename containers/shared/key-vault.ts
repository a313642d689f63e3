import { IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ENV, isValidPassphrase } from '../../lib/contract';
import { KEY_VAULT_API_VERSION, KEY_VAULT_RESOURCE } from '../../lib/secrets';
import { log } from './log';

/**
 * Secrets from the event's Key Vault, read with the container group's managed identity (help/
 * images.md, "Secrets"): a token from IMDS, then one GET per secret. No resource attribute
 * holds a value, so no Terraform state does either. Values are never logged; a failure names
 * the secret and the status only.
 */

/** What a part keeps in the vault; each has its own *_SECRET variable and its own rule. */
export type SecretRole = 'passphrase' | 'streamKey' | 'statusToken';

export interface VaultSettings {
  /** The vault URI, ending in "/". */
  readonly vaultUrl: URL;
  readonly imdsBase: URL;
  /** @default - no client_id: IMDS picks the group's only identity */
  readonly clientId?: string;
  readonly refreshSeconds: number;
  /** The vault secret name for each role this part reads. */
  readonly names: Partial<Record<SecretRole, string>>;
}

export type SecretValues = Partial<Record<SecretRole, string>>;

const ROLE_ENV: Record<SecretRole, { value: string; name: string }> = {
  passphrase: { value: ENV.passphrase, name: ENV.passphraseSecret },
  streamKey: { value: ENV.streamKey, name: ENV.streamKeySecret },
  statusToken: { value: ENV.statusToken, name: ENV.statusTokenSecret },
};

const IMDS_DEFAULT = 'http://169.254.169.254';
const IMDS_TOKEN_PATH = '/metadata/identity/oauth2/token';
const IMDS_API_VERSION = '2018-02-01';
/** Key Vault's own rule for secret names. */
const SECRET_NAME = /^[0-9A-Za-z-]{1,127}$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const REFRESH_SECONDS = { default: 60, min: 1, max: 86400 } as const;
/** Long enough that guessing the status token over HTTP is hopeless. */
export const STATUS_TOKEN_MIN_LENGTH = 16;
/** YouTube's keys are shorter; any printable ASCII without spaces fits an RTMP publish name. */
export const STREAM_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** Each role's value rule, as one line that names the variable or secret and never the value. */
export function secretProblem(role: SecretRole, value: string, where: string): string | undefined {
  const n = value.length;
  if (role === 'passphrase') {
    return isValidPassphrase(value)
      ? undefined
      : `${where} has ${n} characters or characters outside A-Z a-z 0-9 . _ ~ -; SRT needs 10 to 79 of them (value not shown)`;
  }
  if (role === 'statusToken') {
    return n >= STATUS_TOKEN_MIN_LENGTH
      ? undefined
      : `${where} has ${n} characters; /status and /metrics need a token of at least ${STATUS_TOKEN_MIN_LENGTH} (value not shown)`;
  }
  return STREAM_KEY_PATTERN.test(value)
    ? undefined
    : `${where} must be 1-200 printable characters without spaces (value not shown)`;
}

/**
 * Key Vault's DNS zones in Azure's clouds. The part sends the vault a bearer token for its
 * identity; a vault URL on any other host would hand that token to whoever runs it (Azure's
 * SDKs check the same before they answer a challenge).
 */
const VAULT_DNS_SUFFIXES = ['.vault.azure.net', '.vault.azure.cn', '.vault.usgovcloudapi.net'];

function isVaultHost(host: string): boolean {
  const h = host.toLowerCase();
  return VAULT_DNS_SUFFIXES.some((suffix) => h.endsWith(suffix) && h.length > suffix.length);
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The vault settings when KEY_VAULT_URL is set, else undefined (values from the environment,
 * as in local runs and tests). Problems are appended, one line each, for the caller's
 * ConfigError. `roles`: which secrets this part needs (required) or may have (optional).
 */
export function parseVaultSettings(
  env: Env,
  roles: Partial<Record<SecretRole, 'required' | 'optional'>>,
  problems: string[],
): VaultSettings | undefined {
  const raw = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const url = raw(ENV.keyVaultUrl);
  const wanted = Object.keys(roles) as SecretRole[];
  if (url === undefined) {
    for (const role of wanted) {
      const nameVar = ROLE_ENV[role].name;
      if (raw(nameVar) !== undefined) {
        problems.push(
          `${nameVar}="${raw(nameVar)}" is set but ${ENV.keyVaultUrl} is not; set ${ENV.keyVaultUrl} to read it, or give ${ROLE_ENV[role].value} instead`,
        );
      }
    }
    return undefined;
  }
  let vaultUrl: URL | undefined;
  try {
    vaultUrl = new URL(url);
  } catch {
    problems.push(
      `${ENV.keyVaultUrl}="${url}" is not a URL; e.g. https://kv-event.vault.azure.net/`,
    );
  }
  if (vaultUrl) {
    const plainLoopback = vaultUrl.protocol === 'http:' && isLoopback(vaultUrl.hostname);
    if (vaultUrl.protocol !== 'https:' && !plainLoopback) {
      problems.push(
        `${ENV.keyVaultUrl}="${url}" must be https:// (http:// only for a loopback host): the token and the secrets would cross the network in clear`,
      );
    } else if (!plainLoopback && !isVaultHost(vaultUrl.hostname)) {
      problems.push(
        `${ENV.keyVaultUrl}="${url}" must be a Key Vault host (<name>${VAULT_DNS_SUFFIXES.join(', <name>')}): the part hands the vault a token for its identity`,
      );
    } else if (vaultUrl.username || vaultUrl.password || vaultUrl.search || vaultUrl.hash) {
      problems.push(
        `${ENV.keyVaultUrl}="${url}" must be the vault URI alone, without credentials, query or fragment`,
      );
    }
    if (!vaultUrl.pathname.endsWith('/')) vaultUrl.pathname += '/';
  }
  const imds = raw(ENV.imdsEndpoint) ?? IMDS_DEFAULT;
  let imdsBase: URL | undefined;
  try {
    imdsBase = new URL(imds);
    if (imdsBase.protocol !== 'http:' && imdsBase.protocol !== 'https:') throw new Error();
  } catch {
    problems.push(
      `${ENV.imdsEndpoint}="${imds}" must be an http:// or https:// URL; @default ${IMDS_DEFAULT}`,
    );
  }
  const clientId = raw(ENV.azureClientId);
  if (clientId !== undefined && !GUID.test(clientId)) {
    problems.push(`${ENV.azureClientId}="${clientId}" must be the identity's client id, a GUID`);
  }
  const refreshText = raw(ENV.secretsRefreshSeconds);
  const refreshSeconds = refreshText === undefined ? REFRESH_SECONDS.default : Number(refreshText);
  if (
    refreshText !== undefined &&
    (!/^\d+$/.test(refreshText) ||
      refreshSeconds < REFRESH_SECONDS.min ||
      refreshSeconds > REFRESH_SECONDS.max)
  ) {
    problems.push(
      `${ENV.secretsRefreshSeconds}="${refreshText}" must be a whole number from ${REFRESH_SECONDS.min} to ${REFRESH_SECONDS.max}`,
    );
  }
  const names: Partial<Record<SecretRole, string>> = {};
  for (const role of wanted) {
    const { value: valueVar, name: nameVar } = ROLE_ENV[role];
    if (env[valueVar] !== undefined && env[valueVar] !== '') {
      problems.push(
        `${valueVar} is set and so is ${ENV.keyVaultUrl}; with a vault the value comes from the secret named by ${nameVar}, so remove ${valueVar} (value not shown)`,
      );
    }
    const name = raw(nameVar);
    if (name === undefined) {
      if (roles[role] === 'required') {
        problems.push(
          `${nameVar} is not set; with ${ENV.keyVaultUrl} it names the vault secret to read`,
        );
      }
    } else if (!SECRET_NAME.test(name)) {
      problems.push(`${nameVar}="${name}" must be 1-127 of A-Z a-z 0-9 and "-" (Key Vault's rule)`);
    } else {
      names[role] = name;
    }
  }
  if (!vaultUrl || !imdsBase) return undefined;
  return { vaultUrl, imdsBase, clientId, refreshSeconds, names };
}

/** One failed read: which secret (or the token), and the status or network error. */
export class SecretReadError extends Error {
  constructor(
    readonly secret: string,
    readonly step: 'imds' | 'vault',
    readonly status: number | string,
    readonly code?: string,
  ) {
    super(`${step} ${secret}: ${status}${code ? ` ${code}` : ''}`);
    this.name = 'SecretReadError';
  }
}

const MAX_BODY = 64 * 1024;

function getJson(
  url: URL,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'GET', headers, timeout: timeoutMs },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_BODY) req.destroy(new Error('answer too large'));
          else chunks.push(c);
        });
        res.on('error', reject);
        res.on('end', () => {
          let body: Record<string, unknown> = {};
          try {
            const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
          } catch {
            // Not JSON (a proxy's page): the status says enough.
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

const networkStatus = (err: unknown): string =>
  `network ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;

/** IMDS token for the vault audience, kept until five minutes before it expires. */
export class KeyVaultClient {
  private token?: { value: string; renewAtMs: number };

  constructor(
    readonly settings: VaultSettings,
    private readonly timeoutMs = 10000,
  ) {}

  async read(name: string): Promise<string> {
    const token = await this.accessToken(name);
    const url = new URL(`secrets/${encodeURIComponent(name)}`, this.settings.vaultUrl);
    url.searchParams.set('api-version', KEY_VAULT_API_VERSION);
    let res;
    try {
      res = await getJson(url, { Authorization: `Bearer ${token}` }, this.timeoutMs);
    } catch (err) {
      throw new SecretReadError(name, 'vault', networkStatus(err));
    }
    if (res.status === 200 && typeof res.body.value === 'string') return res.body.value;
    // A refused token is fetched again next time (it may have been revoked or expired early).
    if (res.status === 401) this.token = undefined;
    const code = (res.body.error as { code?: unknown } | undefined)?.code;
    throw new SecretReadError(
      name,
      'vault',
      res.status,
      typeof code === 'string' ? code : undefined,
    );
  }

  private async accessToken(forSecret: string): Promise<string> {
    if (this.token && Date.now() < this.token.renewAtMs) return this.token.value;
    const { imdsBase, clientId } = this.settings;
    const url = new URL(IMDS_TOKEN_PATH, imdsBase);
    url.searchParams.set('api-version', IMDS_API_VERSION);
    url.searchParams.set('resource', KEY_VAULT_RESOURCE);
    if (clientId) url.searchParams.set('client_id', clientId);
    let res;
    try {
      res = await getJson(url, { Metadata: 'true' }, this.timeoutMs);
    } catch (err) {
      throw new SecretReadError(forSecret, 'imds', networkStatus(err));
    }
    const value = res.body.access_token;
    if (res.status !== 200 || typeof value !== 'string' || value === '') {
      const error = res.body.error;
      const detail = res.body.error_description;
      throw new SecretReadError(
        forSecret,
        'imds',
        res.status,
        [error, detail].filter((x) => typeof x === 'string').join(': ') || undefined,
      );
    }
    const lifetime = Number(res.body.expires_in);
    const seconds = Number.isFinite(lifetime) ? Math.max(lifetime - 300, 0) : 0;
    this.token = { value, renewAtMs: Date.now() + seconds * 1000 };
    return value;
  }
}

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseMs: number;
  readonly maxMs: number;
}

/**
 * At start: six tries over about 30 s (1, 2, 4, 8, 16 s apart), for an identity or access
 * policy that has not reached the host yet. Then the part exits and ACI restarts it, before
 * its liveness probe (20-30 s delay plus 30 s of failures) would.
 */
export const START_RETRY: RetryPolicy = { attempts: 6, baseMs: 1000, maxMs: 16000 };

function logFailure(err: unknown, fields: Record<string, string | number>): void {
  if (err instanceof SecretReadError) {
    log('warn', 'secret read failed', {
      secret: err.secret,
      step: err.step,
      status: err.status,
      code: err.code,
      ...fields,
    });
  } else {
    log('warn', 'secret read failed', { error: (err as Error).message, ...fields });
  }
}

/** Every named secret, retrying the missing ones; throws after the last attempt. */
export async function readSecrets(
  client: KeyVaultClient,
  policy: RetryPolicy = START_RETRY,
): Promise<SecretValues> {
  const values: SecretValues = {};
  const roles = Object.keys(client.settings.names) as SecretRole[];
  for (let attempt = 1; ; attempt++) {
    let failed = false;
    for (const role of roles) {
      if (values[role] !== undefined) continue;
      try {
        values[role] = await client.read(client.settings.names[role]!);
      } catch (err) {
        failed = true;
        const last = attempt >= policy.attempts;
        const retryInMs = last ? 0 : Math.min(policy.baseMs * 2 ** (attempt - 1), policy.maxMs);
        logFailure(err, { attempt, of: policy.attempts, ...(last ? {} : { retryInMs }) });
      }
    }
    if (!failed) return values;
    if (attempt >= policy.attempts) {
      throw new Error(`secrets unreadable after ${policy.attempts} attempts`);
    }
    const delay = Math.min(policy.baseMs * 2 ** (attempt - 1), policy.maxMs);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** The rule problems of values read from the vault, one line each, naming the secret. */
export function vaultValueProblems(settings: VaultSettings, values: SecretValues): string[] {
  const out: string[] = [];
  for (const role of Object.keys(values) as SecretRole[]) {
    const where = `Key Vault secret "${settings.names[role]}" (${ROLE_ENV[role].name})`;
    const p = secretProblem(role, values[role]!, where);
    if (p) out.push(p);
  }
  return out;
}

/**
 * Reads the vault again every SECRETS_REFRESH_SECONDS and hands over the roles whose value
 * changed. A failed or invalid read keeps the values in force and is tried again next time.
 * A value that breaks its rule is reported once (log line and `onRefused`), not at every
 * refresh while it stays in the vault; a different bad value is reported again.
 */
export class SecretRefresher {
  private timer?: NodeJS.Timeout;
  private stopped = false;
  /** The refused value per role, only to tell a new bad value from the one already reported. */
  private readonly refused: SecretValues = {};

  constructor(
    private readonly client: KeyVaultClient,
    private current: SecretValues,
    private readonly onChange: (
      values: SecretValues,
      changed: SecretRole[],
    ) => void | Promise<void>,
    /** @default - refused values are only logged */
    private readonly onRefused: (problem: string) => void = () => undefined,
  ) {}

  start(): void {
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.refresh(), this.client.settings.refreshSeconds * 1000);
  }

  private async refresh(): Promise<void> {
    const settings = this.client.settings;
    const next: SecretValues = { ...this.current };
    const changed: SecretRole[] = [];
    for (const role of Object.keys(settings.names) as SecretRole[]) {
      try {
        const value = await this.client.read(settings.names[role]!);
        if (value !== this.refused[role]) delete this.refused[role];
        if (value === this.current[role]) continue;
        const problem = vaultValueProblems(settings, { [role]: value })[0];
        if (problem) {
          if (this.refused[role] === undefined) {
            this.refused[role] = value;
            log(
              'warn',
              'secret changed to a value that breaks its rule; keeping the one in force',
              {
                secret: settings.names[role],
                rule: problem,
              },
            );
            this.onRefused(`${problem}; the value in force is kept`);
          }
          continue;
        }
        next[role] = value;
        changed.push(role);
      } catch (err) {
        logFailure(err, { during: 'refresh', nextTryInS: settings.refreshSeconds });
      }
    }
    if (changed.length > 0 && !this.stopped) {
      this.current = next;
      log('info', 'secret changed', { secrets: changed.map((r) => settings.names[r]).join(',') });
      try {
        await this.onChange(next, changed);
      } catch (err) {
        log('error', 'applying a changed secret failed', { error: (err as Error).message });
      }
    }
    this.schedule();
  }
}

/**
 * For a part's main: the secrets in force at start, or exit. Exit 1 when the vault stays
 * unreadable (ACI restarts the container and it tries again); exit 2 for a value that breaks
 * its rule (a restart cannot fix it; the line says which secret).
 */
export async function loadSecretsOrExit(
  image: string,
  settings: VaultSettings,
): Promise<{ client: KeyVaultClient; values: SecretValues }> {
  const client = new KeyVaultClient(settings);
  let values: SecretValues;
  try {
    values = await readSecrets(client);
  } catch (err) {
    log('error', `${(err as Error).message}; exiting so the container is restarted`, {
      vault: settings.vaultUrl.origin,
    });
    process.stderr.write(`${image}: ${(err as Error).message} from ${settings.vaultUrl.origin}\n`);
    process.exit(1);
  }
  const problems = vaultValueProblems(settings, values);
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`${image}: ${p}\n`);
    process.exit(2);
  }
  log('info', 'secrets read', {
    vault: settings.vaultUrl.origin,
    secrets: Object.values(settings.names).join(','),
  });
  return { client, values };
}
