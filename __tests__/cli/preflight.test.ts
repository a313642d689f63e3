/**
 * Pre-flight through the CLI (issue 11, item 2): each failure is one line with its fix, exit 7,
 * and nothing exists afterwards (no lock, no state, no passphrase file, no apply in the log).
 * Azure is a recorded stand-in that records what it was asked; terraform's provider sources
 * are real CLI configuration files and a loopback address nothing listens on.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { azureClientFromSdk } from '../../engine/azure';
import { main } from '../../scripts/cli';
import { EventNames } from '../../lib/naming';
import { getPlatformSettings } from '../../lib/platform-settings';
import {
  fakeSdk,
  readyAccount,
  RecordedAccount,
  recordedGroup,
  SUBSCRIPTION,
} from './support/recorded-azure';
import { KEYS, makeSandbox, requireTerraform, Sandbox } from './support/sandbox';

let box: Sandbox;
let keysFile: string;
beforeAll(() => {
  requireTerraform();
  box = makeSandbox('preflight');
  keysFile = path.join(box.root, 'keys.txt');
  fs.writeFileSync(keysFile, KEYS.join('\n'));
});
afterAll(() => box.remove());

const CONTRIBUTOR = [
  {
    actions: ['*'],
    notActions: [
      'Microsoft.Authorization/*/Delete',
      'Microsoft.Authorization/*/Write',
      'Microsoft.Authorization/elevateAccess/Action',
    ],
  },
];

async function cli(
  argv: string[],
  account: RecordedAccount = readyAccount(),
  env: Record<string, string | undefined> = {},
  groups: ReturnType<typeof recordedGroup>[] = [],
) {
  const sdk = fakeSdk(groups, undefined, account);
  const err: string[] = [];
  const out: string[] = [];
  const base = box.options({ azure: azureClientFromSdk(sdk) }).env as Record<string, string>;
  const childEnv: Record<string, string> = { ...base };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete childEnv[k];
    else childEnv[k] = v;
  }
  const code = await main(argv, {
    env: box.env(),
    engineOptions: { ...box.options({ azure: azureClientFromSdk(sdk) }), env: childEnv },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, err, out, calls: sdk.calls };
}

const deploy = (event: string) => ['deploy', '--event', event, '--youtube-keys-file', keysFile];

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

/** Nothing of the event exists: no lock, no state or passphrase, no apply in any log. */
function expectUntouched(event: string): void {
  expect(files(box.lockDir)).toEqual([]);
  expect(files(box.stateDir).filter((f) => f.startsWith(event))).toEqual([]);
  const logs = files(box.logDir).filter((f) => f.includes(event));
  expect(logs).toHaveLength(1);
  for (const log of logs) {
    const text = fs.readFileSync(path.join(box.logDir, log), 'utf8');
    expect(text).not.toMatch(/phase (lock|synth|apply)/);
    expect(text).toMatch(/phase preflight failed/);
  }
}

/** The lines the operator sees for a failure: "error: ..." lines, then the hint. */
const errors = (err: string[]) => err.filter((l) => l.startsWith('error: '));

