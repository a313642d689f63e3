/** The platform of an environment has one lock, beside the events' (platform-<env>.lock). */
import { Context } from '../context';
import { acquireLock, describeHolder, Lock } from '../lock';
import { RunImpl } from '../run';
import { CommandName, RunResult } from '../types';
import { PlatformTarget } from './target';

export async function lockPlatform<R extends RunResult>(
  ctx: Context,
  run: RunImpl<R>,
  target: PlatformTarget,
  command: CommandName,
): Promise<Lock> {
  // Environments are never named "platform", so this file cannot be an event's.
  const lock = await run.phase('lock', `Locking ${target.stack}`, async () =>
    acquireLock(ctx.lockDir, 'platform', target.environment, {
      command,
      runId: run.id,
      now: ctx.now(),
    }),
  );
  if (lock.replaced)
    run.log('warn', `took over a stale lock left by ${describeHolder(lock.replaced)}`);
  run.onChild = lock.addProcessGroup;
  return lock;
}
