/**
 * plan's side-by-side figures: the same event planned with the other mixer kind, so an
 * operator can choose between container mixers and OBS VMs (help/mixers.md) before deploying.
 * The app reads the event from its file (lib/app-env.ts), so the variant is a copy of that
 * file with only "mixer" changed, in a folder beside the plan: the very app, synth and
 * analysis of the event's own plan, and nothing under events/ is touched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { APP_ENV } from '../lib/app-env';
import { findEventFile, loadEvent, readEventFile } from '../lib/event-files';
import { EventConfig, EventDefinition, EventValidationError } from '../lib/event-model';
import { MIXER_KINDS, MixerKind } from '../lib/mixer-model';
import { appEnv, Context, modelOptions } from './context';
import { EngineError } from './errors';
import { RunImpl } from './run';
import { eventTarget, synthStack, TerraformJson } from './terraform';
import { PlanAlternative, RunResult } from './types';

export function otherKind(kind: MixerKind): MixerKind {
  return MIXER_KINDS.find((k) => k !== kind)!;
}

/**
 * Synthesizes the event as `mixer` and hands the JSON and the variant's config to `analyze`.
 * A variant that cannot be synthesized is reported in one line; it never fails the plan.
 */
export async function planAlternative(
  ctx: Context,
  run: RunImpl<RunResult>,
  event: EventConfig,
  planFolder: string,
  analyze: (json: TerraformJson, variant: EventConfig) => Omit<PlanAlternative, 'mixer'>,
): Promise<PlanAlternative> {
  const mixer = otherKind(event.mixer);
  // "<slug>.<kind>": a slug has no dot, so this never names another event's plan folder.
  const root = `${planFolder}.${mixer}`;
  const eventsDir = path.join(root, 'events');
  try {
    const file = findEventFile(event.slug, ctx.eventsDir);
    const def: EventDefinition = file ? readEventFile(file) : { name: event.displayName };
    fs.rmSync(eventsDir, { recursive: true, force: true });
    fs.mkdirSync(eventsDir, { recursive: true });
    fs.writeFileSync(
      path.join(eventsDir, `${event.slug}.json`),
      `${JSON.stringify({ ...def, mixer }, null, 2)}\n`,
    );
    const variant = loadEvent(event.slug, {
      ...modelOptions(ctx),
      environment: event.environment,
      eventsDir,
    });
    const own = eventTarget(ctx, event);
    const json = await synthStack(ctx, run, {
      ...own,
      outDir: path.join(root, 'out'),
      appEnv: { ...appEnv(ctx, event), [APP_ENV.eventsDir]: eventsDir },
    });
    return { mixer, ...analyze(json, variant) } as PlanAlternative;
  } catch (err) {
    if (err instanceof EngineError && err.code === 'interrupted') throw err;
    if (err instanceof EventValidationError) return { mixer, unavailable: err.problems.join('; ') };
    if (err instanceof Error) return { mixer, unavailable: err.message };
    throw err;
  }
}
