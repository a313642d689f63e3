/**
 * What front ends offer and ask about before a run: the event files on offer, and one event
 * as deploy would see it. Both go through the same model options as every run, so the form a
 * dashboard shows and the deploy it starts read the same files, state and environment.
 */
import * as path from 'node:path';
import { findEventFile, listEventFiles, readEventFile } from '../lib/event-files';
import { describeOutputAudio } from '../lib/event-languages';
import { EventConfig, EventValidationError, resolveEvent } from '../lib/event-model';
import { ENVIRONMENTS } from '../lib/profiles';
import { Context, loadEventConfig, modelOptions } from './context';
import { badInput, EngineError } from './errors';
import { checkPassphrase, matchKeys } from './keys';
import { Catalog, DeployRequest, EventDescription, EventRef, FieldProblem } from './types';

function describe(event: EventConfig, file: string | undefined): EventDescription {
  return {
    slug: event.slug,
    displayName: event.displayName,
    environment: event.environment,
    languages: event.languages,
    audio: event.audio.map(describeOutputAudio),
    ttlHours: event.ttlHours,
    ...(file ? { file: path.basename(file) } : {}),
  };
}

export function describeEventIn(ctx: Context, ref: EventRef): EventDescription {
  const event = loadEventConfig(ctx, ref);
  return describe(event, findEventFile(event.slug, ctx.eventsDir));
}

export function catalogIn(ctx: Context): Catalog {
  const events: EventDescription[] = [];
  const problems: string[] = [];
  for (const file of listEventFiles(ctx.eventsDir)) {
    try {
      events.push(describe(resolveEvent(readEventFile(file), modelOptions(ctx)), file));
    } catch (err) {
      if (!(err instanceof EventValidationError)) throw err;
      problems.push(...err.problems.map((p) => `${path.basename(file)}: ${p}`));
    }
  }
  return { environments: ENVIRONMENTS, events, problems };
}

/**
 * Everything deploy checks before it touches anything: the event, one valid key per
 * language, the passphrase when one is given. Key and passphrase problems are reported
 * together, each with its field; deploy's validate phase runs the same checks.
 */
export function checkDeployIn(ctx: Context, req: DeployRequest): EventDescription {
  const event = describeEventIn(ctx, req);
  const failures: EngineError[] = [];
  const collect = (check: () => void) => {
    try {
      check();
    } catch (err) {
      if (!(err instanceof EngineError) || err.code !== 'bad-input') throw err;
      failures.push(err);
    }
  };
  collect(() => matchKeys(event.languages, req.youtubeKeys));
  if (req.srtPassphrase !== undefined) collect(() => checkPassphrase(req.srtPassphrase!));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) {
    const fieldProblems: FieldProblem[] = failures.flatMap((f) => f.extra.fieldProblems ?? []);
    const problems = fieldProblems.map((p) => p.message);
    throw badInput(
      problems.join('; '),
      'check the keys and the passphrase',
      problems,
      fieldProblems,
    );
  }
  return event;
}
