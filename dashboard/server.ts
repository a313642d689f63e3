/**
 * The dashboard's HTTP server: the page, its assets and the JSON API on Node's own http
 * module. `startDashboard` is what tests and embedders call; `runDashboard` is the
 * `./stream-control dashboard` command.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../engine';
import { handleApi, type ApiContext } from './api';
import { ApiError, sendError } from './http-util';
import { Scrubber } from './redact';
import {
  checkHost,
  checkSameOrigin,
  checkToken,
  generateToken,
  originPolicy,
  setSecurityHeaders,
} from './security';
import { loadStaticFiles } from './static-files';

export interface DashboardOptions {
  /** The engine every API call goes to; it also owns the events on offer. */
  readonly engine: Engine;
  /** @default 8787; 0 picks a free port */
  readonly port?: number;
  /** @default "127.0.0.1" - only this machine can reach the dashboard */
  readonly host?: string;
  /** @default - 32 random bytes, base64url */
  readonly token?: string;
  /** One line per start, stop and state change; never a key. @default console.log */
  readonly log?: (line: string) => void;
}

export interface Dashboard {
  readonly host: string;
  readonly port: number;
  /** http://host:port */
  readonly url: string;
  /** The URL to open: carries the token in the fragment, which browsers never send. */
  readonly openUrl: string;
  readonly token: string;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startDashboard(options: DashboardOptions): Promise<Dashboard> {
  const host = options.host ?? DEFAULT_HOST;
  const token = options.token ?? generateToken();
  const print = options.log ?? ((line: string) => console.log(line));
  const scrubber = new Scrubber();
  const log = (line: string) => print(scrubber.scrub(line));
  const files = loadStaticFiles();
  const ctx: ApiContext = {
    engine: options.engine,
    scrubber,
    log,
  };
  let policy = originPolicy(host, options.port ?? DEFAULT_PORT);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
    const isApi = url.pathname.startsWith('/api/');
    setSecurityHeaders(res, isApi);
    const fail = (err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof ApiError) {
        // Someone without the token, or another site, tried the API: the operator should know.
        if (err.status === 401 || err.status === 403) {
          log(
            `refused ${req.method} ${url.pathname} from ${req.socket.remoteAddress}: ${err.code}`,
          );
        }
        return sendError(res, err);
      }
      log(`internal error on ${req.method} ${url.pathname}: ${(err as Error)?.name ?? 'unknown'}`);
      sendError(res, new ApiError(500, 'internal', 'internal error; see the dashboard terminal'));
    };
    try {
      checkHost(req, policy);
      if (!isApi) {
        const file =
          req.method === 'GET' || req.method === 'HEAD' ? files.get(url.pathname) : undefined;
        if (!file) throw new ApiError(404, 'not-found', `nothing at ${url.pathname}`);
        res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.body.length });
        res.end(req.method === 'HEAD' ? undefined : file.body);
        return;
      }
      checkSameOrigin(req);
      checkToken(req, token);
      handleApi(ctx, req, res, url).catch(fail);
    } catch (err) {
      fail(err);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  policy = originPolicy(host, port);
  const url = `http://${urlHost(host)}:${port}`;
  return {
    host,
    port,
    url,
    openUrl: `${url}/#token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        // Open SSE streams would keep close() waiting forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
