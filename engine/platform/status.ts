/** platform status: what is deployed (from the outputs) and what it costs while idle. */
import { readPlatformOutputs } from '../../lib/platform-outputs';
import { Context } from '../context';
import { RunImpl } from '../run';
import { ExitCode, PlatformRequest, PlatformStatusResult } from '../types';
import { platformIdleCost } from './idle-cost';
import { platformBase, platformTarget } from './target';

export async function runPlatformStatus(
  ctx: Context,
  run: RunImpl<PlatformStatusResult>,
  req: PlatformRequest,
): Promise<void> {
  try {
    const t = platformTarget(ctx, req);
    const outputs = await run.phase('query', `Reading ${t.stack} outputs`, async () =>
      readPlatformOutputs(t.settings, { stateDir: ctx.stateDir }),
    );
    run.finish({
      command: 'platform-status',
      ...platformBase(req, t),
      deployed: outputs !== undefined,
      outputs,
      idleCost: platformIdleCost(t.environment, { settings: t.settings }),
      ...run.common(true, ExitCode.ok),
    });
  } catch (err) {
    const environment = platformBase(req).environment;
    run.fail(err, {
      command: 'platform-status',
      ...platformBase(req),
      deployed: false,
      idleCost: {
        environment,
        preset: 'standard',
        currency: 'USD',
        region: '',
        priceDate: '',
        sources: [],
        lines: [],
        totalMonthlyUsd: 0,
      },
    });
  }
}
