/** teardown: exactly one event's stack and state, under its lock. Idempotent. */
import { EventConfig } from '../lib/event-model';
import { requireTools } from './child';
import { Context, loadEventConfig, localStateFile } from './context';
import { removeCredentials } from './credentials';
import { badInput } from './errors';
import { acquireLock, describeHolder } from './lock';
import { preflight } from './preflight';
import { RunImpl } from './run';
import {
  dropStateBackup,
  readState,
  secureStateFolder,
  tightenStateFiles,
  whatRemains,
} from './state';
import { destroy, errorLine, synth } from './terraform';
import { ExitCode, RunError, RunResult, TeardownRequest, TeardownResult } from './types';

export async function runTeardown(
  ctx: Context,
  run: RunImpl<TeardownResult>,
  req: TeardownRequest,
): Promise<void> {
  const anyRun = run as unknown as RunImpl<RunResult>;
  let event: EventConfig | undefined;
  const base = () => ({
    command: 'teardown' as const,
    event: event?.slug ?? String(req.event),
    environment: event?.environment ?? req.environment ?? 'production',
    nothingLeft: false,
    destroyed: [] as string[],
    remaining: [] as string[],
  });
  let release = () => {};
  try {
    const ev = await run.phase('validate', 'Validating input', async () => {
      if (req.confirm !== true)
        throw badInput(
          'teardown needs confirmation',
          'pass --confirm, or run it in a terminal to be asked',
        );
      event = loadEventConfig(ctx, req);
      run.event = event.slug;
      requireTools(ctx.cdktfBin, ctx.env);
      return event;
    });
    await preflight(ctx, anyRun, 'event-destroy');
    const outcome = await destroyEvent(ctx, anyRun, ev, 'teardown', (r) => (release = r));
    run.finish({
      ...base(),
      ...outcome,
      ...run.common(outcome.ok, outcome.ok ? ExitCode.ok : ExitCode.failed),
    });
  } catch (err) {
    run.fail(err, base());
  } finally {
    release();
  }
}

export interface DestroyOutcome {
  ok: boolean;
  nothingLeft: boolean;
  destroyed: string[];
  remaining: string[];
  error?: RunError;
}

/** Shared by teardown and cleanup, so both leave state consistent the same way. */
export async function destroyEvent(
  ctx: Context,
  anyRun: RunImpl<RunResult>,
  ev: EventConfig,
  command: 'teardown' | 'cleanup',
  onLock: (release: () => void) => void,
): Promise<DestroyOutcome> {
  const run = anyRun;
  const lock = await run.phase('lock', `Locking ${ev.slug}`, async () =>
    acquireLock(ctx.lockDir, ev.environment, ev.slug, { command, runId: run.id, now: ctx.now() }),
  );
  onLock(lock.release);
  run.onChild = lock.addProcessGroup;
  if (lock.replaced)
    run.log('warn', `took over a stale lock left by ${describeHolder(lock.replaced)}`);
  const stateFile = localStateFile(ctx, ev);
  if (ev.stateBackend.kind === 'local') secureStateFolder(stateFile);
  // Local state answers "anything left?" offline; remote state needs the stack first.
  if (ev.stateBackend.kind !== 'local')
    await run.phase('synth', `Synthesizing ${ev.slug}`, () => synth(ctx, run, ev));
  const before = await readState(ctx, run, ev);
  if (before.resources.length === 0) {
    run.log('info', `nothing left to tear down for ${ev.slug} (${ev.environment})`);
    removeCredentials(ctx, ev);
    dropStateBackup(stateFile);
    return { ok: true, nothingLeft: true, destroyed: [], remaining: [] };
  }
  if (ev.stateBackend.kind === 'local')
    await run.phase('synth', `Synthesizing ${ev.slug}`, () => synth(ctx, run, ev));
  // A failed destroy fails its phase: no green tick over resources that are still there.
  const failed = await run
    .phase(
      'destroy',
      `Destroying ${before.resources.length} resource(s) of ${ev.slug}`,
      async () => {
        const r = await destroy(ctx, run, ev).finally(() => tightenStateFiles(stateFile));
        if (!r.ok) throw new Error(errorLine(r.tail) ?? 'cdktf destroy failed');
      },
    )
    .then(
      () => undefined,
      (err: Error) => err,
    );
  if (failed && run.abort.signal.aborted) throw failed;
  // Checked, not assumed: what the state holds now.
  const after = await whatRemains(ctx, run, ev);
  if (after.problem !== undefined) {
    return {
      ok: false,
      nothingLeft: false,
      destroyed: [],
      remaining: [...before.resources],
      error: {
        code: 'destroy-failed',
        message: `destroy of ${ev.slug} ${failed ? `failed: ${failed.message}` : 'ended'}; could not check what remains (${after.problem})`,
        hint: `check with ./stream-control status --event ${ev.slug} --env ${ev.environment}, then run teardown again`,
      },
    };
  }
  const destroyed = before.resources.filter((a) => !after.resources.includes(a));
  if (failed || after.resources.length > 0) {
    return {
      ok: false,
      nothingLeft: false,
      destroyed,
      remaining: [...after.resources],
      error: {
        code: 'destroy-failed',
        message: `destroy of ${ev.slug} failed: ${failed?.message ?? 'resources are still in state'}; ${after.resources.length} resource(s) remain`,
        hint: `fix the cause and run \`./stream-control teardown --event ${ev.slug} --env ${ev.environment} --confirm\` again`,
      },
    };
  }
  removeCredentials(ctx, ev);
  dropStateBackup(stateFile);
  run.log('info', `destroyed ${destroyed.length} resource(s) of ${ev.slug}`);
  return { ok: true, nothingLeft: false, destroyed, remaining: [] };
}

/**
 * The commands that remove an event no state tracks: its resource group, then its Key Vault,
 * which Azure keeps soft-deleted (and its secrets recoverable) for 7 days after the group goes,
 * unless purged. Terraform's destroy purges it by itself; a group deleted by hand does not.
 */
export function removeByHandCommand(event: EventConfig): string {
  const group = event.names.resourceGroup;
  return `az group delete --name ${group} --yes && az keyvault purge --name ${event.names.keyVault}`;
}
