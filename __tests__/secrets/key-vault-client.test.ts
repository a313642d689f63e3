/**
 * The parts' Key Vault reader (containers/shared/key-vault.ts) against the stand-in: what it
 * asks IMDS and the vault, how it retries, and which settings it refuses.
 */
import {
  KeyVaultClient,
  SecretRefresher,
  SecretValues,
  parseVaultSettings,
  readSecrets,
  vaultValueProblems,
} from '../../containers/shared/key-vault';
import { parseMixerConfig, withVaultSecrets } from '../../containers/language-mixer/config';
import { ConfigError, parseConfig } from '../../containers/shared/config';
import { ENV } from '../../lib/contract';
import { KEY_VAULT_API_VERSION, KEY_VAULT_RESOURCE, VAULT_SECRETS } from '../../lib/secrets';
import { IMDS_TOKEN_PATH, KeyVaultStandIn, READER_CLIENT_ID } from '../support/key-vault-stand-in';

const PASS = 'vault-passphrase-0001';
const FAST = { attempts: 4, baseMs: 20, maxMs: 40 };

let kv: KeyVaultStandIn;
let out: string[];
let write: jest.SpyInstance;
beforeEach(async () => {
  kv = await KeyVaultStandIn.start({
    secrets: { [VAULT_SECRETS.passphrase]: PASS, [VAULT_SECRETS.streamKey('en')]: 'yt-key-en-1' },
    token: 'issued-token-1',
  });
  out = [];
  write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
});
afterEach(async () => {
  write.mockRestore();
  await kv.close();
});

function settings(env: Record<string, string> = {}) {
  const problems: string[] = [];
  const s = parseVaultSettings(
    { ...kv.partEnv(), [ENV.passphraseSecret]: VAULT_SECRETS.passphrase, ...env },
    { passphrase: 'required' },
    problems,
  );
  expect(problems).toEqual([]);
  return s!;
}

function problemsOf(
  env: Record<string, string>,
  roles: Parameters<typeof parseVaultSettings>[1] = { passphrase: 'required' },
): string[] {
  const problems: string[] = [];
  parseVaultSettings(env, roles, problems);
  return problems;
}

