/**
 * platform destroy: the platform holds what every event of its environment stands on (their
 * azurerm state, registry and image), so it is refused while this machine knows of a deployed
 * event there, and needs the operator's confirmation. The result says what really remains.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requireTools } from '../child';
import { Context } from '../context';
import { badInput } from '../errors';
import { preflight } from '../preflight';
import { RunImpl } from '../run';
import { dropStateBackup, readLocalState, tightenStateFiles } from '../state';
import { applyStack, errorLine, synthStack } from '../terraform';
import { ExitCode, PlatformDestroyRequest, PlatformDestroyResult, RunResult } from '../types';
import { lockPlatform } from './lock';
import { platformBase, PlatformTarget, platformTarget } from './target';

/** Events of the environment with resources in their local state. */
function deployedEvents(ctx: Context, environment: string): string[] {
  const dir = path.join(ctx.stateDir, environment);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.tfstate'))
    .filter((f) => readLocalState(path.join(dir, f)).resources.length > 0)
    .map((f) => f.replace(/\.tfstate$/, ''))
    .sort();
}

export async function runPlatformDestroy(
  ctx: Context,
  run: RunImpl<PlatformDestroyResult>,
  req: PlatformDestroyRequest,
): Promise<void> {
  const anyRun = run as unknown as RunImpl<RunResult>;
  let target: PlatformTarget | undefined;
  const base = () => ({
    command: 'platform-destroy' as const,
    ...platformBase(req, target),
    nothingLeft: false,
    destroyed: [] as string[],
    remaining: [] as string[],
  });
  let release = () => {};
  try {
    const t = await run.phase('validate', 'Validating input', async () => {
      target = platformTarget(ctx, req);
      if (req.confirm !== true) {
        throw badInput(
          'platform destroy needs confirmation: it deletes every event state the platform holds',
          `pass --confirm: ./stream-control platform destroy --env ${target.environment} --confirm`,
        );
      }
      const events = deployedEvents(ctx, target.environment);
      if (events.length > 0) {
        throw badInput(
          `${events.length} event(s) of ${target.environment} are still deployed (${events.join(', ')}); the platform holds what they stand on`,
          `tear them down first: ./stream-control teardown --event ${events[0]} --env ${target.environment} --confirm`,
        );
      }
      requireTools(ctx.cdktfBin, ctx.env);
      return target;
    });
    // Nothing in state needs no Azure: a second destroy stays offline.
    if (readLocalState(t.stateFile).resources.length > 0)
      await preflight(ctx, anyRun, 'platform-destroy');
    release = (await lockPlatform(ctx, run, t, 'platform-destroy')).release;
    const before = readLocalState(t.stateFile).resources;
    if (before.length === 0) {
      run.log('info', `nothing left to destroy for ${t.stack}`);
      run.finish({ ...base(), nothingLeft: true, ...run.common(true, ExitCode.ok) });
      return;
    }
    await run.phase('synth', `Synthesizing ${t.stack}`, () => synthStack(ctx, anyRun, t));
    const failure = await run
      .phase('destroy', `Destroying ${before.length} resource(s) of ${t.stack}`, async () => {
        const r = await applyStack('destroy', ctx, anyRun, t).finally(() =>
          tightenStateFiles(t.stateFile),
        );
        if (!r.ok) throw new Error(errorLine(r.tail) ?? 'cdktf destroy failed');
      })
      .then(
        () => undefined,
        (err: Error) => err,
      );
    if (failure && run.abort.signal.aborted) throw failure;
    // Checked, not assumed: what the state holds now.
    const remaining = readLocalState(t.stateFile).resources;
    const destroyed = before.filter((a) => !remaining.includes(a));
    if (failure || remaining.length > 0) {
      run.finish({
        ...base(),
        destroyed,
        remaining: [...remaining],
        ...run.common(false, ExitCode.failed),
        error: {
          code: 'destroy-failed',
          message: `platform destroy failed: ${failure?.message ?? 'resources remain in state'}; ${remaining.length} resource(s) remain`,
          hint: `fix the cause and run \`./stream-control platform destroy --env ${t.environment} --confirm\` again`,
        },
      });
      return;
    }
    dropStateBackup(t.stateFile);
    run.log('info', `destroyed ${destroyed.length} resource(s) of ${t.stack}`);
    run.finish({ ...base(), destroyed, ...run.common(true, ExitCode.ok) });
  } catch (err) {
    run.fail(err, base());
  } finally {
    release();
  }
}