describe('pre-flight: Azure login and subscription', () => {
  it('not logged in: one line with `az login`, exit 7, nothing locked or created', async () => {
    const account = readyAccount();
    account.subscription = Object.assign(
      new Error(
        "DefaultAzureCredential failed to retrieve a token from the included credentials.\nAzureCliCredential: Please run 'az login' to set up an account.",
      ),
      { name: 'CredentialUnavailableError' },
    );
    const r = await cli(deploy('login-show'), account);
    expect(r.code).toBe(7);
    expect(errors(r.err)).toEqual([
      expect.stringMatching(/^error: not logged in to Azure \(.*\); fix: run `az login`/),
    ]);
    expect(r.err).toContain(
      'hint: nothing was locked or created; fix the above and run the same command again',
    );
    expect(r.calls[0]).toBe(`GET /subscriptions/${SUBSCRIPTION}?api-version=2022-12-01`);
    expectUntouched('login-show');
  });

  it('no subscription selected: names ARM_SUBSCRIPTION_ID and how to set it, asks Azure nothing', async () => {
    const r = await cli(deploy('nosub-show'), readyAccount(), {
      ARM_SUBSCRIPTION_ID: undefined,
      AZURE_SUBSCRIPTION_ID: undefined,
    });
    expect(r.code).toBe(7);
    expect(errors(r.err)).toEqual([
      'error: no Azure subscription selected, and azurerm needs one; fix: az login, then export ARM_SUBSCRIPTION_ID=$(az account show --query id -o tsv)',
    ]);
    expect(r.calls).toEqual([]);
    expectUntouched('nosub-show');
  });

  it('two different subscriptions in ARM_ and AZURE_ variables are refused', async () => {
    const r = await cli(deploy('two-subs'), readyAccount(), {
      ARM_SUBSCRIPTION_ID: SUBSCRIPTION,
      AZURE_SUBSCRIPTION_ID: '11111111-1111-1111-1111-111111111111',
    });
    expect(r.code).toBe(7);
    expect(errors(r.err)).toEqual([expect.stringMatching(/^error: ARM_SUBSCRIPTION_ID .* differ/)]);
    expectUntouched('two-subs');
  });

  it('a disabled or invisible subscription is one line each', async () => {
    const disabled = readyAccount();
    disabled.subscription = { subscriptionId: SUBSCRIPTION, displayName: 'Old', state: 'Disabled' };
    const a = await cli(deploy('disabled-show'), disabled);
    expect(a.code).toBe(7);
    expect(errors(a.err)).toEqual([
      expect.stringMatching(/^error: subscription "Old" \(0{8}-.*\) is Disabled.*; fix: /),
    ]);
    const missing = readyAccount();
    missing.subscription = Object.assign(
      new Error(`The subscription '${SUBSCRIPTION}' could not be found.`),
      { statusCode: 404, code: 'SubscriptionNotFound' },
    );
    const b = await cli(deploy('missing-sub'), missing);
    expect(b.code).toBe(7);
    expect(errors(b.err)).toEqual([
      expect.stringMatching(
        /^error: subscription .* is not visible to this login .*az account list/,
      ),
    ]);
    expectUntouched('disabled-show');
    expectUntouched('missing-sub');
  });
});

