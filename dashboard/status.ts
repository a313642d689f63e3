/**
 * The status panel: every event the engine knows to be deployed, with what an operator needs
 * at the venue (ingest URLs, RDP targets, health, time left). One broken event shows its
 * error in its own row instead of blanking the panel.
 */
import type { ComponentHealth, Engine, EventSummary, LockHolder, RunError } from '../engine';

export interface LiveEvent {
  readonly event: string;
  readonly environment: string;
  readonly resourceGroup?: string;
  readonly createdAt?: string;
  readonly expiresAt?: string;
  readonly ageMs?: number;
  readonly expired: boolean;
  readonly resourceCount: number;
  readonly busy?: Pick<LockHolder, 'command' | 'user' | 'host' | 'startedAt'>;
  readonly ingest: { readonly program?: string; readonly slides?: string };
  readonly rdp: readonly { readonly language: string; readonly target: string }[];
  readonly health?: {
    readonly ready: number;
    readonly total: number;
    readonly components: readonly ComponentHealth[];
  };
  /** Why outputs or health could not be read, one line each. */
  readonly problems: readonly string[];
}

export interface StatusPanel {
  readonly events: readonly LiveEvent[];
  readonly error?: RunError & { readonly logFile?: string };
}

function describe(error: RunError | undefined, logFile: string | undefined, what: string): string {
  return `${what}: ${error?.message ?? 'failed'}${logFile ? ` (log: ${logFile})` : ''}`;
}

async function liveEvent(engine: Engine, summary: EventSummary): Promise<LiveEvent> {
  const ref = { event: summary.event, environment: summary.environment };
  const [outputs, status] = await Promise.all([
    engine.outputs(ref).result,
    engine.status(ref).result,
  ]);
  const problems: string[] = [];
  if (!outputs.ok) problems.push(describe(outputs.error, outputs.logFile, 'outputs'));
  if (!status.ok) problems.push(describe(status.error, status.logFile, 'health'));
  const out = outputs.ok ? outputs.outputs : {};
  const health = status.ok ? status.health : undefined;
  return {
    event: summary.event,
    environment: summary.environment,
    ...(out.resource_group ? { resourceGroup: out.resource_group } : {}),
    ...(summary.createdAt ? { createdAt: summary.createdAt } : {}),
    ...(summary.expiresAt ? { expiresAt: summary.expiresAt } : {}),
    ...(summary.ageMs !== undefined ? { ageMs: summary.ageMs } : {}),
    expired: summary.expired,
    resourceCount: summary.resourceCount,
    ...(summary.lockedBy
      ? {
          busy: {
            command: summary.lockedBy.command,
            user: summary.lockedBy.user,
            host: summary.lockedBy.host,
            startedAt: summary.lockedBy.startedAt,
          },
        }
      : {}),
    ingest: { program: out.program_ingest_url, slides: out.slides_ingest_url },
    rdp: (out.mixers ?? []).map((m) => ({ language: m.language, target: m.rdp })),
    ...(health
      ? {
          health: {
            ready: health.filter((c) => c.ready).length,
            total: health.length,
            components: health,
          },
        }
      : {}),
    problems,
  };
}

export async function statusPanel(engine: Engine): Promise<StatusPanel> {
  const list = await engine.list().result;
  if (!list.ok) {
    return {
      events: [],
      error: {
        code: list.error?.code ?? 'failed',
        message: list.error?.message ?? 'listing events failed',
        ...(list.error?.hint ? { hint: list.error.hint } : {}),
        logFile: list.logFile,
      },
    };
  }
  const events: LiveEvent[] = [];
  // One event at a time: each read starts terraform, and the machine running this is small.
  for (const summary of list.events) {
    if (summary.resourceCount === 0) continue;
    events.push(await liveEvent(engine, summary));
  }
  return { events };
}
