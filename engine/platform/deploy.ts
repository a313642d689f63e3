/**
 * platform deploy: validate → lock → synth → `cdktf deploy platform-<env>`. A failed platform
 * deploy is not rolled back: the platform is long-lived, and applying again continues from
 * what exists. The result says what really is in state afterwards.
 */
import { readPlatformOutputs } from '../../lib/platform-outputs';
import { requireTools } from '../child';
import { Context } from '../context';
import { preflight } from '../preflight';
import { RunImpl } from '../run';
import { readLocalState, secureStateFolder, tightenStateFiles } from '../state';
import { applyStack, errorLine, synthStack } from '../terraform';
import { ExitCode, PlatformDeployResult, PlatformRequest, RunResult } from '../types';
import { lockPlatform } from './lock';
import { platformBase, PlatformTarget, platformTarget } from './target';

export async function runPlatformDeploy(
  ctx: Context,
  run: RunImpl<PlatformDeployResult>,
  req: PlatformRequest,
): Promise<void> {
  const anyRun = run as unknown as RunImpl<RunResult>;
  let target: PlatformTarget | undefined;
  const base = () => ({
    command: 'platform-deploy' as const,
    ...platformBase(req, target),
    stateFile: target?.stateFile ?? '',
  });
  let release = () => {};
  try {
    const t = await run.phase('validate', 'Validating input', async () => {
      target = platformTarget(ctx, req);
      requireTools(ctx.cdktfBin, ctx.env);
      run.log(
        'info',
        `${target.stack} (preset ${target.settings.preset}, ${target.settings.location}); state in ${target.stateFile}`,
      );
      return target;
    });
    await preflight(ctx, anyRun, 'platform-deploy');
    release = (await lockPlatform(ctx, run, t, 'platform-deploy')).release;
    secureStateFolder(t.stateFile);
    await run.phase('synth', `Synthesizing ${t.stack}`, () => synthStack(ctx, anyRun, t));
    // A failed apply fails its phase (no green tick), and the run goes on to say what exists.
    const failure = await run
      .phase('apply', `Deploying ${t.stack}`, async () => {
        const r = await applyStack('deploy', ctx, anyRun, t).finally(() =>
          tightenStateFiles(t.stateFile),
        );
        if (!r.ok) throw new Error(errorLine(r.tail) ?? 'cdktf deploy failed');
      })
      .then(
        () => undefined,
        (err: Error) => err,
      );
    if (failure) {
      if (run.abort.signal.aborted) throw failure;
      const remaining = readLocalState(t.stateFile).resources;
      const cause = failure.message;
      run.finish({
        ...base(),
        ...run.common(false, ExitCode.failed),
        remaining,
        error: {
          code: 'deploy-failed',
          message: `platform deploy failed: ${cause}`,
          hint:
            remaining.length > 0
              ? `${remaining.length} resource(s) exist; fix the cause and run \`./stream-control platform deploy --env ${t.environment}\` again (it continues from there), or \`./stream-control platform destroy --env ${t.environment} --confirm\``
              : `nothing was created; fix the cause and run \`./stream-control platform deploy --env ${t.environment}\` again`,
        },
      });
      return;
    }
    const outputs = readPlatformOutputs({ environment: t.environment }, { stateFile: t.stateFile });
    run.finish({ ...base(), ...run.common(true, ExitCode.ok), outputs });
  } catch (err) {
    run.fail(err, base());
  } finally {
    release();
  }
}
