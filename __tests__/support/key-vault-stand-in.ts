/**
 * A loopback stand-in for the two Azure services a part talks to at start: the instance
 * metadata service's managed-identity endpoint (IMDS) and a Key Vault's secrets API. One
 * HTTP server on 127.0.0.1 plays both, answers with the real services' JSON shapes and
 * error bodies, and records every request so a test asserts on what the part asked.
 *
 * It checks what the real services check, so a part that forgets one fails its test:
 * - IMDS: GET on /metadata/identity/oauth2/token, header `Metadata: true`, no
 *   X-Forwarded-For (IMDS refuses proxied calls), `api-version` it knows, `resource`, and a
 *   `client_id` that names one of the "group's" identities; with several identities and no
 *   client_id it refuses, as IMDS does.
 * - Key Vault: GET on /secrets/<name>[/<version>], `api-version` it knows, and
 *   `Authorization: Bearer <token>` where the token is one this IMDS issued for
 *   https://vault.azure.net and not yet expired (a token for another resource is refused, as
 *   a wrong audience is).
 *
 * Use: `const kv = await KeyVaultStandIn.start({ secrets: { 'srt-passphrase': '...' } })`,
 * then give the part `kv.partEnv()` (KEY_VAULT_URL, AZURE_POD_IDENTITY_AUTHORITY_HOST,
 * AZURE_CLIENT_ID), and `await kv.close()` in afterAll.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  createServer,
  IncomingHttpHeaders,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { ENV } from '../../lib/contract';
import { KEY_VAULT_RESOURCE } from '../../lib/secrets';

export const IMDS_TOKEN_PATH = '/metadata/identity/oauth2/token';
/** The reader identity's client id the stand-in knows by default (AZURE_CLIENT_ID). */
export const READER_CLIENT_ID = '11111111-1111-4111-8111-111111111111';
/** A second identity on the same group, as the registry pull identity is on Azure. */
export const PULL_CLIENT_ID = '22222222-2222-4222-8222-222222222222';

/** IMDS versions that serve managed-identity tokens (Azure's IMDS documentation). */
const IMDS_API_VERSIONS = new Set(['2018-02-01', '2019-08-01', '2019-11-01', '2020-06-01']);
/** Key Vault data-plane versions. */
const VAULT_API_VERSIONS = new Set(['7.0', '7.1', '7.2', '7.3', '7.4', '7.5']);
/** Key Vault's secret name rule: 1-127 of letters, digits and "-". */
const SECRET_NAME = /^[0-9A-Za-z-]{1,127}$/;
const SECRET_VERSION = /^[0-9a-f]{32}$/;

export interface RecordedRequest {
  readonly service: 'imds' | 'vault' | 'other';
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lowercased names, as node gives them. */
  readonly headers: IncomingHttpHeaders;
  /** The status the stand-in answered; 0 for a connection it reset on purpose. */
  readonly status: number;
  readonly at: number;
}

/** How a forced failure answers: an HTTP status with Key Vault's body, or a reset connection. */
export type ForcedFailure = 403 | 404 | 429 | 500 | 503 | 'reset';

export interface KeyVaultStandInOptions {
  /** Secret name -> value. @default {} (every read is 404 SecretNotFound) */
  readonly secrets?: Readonly<Record<string, string>>;
  /** access_token IMDS issues for the vault. @default - a fresh random string */
  readonly token?: string;
  /** Client ids of the user-assigned identities on the group. @default [READER_CLIENT_ID, PULL_CLIENT_ID] */
  readonly identities?: readonly string[];
  /** expires_in of issued tokens. @default 86399 (managed identity tokens last about a day) */
  readonly tokenLifetimeSeconds?: number;
}

interface Issued {
  readonly resource: string;
  readonly clientId: string;
  readonly expiresAtMs: number;
}

interface Version {
  readonly id: string;
  readonly value: string;
  readonly created: number;
}

export class KeyVaultStandIn {
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  private readonly versions = new Map<string, Version[]>();
  private readonly issued = new Map<string, Issued>();
  private token: string;
  private identities: string[];
  private failures: ForcedFailure[] = [];
  private readonly lifetime: number;

  private constructor(
    private readonly server: Server,
    opts: KeyVaultStandInOptions,
  ) {
    this.token = opts.token ?? `stand-in-token-${randomBytes(12).toString('hex')}`;
    this.identities = [...(opts.identities ?? [READER_CLIENT_ID, PULL_CLIENT_ID])];
    this.lifetime = opts.tokenLifetimeSeconds ?? 86399;
    for (const [name, value] of Object.entries(opts.secrets ?? {})) this.setSecret(name, value);
  }

