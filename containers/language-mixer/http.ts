import { timingSafeEqual } from 'node:crypto';
import { Server, createServer } from 'node:http';
import { HEALTH_PATHS } from '../../lib/contract';
import { Mixer } from './mixer';
import { renderMixerMetrics } from './metrics';

function authorized(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/**
 * /healthz and /readyz: the processes that should run are up (never feed presence: a mixer
 * waiting for the venue is healthy). /status and /metrics: Bearer STATUS_TOKEN only.
 */
export function serveMixerHealth(mixer: Mixer, port: number, host = '0.0.0.0'): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (code: number, type: string, body: string): void => {
      res.writeHead(code, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'GET only\n');
    const ok = (): boolean => authorized(req.headers.authorization, mixer.cfg.statusToken);
    switch (path) {
      case HEALTH_PATHS.live:
      case HEALTH_PATHS.ready:
        return mixer.live()
          ? send(200, 'text/plain', 'ok\n')
          : send(503, 'text/plain', 'child process down\n');
      case HEALTH_PATHS.status:
        if (!ok()) return send(401, 'text/plain', 'bearer token required\n');
        return send(200, 'application/json', `${JSON.stringify(mixer.status(), null, 2)}\n`);
      case HEALTH_PATHS.metrics:
        if (!ok()) return send(401, 'text/plain', 'bearer token required\n');
        return send(200, 'text/plain; version=0.0.4', renderMixerMetrics(mixer.status()));
      default:
        return send(404, 'text/plain', 'not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
