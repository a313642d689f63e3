/**
 * platform build-image: Packer builds the mixer image (platform/packer/) and publishes it as a
 * new version of the platform's gallery image. Packer talks to Azure itself; the engine checks
 * what it can first, so a build that cannot work fails in seconds, not after half an hour.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPlatformOutputs } from '../../lib/platform-outputs';
import { childEnv, runChild, which } from '../child';
import { Context } from '../context';
import { badInput, EngineError } from '../errors';
import { RunImpl } from '../run';
import { BuildImageRequest, BuildImageResult, ExitCode } from '../types';
import { platformBase, PlatformTarget, platformTarget } from './target';

const VERSION_PATTERN = /^\d{1,9}\.\d{1,9}\.\d{1,9}$/;
/** A gallery image definition (no /versions/...): what the platform's mixer_image_id holds. */
const IMAGE_DEFINITION_ID =
  /^\/subscriptions\/([0-9a-fA-F-]{36})\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/galleries\/([^/]+)\/images\/([^/]+)$/;

/** 1.<yyyymmdd>.<hhmm> in UTC: sorts by build time and fits Azure's 32-bit version parts. */
export function imageVersionFor(at: Date): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `1.${day}.${at.getUTCHours() * 100 + at.getUTCMinutes()}`;
}

/** Packer arguments for one build; exported so the tests can check them without Packer. */
export function packerBuildArgs(mixerImageId: string, version: string, location: string): string[] {
  const match = IMAGE_DEFINITION_ID.exec(mixerImageId);
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

export async function runPlatformBuildImage(
  ctx: Context,
  run: RunImpl<BuildImageResult>,
  req: BuildImageRequest,
): Promise<void> {
  let target: PlatformTarget | undefined;
  let version: string | undefined;
  const base = () => ({
    command: 'platform-build-image' as const,
    ...platformBase(req, target),
    ...(version ? { version } : {}),
    ...(target ? { imageName: target.names.mixerImage } : {}),
  });
  try {
    const plan = await run.phase('validate', 'Validating input', async () => {
      const t = (target = platformTarget(ctx, req));
      const v = req.version ?? imageVersionFor(ctx.now());
      if (!VERSION_PATTERN.test(v)) {
        throw badInput(
          `image version ${JSON.stringify(v)} must be Major.Minor.Patch, e.g. 1.20261125.930`,
          undefined,
          undefined,
          [{ field: 'version', message: 'must be Major.Minor.Patch' }],
        );
      }
      version = v;
      if (!t.settings.mixerImageGallery) {
        throw badInput(
          `the ${t.environment} platform has no image gallery (preset ${t.settings.preset})`,
          'set platform.mixerImageGallery in config/environments.json, then platform deploy',
        );
      }
      const outputs = readPlatformOutputs(t.settings, { stateDir: ctx.stateDir });
      if (!outputs?.mixerImageId) {
        throw new EngineError(
          'platform-missing',
          `no mixer image definition for ${t.environment}`,
          ExitCode.prerequisite,
          `run ./stream-control platform deploy --env ${t.environment} first`,
        );
      }
      const cwd = path.join(ctx.projectDir, 'platform', 'packer');
      if (!fs.existsSync(path.join(cwd, 'mixer.pkr.hcl'))) {
        throw new EngineError(
          'packer-template-missing',
          `Packer template missing at ${cwd}`,
          ExitCode.prerequisite,
          'run stream-control from the project folder',
        );
      }
      const packer = which(ctx.packerBin, ctx.env);
      if (!packer) {
        throw new EngineError(
          'packer-missing',
          `packer is not installed (looked for ${ctx.packerBin} on PATH)`,
          ExitCode.prerequisite,
          'install Packer 1.10 or newer (help/platform.md) and retry',
        );
      }
      return {
        packer,
        cwd,
        steps: [['init', '.'], packerBuildArgs(outputs.mixerImageId, v, t.settings.location)],
      };
    });
    await run.phase('build', `Building ${target!.names.mixerImage} ${version}`, async () => {
      for (const args of plan.steps) {
        const r = await runChild(plan.packer, args, {
          cwd: plan.cwd,
          env: childEnv(ctx.env, { PACKER_NO_COLOR: '1' }),
          signal: run.abort.signal,
          onLine: (line) => run.log('info', line, 'packer'),
        });
        if (run.abort.signal.aborted)
          throw new EngineError('interrupted', 'interrupted', ExitCode.interrupted);
        if (r.code !== 0) {
          const cause = [...r.tail].reverse().find((l) => /error/i.test(l));
          throw new EngineError(
            'build-failed',
            `packer ${args[0]} failed (exit ${r.code})${cause ? `: ${cause.trim()}` : ''}; no version was published`,
            ExitCode.failed,
            'see the log file; the build VM is deleted by Packer, nothing else was created',
          );
        }
      }
    });
    run.finish({ ...base(), ...run.common(true, ExitCode.ok) });
  } catch (err) {
    run.fail(err, base());
  }
}
