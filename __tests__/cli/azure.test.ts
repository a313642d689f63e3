import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine } from '../../engine';
import type { MediaStatus } from '../../lib/media-status';
import { feedStatus, statusStandIn } from '../dashboard/support/parts';
import { azureClientFromSdk } from '../../engine/azure';
import { EventNames } from '../../lib/naming';
import { getPlatformSettings } from '../../lib/platform-settings';
import { main } from '../../scripts/cli';
import { fakeSdk, recordedGroup } from './support/recorded-azure';
import { KEYS, makeSandbox, requireTerraform, Sandbox, stateResources } from './support/sandbox';

const NOW = new Date('2026-05-02T12:00:00Z');
const ours = (
  slug: string,
  environment: string,
  expiresAt: string,
  extra: Record<string, string> = {},
) =>
  recordedGroup(new EventNames(slug, environment as 'production').resourceGroup, {
    purpose: 'streaming',
    event: slug,
    environment,
    'expires-at': expiresAt,
    auto_cleanup: 'true',
    'managed-by': 'stream-control',
    ...extra,
  });

let box: Sandbox;
beforeAll(() => {
  requireTerraform();
  box = makeSandbox('azure');
});
afterAll(() => box.remove());

describe('status through the Azure SDK (recorded responses)', () => {
  it('reports containers, VMs with addresses, health and time left', async () => {
    const sdk = fakeSdk([ours('status-show', 'production', '2026-05-02T20:30:00.000Z')]);
    const engine = createEngine(box.options({ azure: azureClientFromSdk(sdk), now: () => NOW }));
    const r = await engine.status({ event: 'status-show' }).result;
    expect(r.error).toBeUndefined();
    expect(r).toMatchObject({
      exitCode: 0,
      exists: true,
      resourceGroup: 'rg-streaming-status-show-production',
      expiresAt: '2026-05-02T20:30:00.000Z',
      timeLeftMs: 8.5 * 3_600_000,
    });
    expect(r.containerGroups).toEqual([
      {
        name: 'ci-relay',
        state: 'Running',
        ip: '20.31.1.2',
        fqdn: 'relay-show.westeurope.azurecontainer.io',
        containers: [{ name: 'srt-relay', state: 'Running', restarts: 1 }],
      },
    ]);
    expect(r.vms).toEqual([
      expect.objectContaining({
        name: 'mx-0',
        language: 'original',
        powerState: 'VM running',
        provisioningState: 'Succeeded',
      }),
    ]);
    expect(sdk.calls).toEqual(
      expect.arrayContaining([
        'resourceGroups.get rg-streaming-status-show-production',
        'containerGroups.get rg-streaming-status-show-production ci-relay',
        'virtualMachines.instanceView rg-streaming-status-show-production mx-0',
      ]),
    );
  });

  it('reads live status with the token from its file beside the state; without it, one line and health only', async () => {
    const relay = await statusStandIn<MediaStatus>(
      'CANARYstatusToken0123456789abcdEF',
      feedStatus('program', ['original']),
    );
    const dir = path.join(box.stateDir, 'production');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'live-show.tfstate'),
      JSON.stringify({
        version: 4,
        resources: [{ mode: 'managed', type: 'terraform_data', name: 'relay', instances: [{}] }],
        outputs: {
          relay_status_url: { value: relay.url, type: 'string' },
          // A stack from before the token left state: never used.
          status_token: { value: 'CANARYtokenInOldState000000000000', sensitive: true },
        },
      }),
    );
    const status = async () => {
      const out: string[] = [];
      const code = await main(['status', '--event', 'live-show'], {
        env: box.env(),
        engineOptions: box.options({
          azure: azureClientFromSdk(
            fakeSdk([ours('live-show', 'production', '2099-01-01T00:00:00.000Z')]),
          ),
          now: () => NOW,
        }),
        out: (l) => out.push(l),
        err: () => undefined,
      });
      return { code, text: out.join('\n') };
    };
    try {
      const elsewhere = await status();
      expect(elsewhere.code).toBe(0);
      expect(elsewhere.text).toContain(
        'Live: status token not on this machine (it stays on the machine that deployed the event); parts shown by health only.',
      );
      expect(elsewhere.text).toContain('Health:');
      expect(relay.asked).toEqual([]);

      fs.writeFileSync(
        path.join(dir, 'live-show.status-token'),
        'CANARYstatusToken0123456789abcdEF\n',
        {
          mode: 0o600,
        },
      );
      const here = await status();
      expect(here.code).toBe(0);
      expect(here.text).toMatch(
        /Live \(from each part’s \/status\):\n.*\n {2}relay +WARN +waiting for the venue’s program feed/,
      );
      expect(relay.asked).toEqual([
        { path: '/status', authorization: 'Bearer CANARYstatusToken0123456789abcdEF' },
      ]);
      expect(here.text).not.toContain('CANARYstatusToken0123456789abcdEF');
    } finally {
      await relay.close();
      fs.rmSync(path.join(dir, 'live-show.tfstate'));
      fs.rmSync(path.join(dir, 'live-show.status-token'), { force: true });
    }
  });

  it('says an event is not deployed when its group is missing', async () => {
    const engine = createEngine(box.options({ azure: azureClientFromSdk(fakeSdk([])) }));
    const r = await engine.status({ event: 'ghost-show' }).result;
    expect(r).toMatchObject({
      exitCode: 0,
      exists: false,
      resourceGroup: 'rg-streaming-ghost-show-production',
    });
  });

  it('turns an expired Azure login into one line and exit 7', async () => {
    const expired = Object.assign(
      new Error(
        "DefaultAzureCredential failed to retrieve a token from the included credentials.\nAzureCliCredential: Please run 'az login'.",
      ),
      {
        name: 'CredentialUnavailableError',
      },
    );
    const err: string[] = [];
    const code = await main(['status', '--event', 'status-show'], {
      env: box.env(),
      engineOptions: box.options({ azure: azureClientFromSdk(fakeSdk([], expired)) }),
      out: () => undefined,
      err: (l) => err.push(l),
    });
    expect(code).toBe(7);
    expect(err).toEqual([
      'error: Azure login missing or expired: DefaultAzureCredential failed to retrieve a token from the included credentials.',
      expect.stringMatching(/^hint: run `az login`/),
    ]);
  });
});

