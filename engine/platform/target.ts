/**
 * The facts every platform command needs: the environment's checked settings, its names,
 * where its synth output and local state live, and what the app reads to synthesize it.
 */
import * as path from 'node:path';
import { appTargetEnv } from '../../lib/app-env';
import { PlatformNames } from '../../lib/naming';
import { platformStatePath } from '../../lib/platform-outputs';
import { getPlatformSettings, PlatformSettings } from '../../lib/platform-settings';
import { ENVIRONMENTS, EnvironmentName, isEnvironment } from '../../lib/profiles';
import { Context, nodePath } from '../context';
import { badInput } from '../errors';
import { StackTarget } from '../terraform';
import { PlatformRequest } from '../types';

export interface PlatformTarget extends StackTarget {
  readonly environment: EnvironmentName;
  readonly settings: PlatformSettings;
  readonly names: PlatformNames;
  /** Local state file of the platform (it creates the storage remote event state needs). */
  readonly stateFile: string;
}

/** Throws bad input (exit 2) for an unknown environment or a broken platform block. */
export function platformTarget(ctx: Context, req: PlatformRequest = {}): PlatformTarget {
  const environment = req.environment ?? 'production';
  if (!isEnvironment(environment)) {
    throw badInput(
      `environment ${JSON.stringify(environment)} is unknown; use one of ${ENVIRONMENTS.join(', ')}`,
      undefined,
      undefined,
      [{ field: 'environment', message: `must be one of ${ENVIRONMENTS.join(', ')}` }],
    );
  }
  let settings: PlatformSettings;
  try {
    settings = getPlatformSettings(environment);
  } catch (err) {
    const problems = (err as Error).message.split('\n');
    throw badInput(problems.join('; '), 'fix config/environments.json and retry', problems);
  }
  const names = new PlatformNames(environment, settings.nameSuffix);
  return {
    environment,
    settings,
    names,
    stack: names.stack,
    outDir: path.join(ctx.projectDir, 'cdktf.out', 'platform', environment),
    stateFile: platformStatePath(environment, ctx.stateDir),
    appEnv: {
      ...nodePath(ctx),
      ...appTargetEnv({ platform: environment, stateDir: ctx.stateDir }),
    },
  };
}

/** Shared start of every platform result. */
export function platformBase(req: PlatformRequest, target?: PlatformTarget) {
  const environment = target?.environment ?? req.environment ?? 'production';
  return { environment, stack: target?.stack ?? `platform-${environment}` };
}
