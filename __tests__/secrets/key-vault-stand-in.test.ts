/**
 * The stand-in refuses what the real IMDS and Key Vault refuse: a part's test is only as
 * strict as this, so each check has a case here.
 */
import {
  IMDS_TOKEN_PATH,
  KeyVaultStandIn,
  PULL_CLIENT_ID,
  READER_CLIENT_ID,
} from '../support/key-vault-stand-in';

const VAULT = 'https://vault.azure.net';

let kv: KeyVaultStandIn;
beforeEach(async () => {
  kv = await KeyVaultStandIn.start({
    secrets: { 'srt-passphrase': 'vault-pass-0001' },
    token: 'tok-1',
  });
});
afterEach(() => kv.close());

async function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${kv.baseUrl}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function imdsPath(q: Record<string, string>): string {
  return `${IMDS_TOKEN_PATH}?${new URLSearchParams(q)}`;
}
const goodImds = { 'api-version': '2018-02-01', resource: VAULT, client_id: READER_CLIENT_ID };

async function token(q: Record<string, string> = goodImds): Promise<string> {
  const res = await get(imdsPath(q), { Metadata: 'true' });
  expect(res.status).toBe(200);
  return res.body.access_token as string;
}

describe('KeyVaultStandIn: IMDS', () => {
  it('issues the configured token with the real answer shape', async () => {
    const res = await get(imdsPath(goodImds), { Metadata: 'true' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      access_token: 'tok-1',
      token_type: 'Bearer',
      resource: VAULT,
      client_id: READER_CLIENT_ID,
    });
    expect(Number(res.body.expires_in)).toBeGreaterThan(3000);
    expect(kv.calls('imds')[0]).toMatchObject({ method: 'GET', query: goodImds, status: 200 });
    expect(kv.calls('imds')[0].headers.metadata).toBe('true');
  });

  it.each([
    ['no Metadata header', goodImds, {}, 'Required metadata header not specified'],
    ['Metadata: false', goodImds, { Metadata: 'false' }, 'Required metadata header'],
    [
      'a proxied call',
      goodImds,
      { Metadata: 'true', 'X-Forwarded-For': '127.0.0.1' },
      'X-Forwarded-For',
    ],
    [
      'no api-version',
      { resource: VAULT, client_id: READER_CLIENT_ID },
      { Metadata: 'true' },
      "'api-version' is missing",
    ],
    [
      'an unknown api-version',
      { ...goodImds, 'api-version': '2099-01-01' },
      { Metadata: 'true' },
      'Invalid version',
    ],
    [
      'no resource',
      { 'api-version': '2018-02-01', client_id: READER_CLIENT_ID },
      { Metadata: 'true' },
      "'resource' is missing",
    ],
    [
      'an unknown client_id',
      { ...goodImds, client_id: 'nope' },
      { Metadata: 'true' },
      'Identity not found',
    ],
    [
      'no client_id with two identities',
      { 'api-version': '2018-02-01', resource: VAULT },
      { Metadata: 'true' },
      'Multiple user assigned identities',
    ],
  ])('refuses %s with 400 invalid_request', async (_case, q, headers, description) => {
    const res = await get(imdsPath(q as Record<string, string>), headers as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
    expect(res.body.error_description).toContain(description);
  });

  it('needs no client_id when the group has one identity', async () => {
    kv.setIdentities([PULL_CLIENT_ID]);
    expect(await token({ 'api-version': '2018-02-01', resource: VAULT })).toBe('tok-1');
  });
});

describe('KeyVaultStandIn: Key Vault', () => {
  it('serves a secret to the issued Bearer token, with the real answer shape', async () => {
    const t = await token();
    const res = await get('/secrets/srt-passphrase?api-version=7.4', {
      Authorization: `Bearer ${t}`,
    });
    expect(res.status).toBe(200);
    expect(res.body.value).toBe('vault-pass-0001');
    expect(res.body.id).toMatch(new RegExp(`^${kv.baseUrl}/secrets/srt-passphrase/[0-9a-f]{32}$`));
    expect(res.body.attributes).toMatchObject({ enabled: true });
  });

  it('refuses no token, an unknown token and a token for another audience with 401 and a challenge', async () => {
    const other = await token({ ...goodImds, resource: 'https://management.azure.com/' });
    const cases: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer forged' },
      { Authorization: `Bearer ${other}` },
    ];
    for (const headers of cases) {
      const res = await fetch(`${kv.baseUrl}/secrets/srt-passphrase?api-version=7.4`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('resource="https://vault.azure.net"');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('Unauthorized');
    }
  });

  it('refuses a missing or unknown api-version, a bad name, and a revoked or expired token', async () => {
    const t = await token();
    const auth = { Authorization: `Bearer ${t}` };
    expect((await get('/secrets/srt-passphrase', auth)).status).toBe(400);
    expect((await get('/secrets/srt-passphrase?api-version=1.0', auth)).status).toBe(400);
    expect((await get('/secrets/srt_passphrase?api-version=7.4', auth)).status).toBe(400);
    kv.revokeTokens();
    expect((await get('/secrets/srt-passphrase?api-version=7.4', auth)).status).toBe(401);

    const short = await KeyVaultStandIn.start({ tokenLifetimeSeconds: 0 });
    try {
      const q = new URLSearchParams(goodImds);
      const issued = await fetch(`${short.baseUrl}${IMDS_TOKEN_PATH}?${q}`, {
        headers: { Metadata: 'true' },
      });
      const { access_token } = (await issued.json()) as { access_token: string };
      const res = await fetch(`${short.baseUrl}/secrets/x?api-version=7.4`, {
        headers: { Authorization: `Bearer ${access_token}` },
      });
      expect(res.status).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('answers 404 SecretNotFound for a missing secret, and serves a secret set while running', async () => {
    const auth = { Authorization: `Bearer ${await token()}` };
    const missing = await get('/secrets/youtube-key-en?api-version=7.4', auth);
    expect(missing.status).toBe(404);
    expect((missing.body.error as { code: string }).code).toBe('SecretNotFound');
    kv.setSecret('youtube-key-en', 'key-one');
    kv.setSecret('youtube-key-en', 'key-two');
    const latest = await get('/secrets/youtube-key-en?api-version=7.4', auth);
    expect(latest.body.value).toBe('key-two');
  });

  it('fails the next N authorized reads as asked (403 Forbidden by default), then serves', async () => {
    const auth = { Authorization: `Bearer ${await token()}` };
    kv.failNext(2);
    kv.failNext(1, 503);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await get('/secrets/srt-passphrase?api-version=7.4', auth)).status);
    expect(statuses).toEqual([403, 403, 503, 200]);
    const forbidden = kv.calls('vault')[0];
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.authorization).toBe('Bearer tok-1');
  });

  it('resets the connection when asked, and records it with status 0', async () => {
    const auth = { Authorization: `Bearer ${await token()}` };
    kv.failNext(1, 'reset');
    await expect(
      fetch(`${kv.baseUrl}/secrets/srt-passphrase?api-version=7.4`, { headers: auth }),
    ).rejects.toThrow();
    expect(kv.calls('vault').map((r) => r.status)).toEqual([0]);
  });
});
