import { Server, createServer } from 'node:http';
import { HEALTH_PATHS } from '../../lib/contract';
import { renderMetrics } from './status';
import { Engine } from './engine';

/** Probes and `stream-control status` read these; nothing here ever echoes configuration. */
export function serveHealth(engine: Engine, port: number, host = '0.0.0.0'): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (code: number, type: string, body: string): void => {
      res.writeHead(code, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'GET only\n');
    switch (path) {
      case HEALTH_PATHS.live:
        return engine.live()
          ? send(200, 'text/plain', 'ok\n')
          : send(503, 'text/plain', 'child process down\n');
      case HEALTH_PATHS.ready:
        return engine.ready()
          ? send(200, 'text/plain', 'ready\n')
          : send(503, 'text/plain', 'no feed\n');
      case HEALTH_PATHS.status:
        return send(200, 'application/json', `${JSON.stringify(engine.status(), null, 2)}\n`);
      case HEALTH_PATHS.metrics:
        return send(200, 'text/plain; version=0.0.4', renderMetrics(engine.status()));
      default:
        return send(404, 'text/plain', 'not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