describe('list --azure (recorded responses)', () => {
  it('adds the events Azure knows by tag, with their state backend, and stays offline without it', async () => {
    const sdk = fakeSdk([
      ours('shared-show', 'staging', '2026-05-03T00:00:00.000Z', {
        'state-backend': 'azurerm',
        created: '2026-05-02T00:00:00.000Z',
      }),
      ours('old-cloud-show', 'production', '2026-05-01T00:00:00.000Z', {
        'state-backend': 'cloud',
      }),
      recordedGroup('rg-someone-else', { 'managed-by': 'stream-control', purpose: 'other' }),
    ]);
    const engine = createEngine(box.options({ azure: azureClientFromSdk(sdk), now: () => NOW }));

    expect((await engine.list().result).events).toEqual([]);
    expect(sdk.calls).toEqual([]);

    const listed = await engine.list({ azure: true }).result;
    expect(listed.exitCode).toBe(0);
    expect(sdk.calls).toEqual([
      "resourceGroups.list tagName eq 'managed-by' and tagValue eq 'stream-control'",
    ]);
    expect(listed.events).toEqual([
      expect.objectContaining({
        event: 'old-cloud-show',
        environment: 'production',
        backend: 'cloud',
        expired: true,
        foundBy: 'azure',
      }),
      expect.objectContaining({
        event: 'shared-show',
        environment: 'staging',
        backend: 'azurerm',
        expired: false,
        ageMs: 12 * 3_600_000,
        foundBy: 'azure',
      }),
    ]);

    const out: string[] = [];
    const code = await main(['list', '--azure'], {
      env: box.env(),
      engineOptions: box.options({ azure: azureClientFromSdk(sdk), now: () => NOW }),
      out: (l) => out.push(l),
      err: () => undefined,
    });
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/shared-show\s+staging .* azurerm \(found by Azure tags\)/);
  });
});

