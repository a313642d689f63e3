import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ExitCode } from '../../engine/types';
import { OUTPUT_NAMES, platformStatePath } from '../../lib/platform-outputs';
import {
  CommandRunner,
  platformBuildImage,
  platformDeploy,
  platformDestroy,
  platformStatus,
  RunOutcome,
} from '../../platform/commands';
import { testSettings } from './helpers';

const IMAGE_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-platform-streaming-production/providers/Microsoft.Compute/galleries/gal_stream_production/images/img-mixer-win2022-obs';

interface Call {
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Stands in for cdktf and packer: records each call and answers with the given outcomes. */
function recorder(...outcomes: RunOutcome[]): { run: CommandRunner; calls: Call[] } {
  const calls: Call[] = [];
  const run: CommandRunner = async (command, args, { cwd, env, onLine }) => {
    calls.push({ command, args, cwd, env });
    onLine(`${path.basename(command)} ${args[0]}`);
    return outcomes.shift() ?? { exitCode: 0 };
  };
  return { run, calls };
}

let projectDir: string;
beforeEach(() => {
  projectDir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-commands-'));
  // build-image runs Packer in <project>/platform/packer.
  fs.mkdirSync(path.join(projectDir, 'platform', 'packer'), { recursive: true });
  fs.writeFileSync(path.join(projectDir, 'platform', 'packer', 'mixer.pkr.hcl'), '');
});
afterEach(() => fs.rmSync(projectDir, { recursive: true, force: true }));

function deployedState(outputs: Record<string, string>): void {
  const file = platformStatePath('production', projectDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const entries = Object.fromEntries(Object.entries(outputs).map(([k, value]) => [k, { value }]));
  fs.writeFileSync(file, JSON.stringify({ version: 4, outputs: entries }));
}

const request = () => ({
  environment: 'production' as const,
  projectDir,
  settings: testSettings(),
  env: {},
});

describe('platformDeploy', () => {
  it('runs cdktf deploy platform-<env> from the project with telemetry off', async () => {
    const { run, calls } = recorder();
    const lines: string[] = [];
    const result = await platformDeploy({ ...request(), run, onLine: (l) => lines.push(l) });
    expect(calls).toEqual([
      {
        command: path.join(projectDir, 'node_modules', '.bin', 'cdktf'),
        args: ['deploy', 'platform-production', '--auto-approve'],
        cwd: projectDir,
        env: {
          CHECKPOINT_DISABLE: '1',
          DISABLE_VERSION_CHECK: '1',
          STREAM_CONTROL_PLATFORM: 'production',
        },
      },
    ]);
    expect(lines).toEqual(['cdktf deploy']);
    expect(result).toMatchObject({ exitCode: ExitCode.ok, stack: 'platform-production' });
  });

  it('reports a failed deploy with exit code 1', async () => {
    const { run } = recorder({ exitCode: 1 });
    const result = await platformDeploy({ ...request(), run });
    expect(result.exitCode).toBe(ExitCode.failed);
    expect(result.message).toMatch(/cdktf deploy platform-production failed \(exit 1\)/);
  });

  it('reports a missing cdktf as a prerequisite', async () => {
    const { run } = recorder({ exitCode: 127, notFound: true });
    expect((await platformDeploy({ ...request(), run })).exitCode).toBe(ExitCode.prerequisite);
  });
});

describe('platformDestroy', () => {
  it('refuses without confirmation and runs nothing', async () => {
    const { run, calls } = recorder();
    const result = await platformDestroy({ ...request(), run, confirm: false as unknown as true });
    expect(result.exitCode).toBe(ExitCode.badInput);
    expect(calls).toEqual([]);
  });

  it('runs cdktf destroy platform-<env> when confirmed', async () => {
    const { run, calls } = recorder();
    const result = await platformDestroy({ ...request(), run, confirm: true });
    expect(calls.map((c) => c.args)).toEqual([
      ['destroy', 'platform-production', '--auto-approve'],
    ]);
    expect(result.exitCode).toBe(ExitCode.ok);
  });
});

describe('platformStatus', () => {
  it('says not deployed and still prints the idle cost', () => {
    const status = platformStatus(request());
    expect(status.deployed).toBe(false);
    expect(status.text).toMatch(/platform-production: not deployed from this machine/);
    expect(status.text).toMatch(/total\s+\$\s+6\.60/);
  });

  it('shows storage, registry and image from the platform outputs', () => {
    deployedState({
      [OUTPUT_NAMES.resourceGroupName]: 'rg-platform-streaming-production',
      [OUTPUT_NAMES.stateStorageAccountName]: 'ststreamtfprodabc123',
      [OUTPUT_NAMES.stateContainerName]: 'tfstate',
      [OUTPUT_NAMES.registryLoginServer]: 'crstreamprodabc123.azurecr.io',
      [OUTPUT_NAMES.pullIdentityId]: '/id',
      [OUTPUT_NAMES.mixerImageId]: IMAGE_ID,
    });
    const status = platformStatus(request());
    expect(status.deployed).toBe(true);
    expect(status.text).toContain(
      'event state: ststreamtfprodabc123/tfstate in rg-platform-streaming-production',
    );
    expect(status.text).toContain('registry:    crstreamprodabc123.azurecr.io');
    expect(status.text).toContain(`mixer image: ${IMAGE_ID}`);
  });
});

describe('platformBuildImage', () => {
  const now = () => new Date('2026-11-25T09:30:00Z');

  it('runs packer init, then packer build with the platform outputs, in platform/packer', async () => {
    deployedState({ [OUTPUT_NAMES.mixerImageId]: IMAGE_ID });
    const { run, calls } = recorder();
    const result = await platformBuildImage({ ...request(), run, now });
    expect(calls.map((c) => [c.command, c.args[0]])).toEqual([
      ['packer', 'init'],
      ['packer', 'build'],
    ]);
    expect(calls[1].cwd).toBe(path.join(projectDir, 'platform', 'packer'));
    expect(calls[1].args).toEqual(
      expect.arrayContaining([
        'gallery_name=gal_stream_production',
        'image_version=1.20261125.930',
      ]),
    );
    expect(result).toMatchObject({ exitCode: ExitCode.ok, version: '1.20261125.930' });
  });

  it('needs a deployed platform first, and says which command makes one', async () => {
    const { run, calls } = recorder();
    const result = await platformBuildImage({ ...request(), run, now });
    expect(result.exitCode).toBe(ExitCode.prerequisite);
    expect(result.message).toMatch(/run stream-control platform deploy --env production first/);
    expect(calls).toEqual([]);
  });

  it('refuses a platform without a gallery', async () => {
    const { run } = recorder();
    const result = await platformBuildImage({
      ...request(),
      settings: testSettings({ preset: 'registry-free' }),
      run,
    });
    expect(result.exitCode).toBe(ExitCode.badInput);
    expect(result.message).toMatch(/has no image gallery \(preset registry-free\)/);
  });

  it('fails if the version is not Major.Minor.Patch', async () => {
    const { run } = recorder();
    const result = await platformBuildImage({ ...request(), run, version: 'v2' });
    expect(result.exitCode).toBe(ExitCode.badInput);
    expect(result.message).toMatch(/image version "v2" must be Major.Minor.Patch/);
  });

  it('stops after a failed packer build and says nothing was published', async () => {
    deployedState({ [OUTPUT_NAMES.mixerImageId]: IMAGE_ID });
    const { run } = recorder({ exitCode: 0 }, { exitCode: 1 });
    const result = await platformBuildImage({ ...request(), run, now });
    expect(result.exitCode).toBe(ExitCode.failed);
    expect(result.message).toMatch(/packer build failed \(exit 1\); no version was published/);
  });

  it('reports a missing packer as a prerequisite', async () => {
    deployedState({ [OUTPUT_NAMES.mixerImageId]: IMAGE_ID });
    const { run } = recorder({ exitCode: 127, notFound: true });
    expect((await platformBuildImage({ ...request(), run, now })).exitCode).toBe(
      ExitCode.prerequisite,
    );
  });
});