describe('parseVaultSettings', () => {
  it('is undefined without KEY_VAULT_URL (values from the environment)', () => {
    const problems: string[] = [];
    expect(
      parseVaultSettings({ [ENV.passphrase]: PASS }, { passphrase: 'required' }, problems),
    ).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('reads the URL, the identity, the names and the refresh period, defaults included', () => {
    const s = parseVaultSettings(
      {
        [ENV.keyVaultUrl]: 'https://kv-conf.vault.azure.net',
        [ENV.passphraseSecret]: 'srt-passphrase',
        [ENV.azureClientId]: READER_CLIENT_ID,
      },
      { passphrase: 'required' },
      [],
    )!;
    expect(s.vaultUrl.href).toBe('https://kv-conf.vault.azure.net/');
    expect(s.imdsBase.href).toBe('http://169.254.169.254/');
    expect(s.clientId).toBe(READER_CLIENT_ID);
    expect(s.refreshSeconds).toBe(60);
    expect(s.names).toEqual({ passphrase: 'srt-passphrase' });
  });

  it.each([
    ['http://10.0.0.5/', 'must be https://'],
    ['http://kv-conf.vault.azure.net/', 'must be https://'],
    ['ftp://kv-conf.vault.azure.net/', 'must be https://'],
    ['not a url', 'is not a URL'],
    ['https://user:pw@kv.vault.azure.net/', 'without credentials'],
    ['https://kv-conf.example.net/', 'must be a Key Vault host'],
    ['https://vault.azure.net.attacker.example/', 'must be a Key Vault host'],
    ['https://.vault.azure.net/', 'must be a Key Vault host'],
  ])('refuses KEY_VAULT_URL=%s, naming variable, value and rule', (url, rule) => {
    const p = problemsOf({ [ENV.keyVaultUrl]: url, [ENV.passphraseSecret]: 'srt-passphrase' });
    expect(p).toHaveLength(1);
    expect(p[0]).toContain(`${ENV.keyVaultUrl}="${url}"`);
    expect(p[0]).toContain(rule);
  });

  it("takes the vault hosts of Azure's clouds", () => {
    for (const url of [
      'https://kv-conf.vault.azure.net/',
      'https://KV-Conf.Vault.Azure.Net/',
      'https://kv-conf.vault.azure.cn/',
      'https://kv-conf.vault.usgovcloudapi.net/',
    ]) {
      expect(problemsOf({ [ENV.keyVaultUrl]: url, [ENV.passphraseSecret]: 'x' })).toEqual([]);
    }
  });

  it('takes http:// for a loopback host only (tests)', () => {
    for (const url of ['http://127.0.0.1:8200/', 'http://localhost:1/', 'http://[::1]:2/']) {
      expect(problemsOf({ [ENV.keyVaultUrl]: url, [ENV.passphraseSecret]: 'x' })).toEqual([]);
    }
  });

  it('refuses a vault and a value in the environment together, never echoing the value', () => {
    const p = problemsOf(
      {
        [ENV.keyVaultUrl]: 'https://kv.vault.azure.net/',
        [ENV.streamKeySecret]: 'youtube-key-en',
        [ENV.streamKey]: 'canary-key-xyz',
      },
      { streamKey: 'required' },
    );
    expect(p).toEqual([
      expect.stringContaining(`${ENV.streamKey} is set and so is ${ENV.keyVaultUrl}`),
    ]);
    expect(p.join()).not.toContain('canary-key-xyz');
    expect(
      problemsOf({
        [ENV.keyVaultUrl]: 'https://kv.vault.azure.net/',
        [ENV.passphraseSecret]: 'srt-passphrase',
        [ENV.passphrase]: PASS,
      }),
    ).toEqual([expect.stringContaining(`${ENV.passphrase} is set and so is`)]);
  });

  it('reports every other problem together', () => {
    const p = problemsOf({
      [ENV.keyVaultUrl]: 'https://kv.vault.azure.net/',
      [ENV.imdsEndpoint]: 'file:///etc',
      [ENV.azureClientId]: 'reader',
      [ENV.secretsRefreshSeconds]: '0',
    });
    expect(p).toEqual([
      expect.stringContaining(`${ENV.imdsEndpoint}="file:///etc"`),
      expect.stringContaining(`${ENV.azureClientId}="reader" must be the identity's client id`),
      expect.stringContaining(
        `${ENV.secretsRefreshSeconds}="0" must be a whole number from 1 to 86400`,
      ),
      expect.stringContaining(`${ENV.passphraseSecret} is not set`),
    ]);
    expect(
      problemsOf({
        [ENV.keyVaultUrl]: 'https://kv.vault.azure.net/',
        [ENV.passphraseSecret]: 'bad_name',
      }),
    ).toEqual([expect.stringContaining(`${ENV.passphraseSecret}="bad_name" must be 1-127`)]);
    expect(problemsOf({ [ENV.passphraseSecret]: 'srt-passphrase' })).toEqual([
      expect.stringContaining(`is set but ${ENV.keyVaultUrl} is not`),
    ]);
  });
});

describe('KeyVaultClient', () => {
  it('asks IMDS as Azure expects, then the vault with the issued token', async () => {
    const client = new KeyVaultClient(settings());
    expect(await client.read(VAULT_SECRETS.passphrase)).toBe(PASS);
    const [imds, vault] = kv.requests;
    expect(imds).toMatchObject({
      service: 'imds',
      method: 'GET',
      path: IMDS_TOKEN_PATH,
      query: {
        'api-version': '2018-02-01',
        resource: KEY_VAULT_RESOURCE,
        client_id: READER_CLIENT_ID,
      },
      status: 200,
    });
    expect(imds.headers.metadata).toBe('true');
    expect(vault).toMatchObject({
      service: 'vault',
      method: 'GET',
      path: `/secrets/${VAULT_SECRETS.passphrase}`,
      query: { 'api-version': KEY_VAULT_API_VERSION },
      status: 200,
    });
    expect(vault.headers.authorization).toBe('Bearer issued-token-1');
  });

  it('keeps the token for later reads, and asks again after a 401', async () => {
    const client = new KeyVaultClient(settings());
    await client.read(VAULT_SECRETS.passphrase);
    await client.read(VAULT_SECRETS.passphrase);
    expect(kv.calls('imds')).toHaveLength(1);
    kv.revokeTokens();
    kv.setToken('issued-token-2');
    await expect(client.read(VAULT_SECRETS.passphrase)).rejects.toMatchObject({ status: 401 });
    expect(await client.read(VAULT_SECRETS.passphrase)).toBe(PASS);
    expect(kv.calls('imds')).toHaveLength(2);
    expect(kv.calls('vault').at(-1)!.headers.authorization).toBe('Bearer issued-token-2');
  });

  it('without AZURE_CLIENT_ID sends no client_id, which IMDS refuses on a group with two identities', async () => {
    const s = settings({ [ENV.azureClientId]: '' });
    await expect(new KeyVaultClient(s).read(VAULT_SECRETS.passphrase)).rejects.toMatchObject({
      step: 'imds',
      status: 400,
    });
    expect(kv.calls('imds')[0].query.client_id).toBeUndefined();
  });
});

describe('readSecrets', () => {
  it('retries 403 twice, then reads; one log line per failure naming secret and status, never the value', async () => {
    kv.failNext(2);
    const values = await readSecrets(new KeyVaultClient(settings()), FAST);
    expect(values).toEqual({ passphrase: PASS });
    expect(kv.calls('vault').map((r) => r.status)).toEqual([403, 403, 200]);
    const failures = out.filter((l) => l.includes('secret read failed'));
    expect(failures).toHaveLength(2);
    for (const l of failures) {
      expect(JSON.parse(l)).toMatchObject({
        secret: VAULT_SECRETS.passphrase,
        status: 403,
        code: 'Forbidden',
      });
    }
    expect(out.join('')).not.toContain(PASS);
  });

  it('retries 404, 5xx and a reset connection too', async () => {
    kv.failNext(1, 404);
    kv.failNext(1, 503);
    kv.failNext(1, 'reset');
    expect(await readSecrets(new KeyVaultClient(settings()), FAST)).toEqual({ passphrase: PASS });
    const statuses = out
      .filter((l) => l.includes('secret read failed'))
      .map((l) => JSON.parse(l).status);
    expect(statuses).toEqual([404, 503, expect.stringMatching(/^network /)]);
  });

  it('gives up after the bound, having logged each attempt', async () => {
    kv.failNext(10);
    await expect(readSecrets(new KeyVaultClient(settings()), FAST)).rejects.toThrow(
      'secrets unreadable after 4 attempts',
    );
    expect(kv.calls('vault')).toHaveLength(4);
    expect(out.filter((l) => l.includes('secret read failed'))).toHaveLength(4);
  });

  it('retries an identity that has not reached the host yet (IMDS 400 Identity not found)', async () => {
    kv.setIdentities([]);
    setTimeout(() => kv.setIdentities([READER_CLIENT_ID]), 30);
    expect(
      await readSecrets(new KeyVaultClient(settings()), { attempts: 5, baseMs: 30, maxMs: 30 }),
    ).toEqual({
      passphrase: PASS,
    });
    expect(out.some((l) => l.includes('Identity not found'))).toBe(true);
  });

  it('checks values against their rules, naming the secret and never the value', () => {
    const p = vaultValueProblems(settings(), { passphrase: 'short' });
    expect(p).toEqual([
      expect.stringContaining(
        `Key Vault secret "${VAULT_SECRETS.passphrase}" (${ENV.passphraseSecret}) has 5 characters`,
      ),
    ]);
    expect(p[0]).not.toContain('"short"');
  });

  it('checks a status token read from the vault: at least 16 characters', () => {
    const problems: string[] = [];
    const s = parseVaultSettings(
      { ...kv.partEnv(), [ENV.statusTokenSecret]: VAULT_SECRETS.statusToken },
      { statusToken: 'required' },
      problems,
    )!;
    expect(problems).toEqual([]);
    expect(vaultValueProblems(s, { statusToken: 'fifteen-chars-x' })).toEqual([
      `Key Vault secret "${VAULT_SECRETS.statusToken}" (${ENV.statusTokenSecret}) has 15 characters; /status and /metrics need a token of at least 16 (value not shown)`,
    ]);
    expect(vaultValueProblems(s, { statusToken: 'sixteen-chars-xy' })).toEqual([]);
  });
});

describe('SecretRefresher', () => {
  it('hands over a changed value, logs the change without it, and keeps the old value on failure or a bad value', async () => {
    const client = new KeyVaultClient(settings({ [ENV.secretsRefreshSeconds]: '1' }));
    const seen: SecretValues[] = [];
    const refresher = new SecretRefresher(client, { passphrase: PASS }, (v) => {
      seen.push(v);
    });
    const until = async (ok: () => boolean): Promise<void> => {
      const end = Date.now() + 5000;
      while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    };
    refresher.start();
    try {
      kv.setSecret(VAULT_SECRETS.passphrase, 'short');
      await until(() => out.some((l) => l.includes('breaks its rule')));
      kv.failNext(1);
      await until(() => out.some((l) => l.includes('"during":"refresh"')));
      kv.setSecret(VAULT_SECRETS.passphrase, 'vault-passphrase-0002');
      await until(() => seen.length > 0);
    } finally {
      refresher.stop();
    }
    expect(seen).toEqual([{ passphrase: 'vault-passphrase-0002' }]);
    expect(out.some((l) => l.includes('"msg":"secret changed"'))).toBe(true);
    expect(out.join('')).not.toMatch(/vault-passphrase-000|"short"/);
  });
});

describe('SecretRefresher, a value that breaks its rule', () => {
  it('is reported once while it stays in the vault, and again when another bad value replaces it', async () => {
    const client = new KeyVaultClient(settings({ [ENV.secretsRefreshSeconds]: '1' }));
    const refused: string[] = [];
    const refresher = new SecretRefresher(
      client,
      { passphrase: PASS },
      () => undefined,
      (p) => refused.push(p),
    );
    const reads = () => kv.calls('vault').length;
    const untilReads = async (n: number): Promise<void> => {
      const end = Date.now() + 8000;
      while (reads() < n && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    };
    kv.clearRequests();
    refresher.start();
    try {
      kv.setSecret(VAULT_SECRETS.passphrase, 'canary short');
      await untilReads(3);
      kv.setSecret(VAULT_SECRETS.passphrase, 'canary-ü-bad');
      await untilReads(5);
    } finally {
      refresher.stop();
    }
    const lines = out.filter((l) => l.includes('breaks its rule'));
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'warn',
      secret: VAULT_SECRETS.passphrase,
      rule: expect.stringContaining('has 12 characters or characters outside A-Z a-z 0-9'),
    });
    expect(refused).toEqual([
      expect.stringMatching(/has 12 characters.*\(value not shown\); the value in force is kept$/),
      expect.stringMatching(/has 12 characters.*\(value not shown\); the value in force is kept$/),
    ]);
    expect(out.join('') + refused.join('')).not.toMatch(/canary/);
  }, 15000);
});

function without(env: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !names.includes(k)));
}