describe('pre-flight: resource providers and role', () => {
  it('lists every unregistered provider with its register command, in one run', async () => {
    const account = readyAccount();
    account.providers = {
      'Microsoft.ContainerInstance': 'NotRegistered',
      'Microsoft.DevTestLab': 'Registering',
      // The event's Key Vault: a subscription that never had one has it unregistered.
      'Microsoft.KeyVault': 'NotRegistered',
    };
    const r = await cli(deploy('unreg-show'), account);
    expect(r.code).toBe(7);
    expect(errors(r.err)).toEqual([
      `error: resource provider Microsoft.ContainerInstance is NotRegistered in subscription "Streaming" (${SUBSCRIPTION}); fix: az provider register --namespace Microsoft.ContainerInstance --subscription ${SUBSCRIPTION} --wait`,
      `error: resource provider Microsoft.DevTestLab is Registering in subscription "Streaming" (${SUBSCRIPTION}); fix: az provider register --namespace Microsoft.DevTestLab --subscription ${SUBSCRIPTION} --wait`,
      `error: resource provider Microsoft.KeyVault is NotRegistered in subscription "Streaming" (${SUBSCRIPTION}); fix: az provider register --namespace Microsoft.KeyVault --subscription ${SUBSCRIPTION} --wait`,
    ]);
    expect(r.calls).toEqual(
      expect.arrayContaining([
        'providers.get Microsoft.ContainerInstance',
        'providers.get Microsoft.Network',
        'providers.get Microsoft.Compute',
        'providers.get Microsoft.DevTestLab',
        'providers.get Microsoft.KeyVault',
        'providers.get Microsoft.ManagedIdentity',
      ]),
    );
    expectUntouched('unreg-show');
  });

  it('a Contributor may not deploy the platform (role assignments, the delete lock)', async () => {
    const account = readyAccount();
    account.permissions = CONTRIBUTOR;
    const r = await cli(['platform', 'deploy', '--env', 'staging'], account);
    expect(r.code).toBe(7);
    expect(errors(r.err)).toEqual([
      expect.stringMatching(
        /^error: this login may not Microsoft\.Authorization\/roleAssignments\/write .*; fix: ask an owner .*Owner or User Access Administrator role/,
      ),
      expect.stringMatching(/^error: this login may not Microsoft\.Authorization\/locks\/write /),
    ]);
    expect(r.calls).toContain(
      `GET /subscriptions/${SUBSCRIPTION}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01`,
    );
    expect(files(box.lockDir)).toEqual([]);
    expect(files(box.stateDir)).toEqual([]);
  });

  it('a reader may not deploy an event', async () => {
    const account = readyAccount();
    account.permissions = [{ actions: ['*/read'], notActions: [] }];
    const r = await cli(deploy('reader-show'), account);
    expect(r.code).toBe(7);
    expect(errors(r.err)).toEqual([
      expect.stringMatching(
        /^error: this login may not Microsoft\.Resources\/subscriptions\/resourceGroups\/write .*Contributor/,
      ),
    ]);
    expectUntouched('reader-show');
  });
});

