/**
 * `stream-control platform deploy|status|destroy|build-image`: what the CLI dispatches to.
 * Nothing here prints or exits: every outcome is a PlatformResult with an exit code from
 * engine/types.ts, and every child process goes through a runner the tests replace.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExitCode, ExitCodeValue } from '../engine/types';
import { PlatformNames } from '../lib/naming';
import { PlatformOutputs, PROJECT_DIR, readPlatformOutputs } from '../lib/platform-outputs';
import { EnvironmentName } from '../lib/profiles';
import { formatIdleCost, IdleCostReport, platformIdleCost } from './idle-cost';
import { getPlatformSettings, PlatformSettings } from './settings';

export interface RunOutcome {
  readonly exitCode: number;
  /** Set when the program could not start at all (not installed). */
  readonly notFound?: boolean;
}

/** Starts a program and streams its output lines; resolves when it ends. */
export type CommandRunner = (
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; onLine: (line: string) => void },
) => Promise<RunOutcome>;

export interface PlatformRequest {
  readonly environment: EnvironmentName;
  /** @default PROJECT_DIR */
  readonly projectDir?: string;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Receives the children's output, line by line. @default - discarded */
  readonly onLine?: (line: string) => void;
  /** @default - spawns the real program */
  readonly run?: CommandRunner;
  /** @default - the committed settings of the environment */
  readonly settings?: PlatformSettings;
}

export interface PlatformResult {
  readonly command:
    'platform deploy' | 'platform destroy' | 'platform status' | 'platform build-image';
  readonly environment: EnvironmentName;
  readonly stack: string;
  readonly exitCode: ExitCodeValue;
  /** One line for the operator: what happened, or what was wrong and how to fix it. */
  readonly message: string;
}

export interface PlatformStatusResult extends PlatformResult {
  readonly command: 'platform status';
  readonly deployed: boolean;
  readonly outputs?: PlatformOutputs;
  readonly idleCost: IdleCostReport;
  /** The whole status as the CLI prints it. */
  readonly text: string;
}

export interface BuildImageRequest extends PlatformRequest {
  /** Gallery version to publish. @default 1.<yyyymmdd>.<hhmm> of now (UTC) */
  readonly version?: string;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

export interface BuildImageResult extends PlatformResult {
  readonly command: 'platform build-image';
  readonly version?: string;
}

export const spawnRunner: CommandRunner = (command, args, options) =>
  new Promise((resolve) => {
    const child = spawn(command, [...args], { cwd: options.cwd, env: options.env });
    let pending = '';
    const feed = (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach((line) => options.onLine(line));
    };
    child.stdout.on('data', feed);
    child.stderr.on('data', feed);
    child.on('error', (err: NodeJS.ErrnoException) =>
      resolve({ exitCode: 127, notFound: err.code === 'ENOENT' }),
    );
    child.on('close', (code) => {
      if (pending) options.onLine(pending);
      resolve({ exitCode: code ?? 1 });
    });
  });

function context(request: PlatformRequest) {
  const settings = request.settings ?? getPlatformSettings(request.environment);
  const names = new PlatformNames(request.environment, settings.nameSuffix);
  const projectDir = request.projectDir ?? PROJECT_DIR;
  const env = {
    ...(request.env ?? process.env),
    CHECKPOINT_DISABLE: '1',
    DISABLE_VERSION_CHECK: '1',
    // Synthesize only this platform: event files play no part in a platform deploy.
    STREAM_CONTROL_PLATFORM: request.environment,
  };
  return { settings, names, projectDir, env, run: request.run ?? spawnRunner };
}

async function cdktf(
  request: PlatformRequest,
  verb: 'deploy' | 'destroy',
): Promise<PlatformResult> {
  const { names, projectDir, env, run } = context(request);
  const command = `platform ${verb}` as const;
  const bin = path.join(projectDir, 'node_modules', '.bin', 'cdktf');
  const outcome = await run(bin, [verb, names.stack, '--auto-approve'], {
    cwd: projectDir,
    env,
    onLine: request.onLine ?? (() => {}),
  });
  const base = { command, environment: request.environment, stack: names.stack };
  if (outcome.notFound) {
    return {
      ...base,
      exitCode: ExitCode.prerequisite,
      message: `cdktf not found at ${bin}; run npm ci`,
    };
  }
  if (outcome.exitCode !== 0) {
    return {
      ...base,
      exitCode: ExitCode.failed,
      message: `cdktf ${verb} ${names.stack} failed (exit ${outcome.exitCode}); see the output above`,
    };
  }
  return {
    ...base,
    exitCode: ExitCode.ok,
    message:
      verb === 'deploy'
        ? `${names.stack} deployed; state in state/platform/${request.environment}.tfstate`
        : `${names.stack} destroyed`,
  };
}

/** Creates or updates the platform of one environment. */
export function platformDeploy(request: PlatformRequest): Promise<PlatformResult> {
  return cdktf(request, 'deploy');
}

/**
 * Destroys the platform. Event state lives in its storage account, so the CLI must ask the
 * operator first (confirm) and should refuse while events exist.
 */
export async function platformDestroy(
  request: PlatformRequest & { readonly confirm: true },
): Promise<PlatformResult> {
  if (request.confirm !== true) {
    const { names } = context(request);
    return {
      command: 'platform destroy',
      environment: request.environment,
      stack: names.stack,
      exitCode: ExitCode.badInput,
      message: 'platform destroy needs confirmation (--yes); it deletes every event state it holds',
    };
  }
  return cdktf(request, 'destroy');
}

/** What is deployed (from the outputs) and what it costs while idle. Reads files only. */
export function platformStatus(request: PlatformRequest): PlatformStatusResult {
  const { settings, names, projectDir } = context(request);
  const outputs = readPlatformOutputs(settings, { projectDir });
  const idleCost = platformIdleCost(request.environment, { settings });
  const lines = [
    `${names.stack}: ${outputs ? `deployed (outputs from ${outputs.source})` : 'not deployed from this machine'}`,
  ];
  if (outputs?.stateStorage) {
    const s = outputs.stateStorage;
    lines.push(
      `  event state: ${s.storageAccountName}/${s.containerName} in ${s.resourceGroupName}`,
    );
  }
  if (outputs?.registry) lines.push(`  registry:    ${outputs.registry.loginServer}`);
  if (outputs?.mixerImageId) lines.push(`  mixer image: ${outputs.mixerImageId}`);
  lines.push(formatIdleCost(idleCost));
  return {
    command: 'platform status',
    environment: request.environment,
    stack: names.stack,
    exitCode: ExitCode.ok,
    message: lines[0],
    deployed: outputs !== undefined,
    outputs,
    idleCost,
    text: lines.join('\n'),
  };
}

const VERSION_PATTERN = /^\d{1,9}\.\d{1,9}\.\d{1,9}$/;
const IMAGE_ID_PATTERN =
  /^\/subscriptions\/([0-9a-fA-F-]{36})\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/galleries\/([^/]+)\/images\/([^/]+)$/;

/** 1.<yyyymmdd>.<hhmm> in UTC: sorts by build time and fits Azure's 32-bit version parts. */
export function imageVersionFor(at: Date): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `1.${day}.${at.getUTCHours() * 100 + at.getUTCMinutes()}`;
}

