/**
 * cleanup: tears down every event past its expiry, the way teardown does (so state stays
 * consistent), and only resource groups that carry this project's tags: auto_cleanup=true,
 * managed-by=stream-control and purpose=streaming. The platform's groups never carry
 * auto_cleanup, so they can never match.
 */
import { Context, loadEventConfig } from './context';
import { toRunError } from './errors';
import { RunImpl } from './run';
import { destroyEvent } from './teardown';
import {
  CleanupCandidate,
  CleanupRequest,
  CleanupResult,
  Environment,
  ExitCode,
  ResourceGroupInfo,
  RunResult,
} from './types';

export const CLEANUP_TAGS = {
  auto_cleanup: 'true',
  'managed-by': 'stream-control',
  purpose: 'streaming',
} as const;

export function isOurs(rg: ResourceGroupInfo): boolean {
  return (
    Object.entries(CLEANUP_TAGS).every(([k, v]) => rg.tags[k] === v) &&
    !!rg.tags.event &&
    !!rg.tags.environment
  );
}

export async function runCleanup(
  ctx: Context,
  run: RunImpl<CleanupResult>,
  req: CleanupRequest,
): Promise<void> {
  const dryRun = req.dryRun === true;
  const candidates: CleanupCandidate[] = [];
  try {
    const groups = await run.phase('query', 'Finding expired events', () =>
      ctx.azure().listResourceGroupsByTag('auto_cleanup', 'true'),
    );
    const now = ctx.now().getTime();
    for (const rg of groups) {
      if (!isOurs(rg)) {
        run.log(
          'info',
          `skipping ${rg.name}: not tagged managed-by=stream-control, purpose=streaming with an event`,
        );
        continue;
      }
      const expiresAt = rg.tags['expires-at'];
      const at = Date.parse(expiresAt ?? '');
      const base = {
        event: rg.tags.event,
        environment: rg.tags.environment as Environment,
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
        const ev = loadEventConfig(ctx, { event: rg.tags.event, environment: base.environment });
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
              ? `skipped: no state holds it; delete by hand with az group delete -n ${rg.name}`
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
