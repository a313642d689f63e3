import { ChildProcess } from 'node:child_process';
import { MediaStatus } from '../../../lib/media-status';
import { request } from 'node:http';
import { join } from 'node:path';
import { launch, waitFor } from './procs';
import { freeTcpPort, freeUdpPort } from './media';

const ROOT = join(__dirname, '..', '..', '..');

/** The token the stand-in stack gives every supervisor under test. */
export const STATUS_TOKEN = 'status-token-for-tests-0001';

export interface RunningRelay {
  readonly proc: ChildProcess;
  readonly ingestPort: number;
  /** Where each output calls its mixer (127.0.0.1); a test's stand-in mixer listens there. */
  readonly outputPorts: number[];
  readonly healthPort: number;
  /** Everything the supervisor wrote, stdout and stderr. */
  readonly logs: () => string;
  /** GET with the status token, or with `token` (null: no Authorization header). */
  get(path: string, token?: string | null): Promise<{ code: number; body: string }>;
  status(): Promise<MediaStatus>;
}

/**
 * Starts an image's entry point as the container would, configured only through ENV names;
 * `env` may override any of them (SRT_OUTPUT_TARGETS included). With KEY_VAULT_URL in `env`
 * the status token is the vault's (the stand-in serves STATUS_TOKEN), so none is set here.
 */
export async function startRelay(
  image: 'srt-relay' | 'slide-splitter',
  outputs: number,
  env: Record<string, string>,
): Promise<RunningRelay> {
  const ingestPort = await freeUdpPort();
  const healthPort = await freeTcpPort();
  const outputPorts: number[] = [];
  for (let i = 0; i < outputs; i++) outputPorts.push(await freeUdpPort());
  const proc = launch(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join('containers', image, 'main.ts')],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        SRT_INGEST_PORT: String(ingestPort),
        SRT_OUTPUT_TARGETS: outputPorts.map((p) => `127.0.0.1:${p}`).join(','),
        HEALTH_PORT: String(healthPort),
        ...(env.KEY_VAULT_URL ? {} : { STATUS_TOKEN }),
        ...env,
      },
    },
  );
  let logs = '';
  proc.stdout?.on('data', (d: Buffer) => (logs += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (logs += d.toString()));
  const get = (path: string, token: string | null = STATUS_TOKEN) =>
    httpGet(`http://127.0.0.1:${healthPort}${path}`, token);
  const relay: RunningRelay = {
    proc,
    ingestPort,
    outputPorts,
    healthPort,
    logs: () => logs,
    get,
    status: async () => JSON.parse((await get('/status')).body) as MediaStatus,
  };
  await waitFor(
    'the supervisor to answer /healthz',
    async () => (await get('/healthz').catch(() => ({ code: 0 }))).code === 200,
    20000,
  );
  return relay;
}

/** No keep-alive and a timeout: a poll must never hang on a connection the server closed. */
export function httpGet(
  url: string,
  token: string | null = null,
): Promise<{ code: number; body: string }> {
  const headers = token === null ? {} : { authorization: `Bearer ${token}` };
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, timeout: 3000, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ code: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
    req.end();
  });
}
