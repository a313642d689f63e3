/**
 * What Deploy would cost and how long until the streams are ready, from the engine's own plan
 * (the same numbers as `./stream-control plan`), shown before the operator presses Deploy.
 * A plan synthesizes the event, a second or two of CPU, so pages asking about the same event
 * share one answer for a short while.
 */
import type { Engine, MixerKind, PlanResult } from '../engine';
import { ApiError, badInput, type FieldProblem } from './http-util';

export interface PlanPreview {
  readonly event: string;
  readonly environment: string;
  readonly languages: readonly string[];
  readonly resourceCount: number;
  readonly cost: PlanResult['cost'];
  /** Seconds from Deploy to stream-ready, along the slowest chain of resources. */
  readonly timeToReadySeconds: number;
  /** What protects the venue's ingest, one sentence, when the engine says. */
  readonly protection?: string;
  /** The event's own mixer kind, which cost and timeToReadySeconds are for. */
  readonly mixer?: MixerKind;
  /** The same event with the other mixer kind, or why it could not be planned. */
  readonly alternative?:
    | {
        readonly mixer: MixerKind;
        readonly costPerHour: number;
        readonly perEvent: number;
        readonly timeToReadySeconds: number;
      }
    | { readonly mixer: MixerKind; readonly unavailable: string };
}

function alternativeOf(alt: PlanResult['alternative']): PlanPreview['alternative'] {
  if (!alt || 'unavailable' in alt) return alt;
  return {
    mixer: alt.mixer,
    costPerHour: alt.cost.perHour,
    perEvent: alt.cost.perEvent,
    timeToReadySeconds: alt.timeToReady.seconds,
  };
}

const FRESH_MS = 30_000;
const cache = new WeakMap<Engine, Map<string, { at: number; answer: Promise<PlanPreview> }>>();

async function plan(engine: Engine, name: string, environment?: string): Promise<PlanPreview> {
  const result = await engine.plan({ event: name, environment: environment as never }).result;
  if (!result.ok) {
    const error = result.error;
    if (error?.code === 'bad-input') {
      const problems: FieldProblem[] = (error.fieldProblems ?? []).map((p) => ({
        field: p.field === 'environment' ? 'environment' : 'name',
        message: p.message,
      }));
      throw badInput(problems.length > 0 ? problems : [{ field: 'name', message: error.message }]);
    }
    throw new ApiError(502, 'plan-failed', error?.message ?? 'the plan failed', {
      ...(error?.hint ? { hint: error.hint } : {}),
    });
  }
  return {
    event: result.event,
    environment: result.environment,
    languages: result.languages,
    resourceCount: result.resources.length,
    cost: result.cost,
    timeToReadySeconds: result.timeToReady.seconds,
    ...(result.mixer ? { mixer: result.mixer } : {}),
    ...(result.alternative ? { alternative: alternativeOf(result.alternative) } : {}),
    ...(typeof (result as { protection?: unknown }).protection === 'string'
      ? { protection: (result as { protection?: string }).protection }
      : {}),
  };
}

export function planPreview(
  engine: Engine,
  name: string,
  environment: string | undefined,
): Promise<PlanPreview> {
  const byKey = cache.get(engine) ?? new Map();
  cache.set(engine, byKey);
  const key = `${name.trim().toLowerCase()}\n${environment ?? ''}`;
  const now = Date.now();
  for (const [k, v] of byKey) if (now - v.at > FRESH_MS) byKey.delete(k);
  const known = byKey.get(key);
  if (known) return known.answer;
  const answer = plan(engine, name, environment);
  byKey.set(key, { at: now, answer });
  // A failure is not remembered: the operator fixes the file and asks again.
  answer.catch(() => byKey.delete(key));
  return answer;
}
