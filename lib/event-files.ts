/**
 * Event files: one JSON file per event under events/, reviewed like code, so an event comes
 * up the same way every time. A broken file is a validation problem naming the file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  EventConfig,
  EventDefinition,
  EventValidationError,
  resolveEvent,
  ResolveOptions,
} from './event-model';
import { eventSlug } from './naming';

/** Folder that holds the version-controlled event files. */
export const DEFAULT_EVENTS_DIR = path.join(__dirname, '..', 'events');

export interface LoadOptions extends ResolveOptions {
  /** @default DEFAULT_EVENTS_DIR */
  readonly eventsDir?: string;
}

/** Reads and parses one event file; a broken file is a validation problem, not a crash. */
export function readEventFile(file: string): EventDefinition {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new EventValidationError([
      `event file "${file}" cannot be read: ${(err as Error).message}`,
    ]);
  }
  try {
    const parsed = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('not an object');
    return parsed as EventDefinition;
  } catch (err) {
    throw new EventValidationError([
      `event file "${file}" is not a JSON object: ${(err as Error).message}`,
    ]);
  }
}

/**
 * Finds an event by name: its file under eventsDir when one exists (matched by slug), else
 * an event made of the profile's defaults and that name, so the seed's
 * `deploy --event "Conference-2025"` works without writing a file first.
 */
export function loadEvent(name: string, options: LoadOptions = {}): EventConfig {
  const slug = eventSlug(name);
  if (!slug.ok) throw new EventValidationError([slug.problem]);
  const file = findEventFile(slug.slug, options.eventsDir ?? DEFAULT_EVENTS_DIR);
  const def: EventDefinition = file ? readEventFile(file) : { name };
  return resolveEvent(def, options);
}

/** The file whose name or "name" field has this slug, if any. */
export function findEventFile(slug: string, eventsDir: string): string | undefined {
  const direct = path.join(eventsDir, `${slug}.json`);
  if (fs.existsSync(direct)) return direct;
  for (const file of listEventFiles(eventsDir)) {
    try {
      const def = readEventFile(file);
      const s = eventSlug(def.name);
      if (s.ok && s.slug === slug) return file;
    } catch {
      // A broken neighbour must not stop this event; it is reported when it is synthesized.
    }
  }
  return undefined;
}

export function listEventFiles(eventsDir: string = DEFAULT_EVENTS_DIR): string[] {
  if (!fs.existsSync(eventsDir)) return [];
  return fs
    .readdirSync(eventsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(eventsDir, f));
}

/** Loads every event file; problems of all files are reported together, each with its file. */
export function loadAllEvents(options: LoadOptions = {}): EventConfig[] {
  const problems: string[] = [];
  const events: EventConfig[] = [];
  for (const file of listEventFiles(options.eventsDir)) {
    try {
      events.push(resolveEvent(readEventFile(file), options));
    } catch (err) {
      if (!(err instanceof EventValidationError)) throw err;
      problems.push(...err.problems.map((p) => `${path.basename(file)}: ${p}`));
    }
  }
  const seen = new Map<string, string>();
  for (const event of events) {
    const other = seen.get(event.slug);
    if (other)
      problems.push(
        `event "${event.slug}" is declared twice (${other} and again); stack names must be unique`,
      );
    seen.set(event.slug, event.displayName);
  }
  if (problems.length > 0) throw new EventValidationError(problems);
  return events;
}