  static async start(opts: KeyVaultStandInOptions = {}): Promise<KeyVaultStandIn> {
    const server = createServer();
    const standIn = new KeyVaultStandIn(server, opts);
    server.on('request', (req, res) => standIn.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    return standIn;
  }

  /** http://127.0.0.1:<port>, the IMDS base (AZURE_POD_IDENTITY_AUTHORITY_HOST). */
  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The vault URI as azurerm's vault_uri gives it, with the trailing slash. */
  get vaultUrl(): string {
    return `${this.baseUrl}/`;
  }

  /** The environment a part gets on Azure, pointed here. */
  partEnv(clientId: string = READER_CLIENT_ID): Record<string, string> {
    return {
      [ENV.keyVaultUrl]: this.vaultUrl,
      [ENV.imdsEndpoint]: this.baseUrl,
      [ENV.azureClientId]: clientId,
    };
  }

  /** Sets (or changes) a secret while running: a new version, as `az keyvault secret set` makes. */
  setSecret(name: string, value: string): void {
    const list = this.versions.get(name) ?? [];
    list.push({
      id: randomUUID().replace(/-/g, ''),
      value,
      created: Math.floor(Date.now() / 1000),
    });
    this.versions.set(name, list);
  }

  deleteSecret(name: string): void {
    this.versions.delete(name);
  }

  /** The access_token that the next IMDS answer carries for the vault. */
  setToken(token: string): void {
    this.token = token;
  }

  /** Tokens already issued stop working (as if they expired). */
  revokeTokens(): void {
    this.issued.clear();
  }

  /** The group's identities, e.g. [] while an identity assignment has not reached the host. */
  setIdentities(clientIds: readonly string[]): void {
    this.identities = [...clientIds];
  }

  /**
   * The next `count` vault reads that are otherwise valid (authorized, known api-version)
   * fail this way: 403 is a fresh access policy or role not yet propagated.
   */
  failNext(count: number, failure: ForcedFailure = 403): void {
    for (let i = 0; i < count; i++) this.failures.push(failure);
  }

  /** Requests to one service, in order. */
  calls(service: RecordedRequest['service']): RecordedRequest[] {
    return this.requests.filter((r) => r.service === service);
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const service =
      url.pathname === IMDS_TOKEN_PATH
        ? 'imds'
        : url.pathname.startsWith('/secrets/')
          ? 'vault'
          : 'other';
    const record = (status: number): void => {
      this.requests.push({
        service,
        method: req.method ?? '',
        path: url.pathname,
        query,
        headers: { ...req.headers },
        status,
        at: Date.now(),
      });
    };
    // A part sends no body; drain anything so the socket can be reused.
    req.resume();
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      record(status);
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
        ...headers,
      });
      res.end(text);
    };
    if (service === 'imds') return this.imds(req, url, answer);
    if (service === 'vault') return this.vault(req, url, answer, record, res);
    answer(404, { error: { code: 'NotFound', message: `no route for ${url.pathname}` } });
  }

  private imds(
    req: IncomingMessage,
    url: URL,
    answer: (status: number, body: unknown) => void,
  ): void {
    const bad = (description: string): void =>
      answer(400, { error: 'invalid_request', error_description: description });
    if (req.method !== 'GET') {
      return answer(405, { error: 'invalid_request', error_description: 'Method not allowed' });
    }
    if (req.headers['x-forwarded-for'] !== undefined) {
      return bad('Request contains X-Forwarded-For header; IMDS does not accept proxied requests');
    }
    if ((req.headers['metadata'] ?? '').toString().toLowerCase() !== 'true') {
      return bad('Required metadata header not specified');
    }
    const apiVersion = url.searchParams.get('api-version');
    if (apiVersion === null) return bad("Required query variable 'api-version' is missing");
    if (!IMDS_API_VERSIONS.has(apiVersion)) {
      return bad(`Invalid version ${apiVersion}; supported: ${[...IMDS_API_VERSIONS].join(', ')}`);
    }
    const resource = url.searchParams.get('resource');
    if (resource === null || resource === '') {
      return bad("Required query variable 'resource' is missing");
    }
    const clientId = url.searchParams.get('client_id');
    if (clientId === null) {
      if (this.identities.length !== 1) {
        return bad(
          this.identities.length === 0
            ? 'Identity not found'
            : 'Multiple user assigned identities exist, please specify the clientId / resourceId of the identity in the token request',
        );
      }
    } else if (!this.identities.includes(clientId)) {
      return bad('Identity not found');
    }
    const forVault = resource.replace(/\/+$/, '') === KEY_VAULT_RESOURCE;
    // Tokens for other audiences differ, so the vault can refuse them like a wrong audience.
    const token = forVault ? this.token : `${this.token}.aud.${encodeURIComponent(resource)}`;
    const now = Math.floor(Date.now() / 1000);
    this.issued.set(token, {
      resource,
      clientId: clientId ?? this.identities[0],
      expiresAtMs: (now + this.lifetime) * 1000,
    });
    answer(200, {
      access_token: token,
      refresh_token: '',
      expires_in: String(this.lifetime),
      expires_on: String(now + this.lifetime),
      ext_expires_in: String(this.lifetime),
      not_before: String(now),
      resource,
      token_type: 'Bearer',
      client_id: clientId ?? this.identities[0],
    });
  }

  private vault(
    req: IncomingMessage,
    url: URL,
    answer: (status: number, body: unknown, headers?: Record<string, string>) => void,
    record: (status: number) => void,
    res: ServerResponse,
  ): void {
    const vaultError = (status: number, code: string, message: string, inner?: string): void =>
      answer(status, {
        error: { code, message, ...(inner ? { innererror: { code: inner } } : {}) },
      });
    const apiVersion = url.searchParams.get('api-version');
    if (apiVersion === null || !VAULT_API_VERSIONS.has(apiVersion)) {
      return vaultError(
        400,
        'BadParameter',
        apiVersion === null
          ? 'The request URI contains an invalid or missing API version.'
          : `The specified version (${apiVersion}) is not recognized. Consider using the latest supported version (7.4).`,
      );
    }
    const auth = (req.headers.authorization ?? '').toString();
    const challenge = {
      'www-authenticate': `Bearer authorization="https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000", resource="${KEY_VAULT_RESOURCE}"`,
    };
    if (!/^Bearer /.test(auth)) {
      return answer(
        401,
        {
          error: {
            code: 'Unauthorized',
            message: 'AKV10000: Request is missing a Bearer or PoP token.',
          },
        },
        challenge,
      );
    }
    const issued = this.issued.get(auth.slice('Bearer '.length));
    if (issued === undefined || issued.expiresAtMs <= Date.now()) {
      return answer(
        401,
        {
          error: {
            code: 'Unauthorized',
            message: "[BearerReadAccessTokenFailed] Error validating token: 'S2S12005'.",
          },
        },
        challenge,
      );
    }
    if (issued.resource.replace(/\/+$/, '') !== KEY_VAULT_RESOURCE) {
      return answer(
        401,
        {
          error: {
            code: 'Unauthorized',
            message: `AKV10022: Invalid audience. Expected ${KEY_VAULT_RESOURCE}, found: ${issued.resource}.`,
          },
        },
        challenge,
      );
    }
    if (req.method !== 'GET') {
      return vaultError(405, 'MethodNotAllowed', `${req.method} is not allowed on a secret here`);
    }
    const [, , name = '', version, ...rest] = url.pathname.split('/');
    if (
      !SECRET_NAME.test(name) ||
      rest.length > 0 ||
      (version !== undefined && version !== '' && !SECRET_VERSION.test(version))
    ) {
      return vaultError(
        400,
        'BadParameter',
        `The secret name or version in ${url.pathname} is invalid.`,
      );
    }
    const failure = this.failures.shift();
    if (failure === 'reset') {
      record(0);
      res.socket?.destroy();
      return;
    }
    if (failure === 403) {
      return vaultError(
        403,
        'Forbidden',
        `The user, group or application 'appid=${issued.clientId};iss=https://sts.windows.net/00000000-0000-0000-0000-000000000000/' does not have secrets get permission on key vault 'stand-in;location=westeurope'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`,
        'AccessDenied',
      );
    }
    if (failure === 429)
      return vaultError(429, 'Throttled', 'Rate limit is exceeded. Try again in 1 seconds.');
    if (failure === 500)
      return vaultError(500, 'InternalServerError', 'An unexpected error occurred.');
    if (failure === 503)
      return vaultError(503, 'ServiceUnavailable', 'The service is unavailable.');
    const list = this.versions.get(name) ?? [];
    const found = version ? list.find((v) => v.id === version) : list[list.length - 1];
    if (failure === 404 || found === undefined) {
      return vaultError(
        404,
        'SecretNotFound',
        `A secret with (name/id) ${name}${version ? `/${version}` : ''} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`,
      );
    }
    answer(200, {
      value: found.value,
      id: `${this.baseUrl}/secrets/${name}/${found.id}`,
      attributes: {
        enabled: true,
        created: found.created,
        updated: found.created,
        recoveryLevel: 'Recoverable+Purgeable',
        recoverableDays: 7,
      },
      tags: {},
    });
  }
}
