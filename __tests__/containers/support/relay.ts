import { ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { launch, waitFor } from './procs';
import { freeTcpPort, freeUdpPort } from './media';

const ROOT = join(__dirname, '..', '..', '..');

export interface RunningRelay {
  readonly proc: ChildProcess;
  readonly ingestPort: number;
  readonly outputPorts: number[];
  readonly healthPort: number;
  /** Everything the supervisor wrote, stdout and stderr. */
  readonly logs: () => string;
  get(path: string): Promise<{ code: number; body: string }>;
  status(): Promise<StatusJson>;
}

export interface StatusJson {
  ready: boolean;
  live: boolean;
  input: {
    connected: boolean;
    bytes: number;
    bitrateBps: number;
    reconnects: number;
    rejectedCallers: number;
  };
  outputs: {
    name: string;
    port: number;
    connected: boolean;
    bytes: number;
    reconnects: number;
    rejectedCallers: number;
    restarts: number;
  }[];
  processes: { name: string; running: boolean; restarts: number }[];
}

/** Starts an image's entry point as the container would, configured only through ENV names. */
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
        SRT_OUTPUT_PORTS: outputPorts.join(','),
        HEALTH_PORT: String(healthPort),
        ...env,
      },
    },
  );
  let logs = '';
  proc.stdout?.on('data', (d: Buffer) => (logs += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (logs += d.toString()));
  const get = (path: string): Promise<{ code: number; body: string }> =>
    httpGet(`http://127.0.0.1:${healthPort}${path}`);
  const relay: RunningRelay = {
    proc,
    ingestPort,
    outputPorts,
    healthPort,
    logs: () => logs,
    get,
    status: async () => JSON.parse((await get('/status')).body) as StatusJson,
  };
  await waitFor(
    'the supervisor to answer /healthz',
    async () => (await get('/healthz').catch(() => ({ code: 0 }))).code === 200,
    20000,
  );
  return relay;
}

/** No keep-alive and a timeout: a poll must never hang on a connection the server closed. */
export function httpGet(url: string): Promise<{ code: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, timeout: 3000 }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ code: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
    req.end();
  });
}