/** Packer arguments for one build; exported so the tests can check them without Packer. */
export function packerBuildArgs(mixerImageId: string, version: string, location: string): string[] {
  const match = IMAGE_ID_PATTERN.exec(mixerImageId);
  if (!match)
    throw new Error(`mixer image id "${mixerImageId}" is not a gallery image definition id`);
  const [, subscription, resourceGroup, gallery, image] = match;
  const vars: Record<string, string> = {
    subscription_id: subscription,
    resource_group: resourceGroup,
    gallery_name: gallery,
    image_name: image,
    image_version: version,
    location,
  };
  return ['build', ...Object.entries(vars).flatMap(([k, v]) => ['-var', `${k}=${v}`]), '.'];
}

/** Builds the mixer image with Packer and publishes it as a new gallery version. */
export async function platformBuildImage(request: BuildImageRequest): Promise<BuildImageResult> {
  const { settings, names, projectDir, env, run } = context(request);
  const base = {
    command: 'platform build-image' as const,
    environment: request.environment,
    stack: names.stack,
  };
  const fail = (exitCode: ExitCodeValue, message: string): BuildImageResult => ({
    ...base,
    exitCode,
    message,
  });
  const version = request.version ?? imageVersionFor((request.now ?? (() => new Date()))());
  if (!VERSION_PATTERN.test(version)) {
    return fail(
      ExitCode.badInput,
      `image version "${version}" must be Major.Minor.Patch, e.g. 1.20261125.930`,
    );
  }
  if (!settings.mixerImageGallery) {
    return fail(
      ExitCode.badInput,
      `the ${request.environment} platform has no image gallery (preset ${settings.preset}); set platform.mixerImageGallery in config/environments.json`,
    );
  }
  const outputs = readPlatformOutputs(settings, { projectDir });
  if (!outputs?.mixerImageId) {
    return fail(
      ExitCode.prerequisite,
      `no mixer image definition for ${request.environment}; run stream-control platform deploy --env ${request.environment} first`,
    );
  }
  const cwd = path.join(projectDir, 'platform', 'packer');
  if (!fs.existsSync(path.join(cwd, 'mixer.pkr.hcl'))) {
    return fail(ExitCode.prerequisite, `Packer template missing at ${cwd}`);
  }
  const onLine = request.onLine ?? (() => {});
  for (const args of [
    ['init', '.'],
    packerBuildArgs(outputs.mixerImageId, version, settings.location),
  ]) {
    const outcome = await run('packer', args, { cwd, env, onLine });
    if (outcome.notFound) {
      return fail(
        ExitCode.prerequisite,
        'packer is not installed; install Packer 1.10 or newer (help/platform.md)',
      );
    }
    if (outcome.exitCode !== 0) {
      return fail(
        ExitCode.failed,
        `packer ${args[0]} failed (exit ${outcome.exitCode}); no version was published`,
      );
    }
  }
  return {
    ...base,
    exitCode: ExitCode.ok,
    version,
    message: `published ${names.mixerImage} ${version}; new mixers with mixerImage "gallery" use it`,
  };
}
