/**
 * Checks deploy and teardown bodies before the engine sees them, reporting every problem with
 * the field it belongs to. Messages name fields and rules, never the value of a key.
 */
// The engine's own rules, checked here as well so the page can name the field.
import {
  EngineError,
  ENVIRONMENTS,
  eventSlug,
  isEnvironment,
  isValidPassphrase,
  KEY_PATTERN,
  PASSPHRASE_MAX_LENGTH,
  PASSPHRASE_MIN_LENGTH,
  type Engine,
  type Environment as EnvironmentName,
} from '../engine';
import { resolveCatalogEvent, type CatalogEvent } from './catalog';
import { badInput, type FieldProblem } from './http-util';

export interface DeployInput {
  readonly event: CatalogEvent;
  readonly environment: EnvironmentName;
  readonly youtubeKeys: Readonly<Record<string, string>>;
  readonly srtPassphrase?: string;
}

export interface TeardownInput {
  readonly event: CatalogEvent;
  readonly environment: EnvironmentName;
}

function checkFields(
  body: Record<string, unknown>,
  known: readonly string[],
  problems: FieldProblem[],
): void {
  for (const key of Object.keys(body)) {
    if (!known.includes(key)) {
      problems.push({
        field: key.slice(0, 40),
        message: `is not accepted here (known: ${known.join(', ')})`,
      });
    }
  }
}

/** Shared by deploy and teardown: the event and its environment. */
function resolveTarget(
  body: Record<string, unknown>,
  engine: Engine,
  problems: FieldProblem[],
): { event: CatalogEvent; environment: EnvironmentName } | undefined {
  const { event, environment } = body;
  if (environment !== undefined && !isEnvironment(environment)) {
    problems.push({ field: 'environment', message: `must be one of ${ENVIRONMENTS.join(', ')}` });
  }
  if (typeof event !== 'string' || event.trim() === '') {
    problems.push({ field: 'event', message: 'is required: the event name' });
    return undefined;
  }
  const slug = eventSlug(event);
  if (!slug.ok) {
    problems.push({ field: 'event', message: slug.problem });
    return undefined;
  }
  try {
    const resolved = resolveCatalogEvent(
      engine,
      event,
      isEnvironment(environment) ? environment : undefined,
    );
    return { event: resolved, environment: resolved.environment as EnvironmentName };
  } catch (err) {
    if (!(err instanceof EngineError) || err.code !== 'bad-input') throw err;
    for (const p of err.extra.problems ?? [err.message])
      problems.push({ field: 'event', message: p });
    return undefined;
  }
}

export function validateDeploy(raw: Record<string, unknown>, engine: Engine): DeployInput {
  const problems: FieldProblem[] = [];
  checkFields(raw, ['event', 'environment', 'youtubeKeys', 'srtPassphrase'], problems);
  const target = resolveTarget(raw, engine, problems);
  const keys = raw.youtubeKeys;
  const youtubeKeys: Record<string, string> = {};
  if (keys === null || typeof keys !== 'object' || Array.isArray(keys)) {
    problems.push({ field: 'youtubeKeys', message: 'is required: one stream key per language' });
  } else if (target) {
    const given = keys as Record<string, unknown>;
    const seen = new Map<string, string>();
    for (const language of target.event.languages) {
      const field = `youtubeKeys.${language}`;
      const value = given[language];
      if (typeof value !== 'string' || value.trim() === '') {
        problems.push({ field, message: `is required: the YouTube stream key for ${language}` });
        continue;
      }
      const key = value.trim();
      if (!KEY_PATTERN.test(key)) {
        problems.push({
          field,
          message:
            'must be 8 to 128 characters of A-Z, a-z, 0-9, "-" and "_" (paste the key exactly)',
        });
        continue;
      }
      const twin = seen.get(key);
      if (twin) {
        problems.push({
          field,
          message: `is the same key as youtubeKeys.${twin}; each language streams to its own channel`,
        });
      }
      seen.set(key, language);
      youtubeKeys[language] = key;
    }
    for (const language of Object.keys(given)) {
      if (!target.event.languages.includes(language)) {
        problems.push({
          field: `youtubeKeys.${language.slice(0, 40)}`,
          message: `is not a language of ${target.event.slug} (languages: ${target.event.languages.join(', ')})`,
        });
      }
    }
  }
  const passphrase = raw.srtPassphrase;
  if (passphrase !== undefined && passphrase !== '') {
    if (!isValidPassphrase(passphrase)) {
      problems.push({
        field: 'srtPassphrase',
        message: `must be ${PASSPHRASE_MIN_LENGTH} to ${PASSPHRASE_MAX_LENGTH} characters of A-Z, a-z, 0-9 and . _ ~ -, or left empty to generate one`,
      });
    }
  }
  if (problems.length > 0 || !target) throw badInput(problems);
  return {
    ...target,
    youtubeKeys,
    ...(typeof passphrase === 'string' && passphrase !== '' ? { srtPassphrase: passphrase } : {}),
  };
}

export function validateTeardown(raw: Record<string, unknown>, engine: Engine): TeardownInput {
  const problems: FieldProblem[] = [];
  checkFields(raw, ['event', 'environment', 'confirm'], problems);
  const target = resolveTarget(raw, engine, problems);
  const confirm = raw.confirm;
  if (target) {
    const typed = typeof confirm === 'string' ? confirm.trim() : '';
    // The exact name or slug, not anything that normalizes to it: a destructive action wants
    // the operator to have read the name, not approximated it.
    if (typed !== target.event.slug && typed !== target.event.name) {
      problems.push({
        field: 'confirm',
        message: `type the event name "${target.event.slug}" to confirm the teardown`,
      });
    }
  }
  if (problems.length > 0 || !target) throw badInput(problems);
  return target;
}
