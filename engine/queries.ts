/** outputs and list: read-only views of state, no lock needed. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { credentialFile, readCredential } from './credentials';
import { EventConfig } from '../lib/event-model';
import { isEnvironment } from '../lib/profiles';
import { isEventGroup, MANAGED_BY, TAG } from '../lib/tags';
import { Context, loadEventConfig } from './context';
import { isStale, lockPath, readLock } from './lock';
import { RunImpl } from './run';
import { readState, scanLocalStates, shapeOutputs } from './state';
import { synth } from './terraform';
import {
  EventSummary,
  ExitCode,
  ListRequest,
  ListResult,
  OutputsRequest,
  OutputsResult,
  RunResult,
} from './types';

export async function runOutputs(
  ctx: Context,
  run: RunImpl<OutputsResult>,
  req: OutputsRequest,
): Promise<void> {
  let event: EventConfig | undefined;
  const base = () => ({
    command: 'outputs' as const,
    event: event?.slug ?? String(req.event),
    environment: event?.environment ?? req.environment ?? 'production',
    outputs: {},
    redacted: [] as string[],
  });
  try {
    const ev = (event = loadEventConfig(ctx, req));
    run.event = ev.slug;
    const view = await run.phase('query', 'Reading outputs', async () => {
      if (ev.stateBackend.kind !== 'local')
        await synth(ctx, run as unknown as RunImpl<RunResult>, ev);
      return readState(ctx, run as unknown as RunImpl<RunResult>, ev);
    });
    if (!view.exists || view.resources.length === 0) {
      run.finish({
        ...base(),
        ...run.common(false, ExitCode.failed),
        error: {
          code: 'not-deployed',
          message: `event ${ev.slug} (${ev.environment}) is not deployed`,
          hint: `deploy it first: ./stream-control deploy --event ${ev.slug} --env ${ev.environment}`,
        },
      });
      return;
    }
    const show = req.showSecrets === true;
    const shaped = shapeOutputs(view, show);
    // Kept by the engine beside the state, never in it (engine/credentials.ts).
    const passphrase = readCredential(credentialFile(ctx, ev, 'srtPassphrase'));
    const adminPassword =
      ev.mixer === 'obs'
        ? readCredential(credentialFile(ctx, ev, 'mixerAdminPassword'))
        : undefined;
    const hidden = [
      ...(adminPassword && !show ? ['mixer_admin_password'] : []),
      ...(passphrase && !show ? ['srt_passphrase'] : []),
    ];
    // The caller asked for the secrets: they must survive the run's redactor.
    run.finish({
      ...base(),
      ...run.common(true, ExitCode.ok),
      ...shaped,
      ...(passphrase && show ? { srtPassphrase: passphrase } : {}),
      ...(adminPassword && show ? { mixerAdminPassword: adminPassword } : {}),
      ...(ev.mixer === 'obs' && !adminPassword ? { notHere: ['mixer_admin_password'] } : {}),
      redacted: [...shaped.redacted, ...hidden].sort(),
    });
  } catch (err) {
    run.fail(err, base());
  }
}

/**
 * Every event with local state under stateDir and, when asked, every event Azure knows by its
 * tags (shared backends, other machines' state). Azure is asked only on request, so a plain
 * `list` stays offline.
 */
export async function runList(
  ctx: Context,
  run: RunImpl<ListResult>,
  request: ListRequest = {},
): Promise<void> {
  try {
    const problems: string[] = [];
    const events = await run.phase('query', 'Listing events', async () => {
      const now = ctx.now().getTime();
      const found = scanLocalStates(ctx.stateDir, (file, message) => {
        // terraform rewrites a state file in place: a live run's file can be caught half written.
        const [environment, event] = [
          path.basename(path.dirname(file)),
          path.basename(file, '.tfstate'),
        ];
        const holder = readLock(lockPath(ctx.lockDir, environment, event));
        if (holder && !isStale(holder)) return;
        problems.push(message);
        run.log('warn', `skipped: ${message}`);
      });
      return found.map(({ event, environment, file, view }): EventSummary => {
        const expiresAt = view.outputs.expires_at?.value as string | undefined;
        const createdAt = fs.statSync(file).birthtime.toISOString();
        return {
          event,
          environment,
          backend: 'local',
          resourceCount: view.resources.length,
          createdAt,
          expiresAt,
          ageMs: now - new Date(createdAt).getTime(),
          expired: expiresAt !== undefined && new Date(expiresAt).getTime() < now,
          statePath: file,
          lockedBy: readLock(lockPath(ctx.lockDir, environment, event)),
        };
      });
    });
    if (request.azure) {
      const found = await run.phase('query', 'Asking Azure for tagged events', () =>
        listFromAzureTags(ctx),
      );
      const known = new Set(events.map((e) => `${e.environment}/${e.event}`));
      events.push(...found.filter((e) => !known.has(`${e.environment}/${e.event}`)));
    }
    run.finish({
      command: 'list',
      ...run.common(true, ExitCode.ok),
      events,
      ...(problems.length > 0 ? { problems } : {}),
    });
  } catch (err) {
    run.fail(err, { command: 'list', events: [] });
  }
}

const BACKENDS = ['local', 'azurerm', 'cloud'] as const;

/** Events from their resource groups' tags (the EventStack's tagging Aspect writes them). */
async function listFromAzureTags(ctx: Context): Promise<EventSummary[]> {
  const now = ctx.now().getTime();
  const groups = await ctx.azure().listResourceGroupsByTag(TAG.managedBy, MANAGED_BY);
  const out: EventSummary[] = [];
  for (const g of groups) {
    const t = g.tags;
    if (!isEventGroup(t)) continue;
    const environment = t[TAG.environment];
    if (!isEnvironment(environment)) continue;
    const backend = (BACKENDS as readonly string[]).includes(t[TAG.stateBackend])
      ? (t[TAG.stateBackend] as EventSummary['backend'])
      : 'local';
    const createdAt = t[TAG.created];
    const expiresAt = t[TAG.expiresAt];
    const event = t[TAG.event];
    out.push({
      event,
      environment,
      backend,
      resourceCount: 0,
      createdAt,
      expiresAt,
      ageMs: createdAt ? now - new Date(createdAt).getTime() : undefined,
      expired: expiresAt !== undefined && new Date(expiresAt).getTime() < now,
      foundBy: 'azure',
      lockedBy: readLock(lockPath(ctx.lockDir, environment, event)),
    });
  }
  return out.sort((a, b) => a.event.localeCompare(b.event));
}
