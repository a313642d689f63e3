/**
 * What the page offers to deploy: the event files under events/ and, for a name typed by
 * hand, the defaults the engine would use. Languages come from the event model so the page
 * asks for exactly one key per mixer the engine will build.
 */
import * as path from 'node:path';
import { EventValidationError, resolveEvent, type EventConfig } from '../lib/event-model';
import { listEventFiles, loadEvent, readEventFile } from '../lib/event-files';
import { ENVIRONMENTS } from '../lib/profiles';

export interface CatalogEvent {
  readonly name: string;
  readonly slug: string;
  readonly environment: string;
  readonly languages: readonly string[];
  readonly ttlHours: number;
  /** The event file's name, when the event has one. */
  readonly file?: string;
}

export interface Catalog {
  readonly environments: readonly string[];
  readonly events: readonly CatalogEvent[];
  /** Broken event files, one line each; the rest are still offered. */
  readonly problems: readonly string[];
}

function toCatalogEvent(config: EventConfig, file?: string): CatalogEvent {
  return {
    name: config.displayName,
    slug: config.slug,
    environment: config.environment,
    languages: config.languages,
    ttlHours: config.ttlHours,
    ...(file ? { file: path.basename(file) } : {}),
  };
}

export function listCatalog(eventsDir: string): Catalog {
  const events: CatalogEvent[] = [];
  const problems: string[] = [];
  for (const file of listEventFiles(eventsDir)) {
    try {
      events.push(toCatalogEvent(resolveEvent(readEventFile(file)), file));
    } catch (err) {
      if (!(err instanceof EventValidationError)) throw err;
      problems.push(...err.problems.map((p) => `${path.basename(file)}: ${p}`));
    }
  }
  return { environments: ENVIRONMENTS, events, problems };
}

/** Throws EventValidationError when the name or environment is not acceptable. */
export function resolveCatalogEvent(
  name: string,
  environment: string | undefined,
  eventsDir: string,
): CatalogEvent {
  return toCatalogEvent(loadEvent(name, { eventsDir, environment }));
}