describe('unexpected errors', () => {
  it('are one line and a hint; --debug adds the stack trace', async () => {
    const boom = new Error('quota exceeded in westeurope\nsecond line');
    const run = (argv: string[]) => {
      const err: string[] = [];
      return main(argv, {
        env: box.env(),
        engineOptions: box.options({ azure: azureClientFromSdk(fakeSdk([], boom)) }),
        out: () => undefined,
        err: (l) => err.push(l),
      }).then((code) => ({ code, err }));
    };
    const plain = await run(['status', '--event', 'boom-show']);
    expect(plain.code).toBe(1);
    expect(plain.err).toEqual([
      'error: quota exceeded in westeurope',
      expect.stringMatching(/^hint: .*--debug/),
    ]);
    const debug = await run(['status', '--event', 'boom-show', '--debug']);
    expect(debug.err.slice(2).join('\n')).toMatch(/^Error: quota exceeded[\s\S]*\n\s+at /);
  });
});

describe('cleanup', () => {
  it('tears down only expired events that carry the project tags, the way teardown does', async () => {
    const deployer = createEngine(box.options());
    for (const event of ['old-show', 'new-show']) {
      const r = await deployer.deploy({ event, youtubeKeys: KEYS }).result;
      expect(r.exitCode).toBe(0);
    }
    const groups = [
      ours('old-show', 'production', '2026-05-01T00:00:00.000Z'),
      ours('new-show', 'production', '2026-05-03T00:00:00.000Z'),
      // Expired, but not ours: a hand-made group with only auto_cleanup.
      recordedGroup('rg-someone-else', {
        auto_cleanup: 'true',
        'expires-at': '2026-01-01T00:00:00Z',
        event: 'x',
        environment: 'production',
      }),
    ];
    const sdk = fakeSdk(groups);
    const engine = createEngine(box.options({ azure: azureClientFromSdk(sdk), now: () => NOW }));
    const oldState = path.join(box.stateDir, 'production', 'old-show.tfstate');
    const newState = path.join(box.stateDir, 'production', 'new-show.tfstate');

    const dry = await engine.cleanup({ dryRun: true }).result;
    expect(dry.candidates).toEqual([
      {
        event: 'old-show',
        environment: 'production',
        resourceGroup: 'rg-streaming-old-show-production',
        expiresAt: '2026-05-01T00:00:00.000Z',
        action: 'would destroy',
      },
    ]);
    expect(stateResources(oldState)).toHaveLength(7);
    expect(sdk.calls).toEqual([
      "resourceGroups.list tagName eq 'auto_cleanup' and tagValue eq 'true'",
    ]);

    const real = await engine.cleanup().result;
    expect(real.exitCode).toBe(0);
    expect(real.candidates.map((c) => `${c.event}: ${c.action}`)).toEqual(['old-show: destroyed']);
    expect(stateResources(oldState)).toEqual([]);
    expect(stateResources(newState)).toHaveLength(7);
    // The generated credentials go with the event they were made for, and only with it.
    const tokenOf = (state: string) => state.replace(/\.tfstate$/, '.status-token');
    expect(fs.existsSync(tokenOf(oldState))).toBe(false);
    expect(fs.existsSync(tokenOf(newState))).toBe(true);
    const down = await deployer.teardown({ event: 'new-show', confirm: true }).result;
    expect(down.exitCode).toBe(0);
    // Four terraform runs: a busy two-core machine needs the room.
  }, 240_000);

  it('names the commands for an expired group no state holds: the group, then its soft-deleted vault', async () => {
    const sdk = fakeSdk([ours('lost-show', 'production', '2026-05-01T00:00:00.000Z')]);
    const engine = createEngine(box.options({ azure: azureClientFromSdk(sdk), now: () => NOW }));
    const r = await engine.cleanup().result;
    const names = new EventNames(
      'lost-show',
      'production',
      getPlatformSettings('production').nameSuffix,
    );
    expect(r.candidates.map((c) => c.action)).toEqual([
      `skipped: no state holds it; delete by hand with az group delete --name ${names.resourceGroup} --yes && az keyvault purge --name ${names.keyVault}`,
    ]);
    expect(names.keyVault).toMatch(/^kv-lost-show-[0-9a-f]{8}$/);
  }, 120_000);
});
