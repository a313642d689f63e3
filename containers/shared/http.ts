import { createHash, timingSafeEqual } from 'node:crypto';
import { Server, createServer } from 'node:http';
import { HEALTH_PATHS } from '../../lib/contract';

/** What the health server publishes; the relay, the splitter and the mixer each provide it. */
export interface HealthSource {
  /** The processes that should run are up and listening; never feed presence (lib/contract.ts). */
  live(): boolean;
  /** Body of /status, sent as JSON. */
  status(): unknown;
  /** Body of /metrics, Prometheus text 0.0.4. */
  metrics(): string;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * Probes answer anyone; /status and /metrics only a caller with the status token, and nobody
 * when there is no token. Digests compared in constant time, so neither the token nor its
 * length leaks through timing. Everything is no-store: a cache must never replay a status.
 * `statusToken` may be a function: asked on every request, so a token changed in Key Vault
 * is in force from the refresh that read it, and the old one stops working then.
 */
export function serveHealth(
  source: HealthSource,
  statusToken: string | undefined | (() => string | undefined),
  port: number,
  host = '0.0.0.0',
): Promise<Server> {
  const current = typeof statusToken === 'function' ? statusToken : () => statusToken;
  let cached: { token: string; digest: Buffer } | undefined;
  const expected = (): Buffer | undefined => {
    const token = current();
    if (!token) return undefined;
    if (cached?.token !== token) cached = { token, digest: digest(`Bearer ${token}`) };
    return cached.digest;
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (code: number, type: string, body: string, extra = {}): void => {
      res.writeHead(code, { 'content-type': type, 'cache-control': 'no-store', ...extra });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'GET only\n');
    const authorized = (): boolean => {
      const want = expected();
      return want !== undefined && timingSafeEqual(digest(req.headers.authorization ?? ''), want);
    };
    switch (path) {
      case HEALTH_PATHS.live:
      case HEALTH_PATHS.ready:
        return source.live()
          ? send(200, 'text/plain', 'ok\n')
          : send(503, 'text/plain', 'child process down\n');
      case HEALTH_PATHS.status:
      case HEALTH_PATHS.metrics:
        if (!authorized()) {
          return send(401, 'text/plain', 'status token required\n', {
            'www-authenticate': 'Bearer',
          });
        }
        return path === HEALTH_PATHS.status
          ? send(200, 'application/json', `${JSON.stringify(source.status(), null, 2)}\n`)
          : send(200, 'text/plain; version=0.0.4', source.metrics());
      default:
        return send(404, 'text/plain', 'not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