describe('pre-flight: the providers terraform needs', () => {
  /** A loopback port nothing listens on: a mirror that does not answer. */
  async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  function needAzurerm(): void {
    fs.writeFileSync(
      path.join(box.projectDir, 'package.json'),
      JSON.stringify({ dependencies: { '@cdktf/provider-azurerm': '14.23.1' } }),
    );
  }
  afterEach(() => fs.rmSync(path.join(box.projectDir, 'package.json'), { force: true }));

  it('no mirror holds azurerm and the only source does not answer: one line with the fix', async () => {
    needAzurerm();
    box.writeEvent('offline-show', {
      name: 'offline-show',
      relayImage: 'ghcr.io/example/srt-relay:0.1.0',
      splitterImage: 'ghcr.io/example/slide-splitter:0.1.0',
    });
    const port = await closedPort();
    const rc = path.join(box.root, 'mirror-only.tfrc');
    fs.writeFileSync(
      rc,
      `provider_installation {\n  network_mirror {\n    url = "http://127.0.0.1:${port}/"\n  }\n}\n`,
    );
    const r = await cli(deploy('offline-show'), readyAccount(), { TF_CLI_CONFIG_FILE: rc });
    expect(r.code).toBe(7);
    expect(errors(r.err)).toEqual([
      `error: terraform cannot get provider hashicorp/azurerm 4.55.0: no mirror or plugin cache holds it and network mirror http://127.0.0.1:${port}/ (ECONNREFUSED) did not answer; fix: allow HTTPS to registry.terraform.io, or fill a mirror with \`terraform providers mirror DIR\` where it is reachable and name DIR in a provider_installation { filesystem_mirror } block of ${rc} (help/cli.md, "Pre-flight")`,
    ]);
    expectUntouched('offline-show');
  });

  /** A filesystem mirror that holds azurerm 4.55.0 for this machine; returns its CLI config. */
  function mirrorConfig(): string {
    const mirror = path.join(box.root, 'mirror');
    const arch = process.arch === 'x64' ? 'amd64' : process.arch;
    fs.mkdirSync(
      path.join(mirror, 'registry.terraform.io', 'hashicorp', 'azurerm', '4.55.0', `linux_${arch}`),
      { recursive: true },
    );
    const rc = path.join(box.root, 'fs-mirror.tfrc');
    fs.writeFileSync(
      rc,
      `provider_installation {\n  filesystem_mirror {\n    path = "${mirror}"\n  }\n}\n`,
    );
    return rc;
  }

  it('images in the platform registry with no platform outputs here: one line, exit 7', async () => {
    needAzurerm();
    const r = await cli(deploy('noregistry-show'), readyAccount(), {
      TF_CLI_CONFIG_FILE: mirrorConfig(),
    });
    expect(r.code).toBe(7);
    expect(errors(r.err)).toEqual([
      "error: the relay and splitter images are in the production platform's registry crstreamprod8cff1f.azurecr.io, but this machine has no production platform outputs (the registry and its pull identity); fix: ./stream-control platform deploy --env production and scripts/acr-build.sh crstreamprod8cff1f, or commit the platform's outputs in config/environments.json, or set relayImage and splitterImage in the event file (help/platform.md)",
    ]);
    expectUntouched('noregistry-show');
  });

  it('a filesystem mirror that holds it passes, and terraform gets ARM_SUBSCRIPTION_ID from AZURE_SUBSCRIPTION_ID', async () => {
    needAzurerm();
    const rc = mirrorConfig();
    box.writeEvent('ready-show', {
      name: 'ready-show',
      relayImage: 'ghcr.io/example/srt-relay:0.1.0',
      splitterImage: 'ghcr.io/example/slide-splitter:0.1.0',
    });
    const recorded = path.join(box.root, 'arm-subscription.txt');
    const r = await cli(deploy('ready-show'), readyAccount(), {
      TF_CLI_CONFIG_FILE: rc,
      ARM_SUBSCRIPTION_ID: undefined,
      AZURE_SUBSCRIPTION_ID: SUBSCRIPTION,
      FIXTURE_RECORD_ARM: recorded,
    });
    expect(errors(r.err)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.err.join('\n')).toMatch(/✓ preflight/);
    expect(fs.readFileSync(recorded, 'utf8')).toBe(SUBSCRIPTION);
    const down = await cli(['teardown', '--event', 'ready-show', '--confirm'], readyAccount(), {
      TF_CLI_CONFIG_FILE: rc,
    });
    expect(down.code).toBe(0);
    expect(down.calls).toContain(
      `GET /subscriptions/${SUBSCRIPTION}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01`,
    );
  }, 180_000);

  it('a failed deploy is "rolled back, nothing remains" only when Azure agrees with the empty state', async () => {
    needAzurerm();
    const rc = mirrorConfig();
    const images = {
      relayImage: 'ghcr.io/example/srt-relay:0.1.0',
      splitterImage: 'ghcr.io/example/slide-splitter:0.1.0',
    };
    box.writeEvent('left-show', { name: 'left-show', ...images });
    const group = new EventNames('left-show', 'production').resourceGroup;
    const failing = { TF_CLI_CONFIG_FILE: rc, FIXTURE_FAIL: '1' };
    const stuck = await cli(deploy('left-show'), readyAccount(), failing, [
      recordedGroup(group, { event: 'left-show' }),
    ]);
    expect(stuck.code).toBe(6);
    expect(stuck.err.join('\n')).not.toMatch(/nothing remains/);
    expect(stuck.err.join('\n')).toContain(
      `resource group ${group} still exists in Azure (remove it: az group delete --name ${group} --yes && az keyvault purge --name ${new EventNames('left-show', 'production', getPlatformSettings('production').nameSuffix).keyVault})`,
    );
    expect(stuck.calls).toContain(`resourceGroups.get ${group}`);

    const clean = await cli(deploy('left-show'), readyAccount(), failing);
    expect(clean.code).toBe(3);
    expect(clean.err.join('\n')).toMatch(/rolled back, nothing remains/);
    expect(clean.calls).toContain(`resourceGroups.get ${group}`);
  }, 180_000);
});
