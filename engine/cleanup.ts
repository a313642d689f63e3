/**
 * cleanup: tears down every event past its expiry, the way teardown does (so state stays
 * consistent), and only resource groups that carry this project's tags (lib/tags.ts
 * CLEANUP_SELECTOR: auto_cleanup=true, managed-by=stream-control, purpose=streaming, with an
 * event and an environment). The platform's groups never carry auto_cleanup, so they can
 * never match.
 */
import { CLEANUP_SELECTOR, isCleanupCandidate, TAG } from '../lib/tags';
import { Context, loadEventConfig } from './context';
import { toRunError } from './errors';
import { RunImpl } from './run';
import { destroyEvent, removeByHandCommand } from './teardown';
import {
  CleanupCandidate,
  CleanupRequest,
  CleanupResult,
  Environment,
  ExitCode,
  RunResult,
} from './types';

export async function runCleanup(
  ctx: Context,
  run: RunImpl<CleanupResult>,
  req: CleanupRequest,
): Promise<void> {
  const dryRun = req.dryRun === true;
  const candidates: CleanupCandidate[] = [];
  try {
    const groups = await run.phase('query', 'Finding expired events', () =>
      ctx.azure().listResourceGroupsByTag(TAG.autoCleanup, CLEANUP_SELECTOR[TAG.autoCleanup]),
    );
    const now = ctx.now().getTime();
    for (const rg of groups) {
      if (!isCleanupCandidate(rg.tags)) {
        const selector = Object.entries(CLEANUP_SELECTOR).map(([k, v]) => `${k}=${v}`);
        run.log(
          'info',
          `skipping ${rg.name}: not tagged ${selector.join(', ')} with an event and an environment`,
        );
        continue;
      }
      const expiresAt = rg.tags[TAG.expiresAt];
      const at = Date.parse(expiresAt ?? '');
      const base = {
        event: rg.tags[TAG.event],
        environment: rg.tags[TAG.environment] as Environment,
        resourceGroup: rg.name,
        expiresAt: expiresAt ?? '',
      };
      if (Number.isNaN(at)) {
        candidates.push({ ...base, action: 'skipped: no readable expires-at tag' });
        continue;
      }
      if (at > now) continue;
      if (dryRun) {
        candidates.push({ ...base, action: 'would destroy' });
        continue;
      }
      let release = () => {};
      try {
        const ev = loadEventConfig(ctx, { event: base.event, environment: base.environment });
        if (ev.names.resourceGroup !== rg.name) {
          candidates.push({
            ...base,
            action: `skipped: its state names another group (${ev.names.resourceGroup})`,
          });
          continue;
        }
        const outcome = await run.phase(
          'cleanup',
          `Tearing down ${ev.slug} (${ev.environment})`,
          () =>
            destroyEvent(
              ctx,
              run as unknown as RunImpl<RunResult>,
              ev,
              'cleanup',
              (r) => (release = r),
            ),
        );
        candidates.push({
          ...base,
          action: outcome.ok
            ? outcome.nothingLeft
              ? `skipped: no state holds it; delete by hand with ${removeByHandCommand(ev)}`
              : 'destroyed'
            : `failed: ${outcome.error?.message}`,
        });
      } catch (err) {
        candidates.push({ ...base, action: `failed: ${toRunError(err).error.message}` });
      } finally {
        release();
      }
    }
    const failed = candidates.some((c) => c.action.startsWith('failed'));
    run.finish({
      command: 'cleanup',
      dryRun,
      candidates,
      ...run.common(!failed, failed ? ExitCode.failed : ExitCode.ok),
    });
  } catch (err) {
    run.fail(err, { command: 'cleanup', dryRun, candidates });
  }
}
