/**
 * What the page offers to deploy, in the page's shape: the engine's catalog of event files
 * and, for a name typed by hand, the event the engine would deploy. The engine validates both
 * with its own folders, state and environment, so the page asks for exactly one key per
 * mixer the engine will build.
 */
import type { Engine, EventDescription } from '../engine';

export interface CatalogEvent {
  readonly name: string;
  readonly slug: string;
  readonly environment: string;
  readonly languages: readonly string[];
  /** Where each language's audio is in the program feed, same order (the engine's words). */
  readonly audio: readonly string[];
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

function toCatalogEvent(e: EventDescription): CatalogEvent {
  return {
    name: e.displayName,
    slug: e.slug,
    environment: e.environment,
    languages: e.languages,
    audio: e.audio,
    ttlHours: e.ttlHours,
    ...(e.file ? { file: e.file } : {}),
  };
}

export function listCatalog(engine: Engine): Catalog {
  const { environments, events, problems } = engine.catalog();
  return { environments, events: events.map(toCatalogEvent), problems };
}

/** Throws the engine's EngineError (code "bad-input", with fieldProblems) when not acceptable. */
export function resolveCatalogEvent(
  engine: Engine,
  name: string,
  environment: string | undefined,
): CatalogEvent {
  return toCatalogEvent(engine.describeEvent({ event: name, environment: environment as never }));
}
