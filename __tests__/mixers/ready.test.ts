import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { defaultProbe, healthTargets } from '../../engine/health';
import type { AzureClient } from '../../engine/types';

/** A container mixer stand-in: answers /status as the image does and records the token. */
let server: Server;
let url: string;
let onAir = false;
const seen: (string | undefined)[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers.authorization);
    if (req.headers.authorization !== 'Bearer right-token') {
      res.writeHead(401).end('bearer token required\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        kind: 'container-mixer',
        onAir,
        picture: onAir ? 'composite' : 'waiting',
        lastError: onAir ? null : { at: '', message: 'destination closed the connection' },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/status`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const noAzure = (() => {
  throw new Error('a container mixer must not be looked up as a VM');
}) as unknown as () => AzureClient;

const target = (token?: string) =>
  healthTargets(
    {
      mixers: [
        {
          language: 'spanish',
          computer_name: '',
          private_ip: '',
          public_ip: 'mx.example',
          rdp: '',
          status_url: url,
        },
      ],
    },
    token,
  )[0];

describe('ready means on air for a container mixer', () => {
  it('is not ready while the mixer runs but is not on air, and says why', async () => {
    onAir = false;
    const h = await defaultProbe(noAzure)(target('right-token'));
    expect(h).toMatchObject({ name: 'mixer-spanish', kind: 'mixer', ready: false });
    expect(h.detail).toBe('not on air (waiting, destination closed the connection)');
    expect(seen.at(-1)).toBe('Bearer right-token');
  });

  it('is ready once its status says onAir', async () => {
    onAir = true;
    expect(await defaultProbe(noAzure)(target('right-token'))).toMatchObject({
      ready: true,
      detail: 'on air',
    });
  });

  it('is not ready with a wrong token or none', async () => {
    expect(await defaultProbe(noAzure)(target('wrong-token'))).toMatchObject({
      ready: false,
      detail: 'HTTP 401',
    });
    expect(await defaultProbe(noAzure)(target())).toMatchObject({
      ready: false,
      detail: 'no status token to ask the mixer with',
    });
  });
});