describe('the parts configured with a vault', () => {
  const vaultEnv = {
    [ENV.keyVaultUrl]: 'https://kv-conf.vault.azure.net/',
    [ENV.azureClientId]: READER_CLIENT_ID,
    [ENV.passphraseSecret]: VAULT_SECRETS.passphrase,
    [ENV.statusTokenSecret]: VAULT_SECRETS.statusToken,
  };
  const mixerEnv = {
    ...vaultEnv,
    [ENV.streamKeySecret]: VAULT_SECRETS.streamKey('spanish'),
    [ENV.mixerLanguage]: 'spanish',
    [ENV.destinationUrl]: 'rtmps://a.rtmps.youtube.com:443/live2',
  };
  const mixerProblems = (env: Record<string, string>): string[] => {
    try {
      parseMixerConfig(env);
      return [];
    } catch (err) {
      if (err instanceof ConfigError) return [...err.problems];
      throw err;
    }
  };

  it('mixer: needs no STREAM_KEY, SRT_PASSPHRASE or STATUS_TOKEN, names the three secrets, and fills them in once read', () => {
    const cfg = parseMixerConfig(mixerEnv);
    expect(cfg.vault?.names).toEqual({
      streamKey: VAULT_SECRETS.streamKey('spanish'),
      passphrase: VAULT_SECRETS.passphrase,
      statusToken: VAULT_SECRETS.statusToken,
    });
    expect(cfg.passphrase).toBeUndefined();
    expect(cfg.statusToken).toBeUndefined();
    const ready = withVaultSecrets(cfg, {
      streamKey: 'key-from-vault',
      passphrase: PASS,
      statusToken: 'token-from-vault-0001',
    });
    expect(ready.destination.streamKey).toBe('key-from-vault');
    expect(ready.passphrase).toBe(PASS);
    expect(ready.statusToken).toBe('token-from-vault-0001');
  });

  it('mixer: refuses a vault without any secret name, or with a value in the environment', () => {
    const bare = without(
      mixerEnv,
      ENV.streamKeySecret,
      ENV.passphraseSecret,
      ENV.statusTokenSecret,
    );
    expect(mixerProblems(bare)).toEqual([
      expect.stringContaining(`${ENV.streamKeySecret} is not set`),
      expect.stringContaining(`${ENV.passphraseSecret} is not set`),
      expect.stringContaining(`${ENV.statusTokenSecret} is not set`),
    ]);
    const both = mixerProblems({
      ...mixerEnv,
      [ENV.streamKey]: 'canary-env-key',
      [ENV.statusToken]: 'canary-env-status-token',
    });
    expect(both).toEqual([
      expect.stringContaining(`${ENV.streamKey} is set and so is`),
      expect.stringContaining(`${ENV.statusToken} is set and so is ${ENV.keyVaultUrl}`),
    ]);
    expect(both.join()).not.toMatch(/canary-env/);
  });

  it('relay and splitter: passphrase and status token secrets required, SRT_PASSPHRASE and STATUS_TOKEN not checked but refused', () => {
    const base = { ...vaultEnv, [ENV.outputTargets]: '127.0.0.1:10001' };
    const cfg = parseConfig(base, 'program');
    expect(cfg.vault?.names).toEqual({
      passphrase: VAULT_SECRETS.passphrase,
      statusToken: VAULT_SECRETS.statusToken,
    });
    expect(cfg.statusToken).toBe('');
    const bare = without(base, ENV.passphraseSecret, ENV.statusTokenSecret);
    expect(() => parseConfig(bare, 'slides')).toThrow(
      `${ENV.passphraseSecret} is not set; with ${ENV.keyVaultUrl} it names the vault secret to read\n${ENV.statusTokenSecret} is not set`,
    );
    let problems: readonly string[] = [];
    try {
      parseConfig(
        { ...base, [ENV.passphrase]: 'short', [ENV.statusToken]: 'tiny-canary' },
        'program',
      );
    } catch (err) {
      problems = (err as ConfigError).problems;
    }
    // Refused, not checked: no "has 11 characters" line for the token that must not be there.
    expect(problems).toEqual([
      expect.stringContaining(`${ENV.passphrase} is set and so is`),
      expect.stringContaining(`${ENV.statusToken} is set and so is ${ENV.keyVaultUrl}`),
    ]);
    expect(problems.join()).not.toContain('tiny-canary');
  });

  it('STATUS_TOKEN_SECRET without a vault is refused', () => {
    expect(() =>
      parseConfig(
        {
          [ENV.outputTargets]: '127.0.0.1:10001',
          [ENV.statusToken]: 'a-status-token-of-some-length',
          [ENV.statusTokenSecret]: VAULT_SECRETS.statusToken,
        },
        'program',
      ),
    ).toThrow(
      `${ENV.statusTokenSecret}="${VAULT_SECRETS.statusToken}" is set but ${ENV.keyVaultUrl} is not`,
    );
  });
});
