/**
 * The JSON API. Every route here sits behind the token and same-origin checks in server.ts;
 * this file only maps requests onto engine calls and engine results onto responses.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EngineError, eventSlug, type Engine, type Run } from '../engine';
import { listCatalog, resolveCatalogEvent } from './catalog';
import { ApiError, readJsonBody, sendJson, type FieldProblem, badInput } from './http-util';
import { planPreview } from './plan';
import { LOGGED_COMMANDS, summarize, type RunSummary } from './present';
import type { Scrubber } from './redact';
import { streamFeed, streamRun } from './sse';
import { statusPanel, type StatusPanel } from './status';
import { validateDeploy, validateTeardown } from './validate';

export interface ApiContext {
  readonly engine: Engine;
  readonly scrubber: Scrubber;
  /** One line per state change; never request bodies. */
  readonly log: (line: string) => void;
}

/** Every API answer passes the scrubber, whatever route or engine call it came from. */
function reply(ctx: ApiContext, res: ServerResponse, status: number, body: unknown): void {
  sendJson(res, status, ctx.scrubber.scrub(body));
}

type Handler = (
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: { readonly id?: string; readonly query: URLSearchParams },
) => Promise<void> | void;

interface Route {
  readonly method: 'GET' | 'POST';
  readonly pattern: RegExp;
  readonly handler: Handler;
}

/** Runs ids are the engine's; this bounds what we look up, not what the engine may use. */
const RUN_ID = '([A-Za-z0-9_.:-]{1,100})';

/** A run started by another front end may name its event as typed rather than as a slug. */
function sameEvent(name: string, slug: string): boolean {
  const other = eventSlug(name);
  return other.ok ? other.slug === slug : name === slug;
}

function activeRunFor(engine: Engine, slug: string): Run | undefined {
  return engine
    .runs()
    .find(
      (r) =>
        !r.finished &&
        (r.command === 'deploy' || r.command === 'teardown') &&
        r.event !== undefined &&
        sameEvent(r.event, slug),
    );
}

function refuseIfBusy(ctx: ApiContext, slug: string): void {
  const busy = activeRunFor(ctx.engine, slug);
  if (!busy) return;
  const since = busy.history()[0]?.at ?? 'earlier';
  throw new ApiError(
    409,
    'run-in-progress',
    `a ${busy.command} of ${slug} is already in progress (run ${busy.id}, started ${since}); follow it in the live log and try again when it has finished`,
    { run: summarize(ctx.scrubber, busy) },
  );
}

function getRun(ctx: ApiContext, id: string | undefined): Run {
  const run = id ? ctx.engine.getRun(id) : undefined;
  if (!run)
    throw new ApiError(404, 'no-such-run', `run ${id ?? ''} is not known to this dashboard`);
  return run;
}

/** The engine promises never to throw from a command; if it does, say so without details. */
function start<R>(ctx: ApiContext, what: string, fn: () => R): R {
  try {
    return fn();
  } catch (err) {
    ctx.log(`engine threw while starting ${what}: ${(err as Error).name}`);
    throw new ApiError(
      500,
      'engine-error',
      `the engine could not start the ${what}; see the dashboard's terminal`,
    );
  }
}

const panelByEngine = new WeakMap<Engine, Promise<StatusPanel>>();

/** Several open pages asking at once share one round of terraform reads. */
function sharedStatusPanel(engine: Engine): Promise<StatusPanel> {
  const pending = panelByEngine.get(engine);
  if (pending) return pending;
  const next = statusPanel(engine).finally(() => panelByEngine.delete(engine));
  panelByEngine.set(engine, next);
  return next;
}

/**
 * POST /api/runs/:id/cancel: stops a deploy or teardown the way Ctrl-C stops it in the CLI
 * (the engine's cancel: terraform's process group gets SIGINT, the run ends with exit 130 and
 * lists what remains). The page asks the operator first; the server only checks the run.
 */
function cancelRun(ctx: ApiContext, id: string | undefined): RunSummary {
  const run = getRun(ctx, id);
  if (!LOGGED_COMMANDS.has(run.command)) {
    throw new ApiError(400, 'not-cancellable', `a ${run.command} run cannot be cancelled here`);
  }
  if (run.finished) {
    throw new ApiError(409, 'finished', `run ${run.id} has already finished`, {
      run: summarize(ctx.scrubber, run),
    });
  }
  run.cancel();
  ctx.log(`cancel of ${run.command} ${run.event ?? ''} (run ${run.id}) asked from the page`);
  return summarize(ctx.scrubber, run);
}

const routes: readonly Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/events$/,
    handler: (ctx, _req, res) => reply(ctx, res, 200, listCatalog(ctx.engine)),
  },
  {
    method: 'GET',
    pattern: /^\/api\/events\/resolve$/,
    handler: (ctx, _req, res, { query }) => {
      const name = query.get('name') ?? '';
      const environment = query.get('environment') || undefined;
      try {
        reply(ctx, res, 200, resolveCatalogEvent(ctx.engine, name, environment));
      } catch (err) {
        if (!(err instanceof EngineError) || err.code !== 'bad-input') throw err;
        // The page's field for the event is "name".
        const problems: FieldProblem[] = (err.extra.fieldProblems ?? []).map((p) => ({
          field: p.field === 'environment' ? 'environment' : 'name',
          message: p.message,
        }));
        throw badInput(problems.length > 0 ? problems : [{ field: 'name', message: err.message }]);
      }
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/status$/,
    handler: async (ctx, _req, res) => reply(ctx, res, 200, await sharedStatusPanel(ctx.engine)),
  },
  {
    method: 'GET',
    pattern: /^\/api\/runs$/,
    handler: (ctx, _req, res) => {
      const runs = ctx.engine
        .runs()
        .filter((r) => LOGGED_COMMANDS.has(r.command))
        .map((r) => summarize(ctx.scrubber, r))
        .reverse();
      reply(ctx, res, 200, { runs });
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/api/runs/${RUN_ID}$`),
    handler: (ctx, _req, res, { id }) =>
      reply(ctx, res, 200, summarize(ctx.scrubber, getRun(ctx, id))),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/api/runs/${RUN_ID}/stream$`),
    handler: (ctx, req, res, { id }) => streamRun(req, res, getRun(ctx, id), ctx.scrubber),
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/runs/${RUN_ID}/cancel$`),
    handler: (ctx, _req, res, { id }) => reply(ctx, res, 202, { run: cancelRun(ctx, id) }),
  },
  {
    method: 'GET',
    pattern: /^\/api\/events\/plan$/,
    handler: async (ctx, _req, res, { query }) => {
      const name = query.get('name') ?? '';
      const environment = query.get('environment') || undefined;
      reply(ctx, res, 200, await planPreview(ctx.engine, name, environment));
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/feed$/,
    handler: (ctx, req, res) => streamFeed(req, res, ctx.engine, ctx.scrubber),
  },
  {
    method: 'POST',
    pattern: /^\/api\/deploy$/,
    handler: async (ctx, req, res) => {
      const input = validateDeploy(await readJsonBody(req), ctx.engine);
      refuseIfBusy(ctx, input.event.slug);
      const run = start(ctx, 'deploy', () =>
        ctx.engine.deploy({
          event: input.event.slug,
          environment: input.environment,
          youtubeKeys: input.youtubeKeys,
          ...(input.srtPassphrase ? { srtPassphrase: input.srtPassphrase } : {}),
        }),
      );
      ctx.scrubber.remember([
        ...Object.values(input.youtubeKeys),
        ...(input.srtPassphrase ? [input.srtPassphrase] : []),
      ]);
      ctx.log(
        `deploy ${input.event.slug} (${input.environment}) started as run ${run.id}; log ${run.logFile}`,
      );
      reply(ctx, res, 202, {
        run: summarize(ctx.scrubber, run),
        stream: `/api/runs/${run.id}/stream`,
      });
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/teardown$/,
    handler: async (ctx, req, res) => {
      const input = validateTeardown(await readJsonBody(req), ctx.engine);
      refuseIfBusy(ctx, input.event.slug);
      const run = start(ctx, 'teardown', () =>
        ctx.engine.teardown({
          event: input.event.slug,
          environment: input.environment,
          confirm: true,
        }),
      );
      ctx.log(
        `teardown ${input.event.slug} (${input.environment}) started as run ${run.id}; log ${run.logFile}`,
      );
      reply(ctx, res, 202, {
        run: summarize(ctx.scrubber, run),
        stream: `/api/runs/${run.id}/stream`,
      });
    },
  },
];

/** Finds the route for a request; a known path with the wrong method is a 405, not a 404. */
export async function handleApi(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const matching = routes.filter((r) => r.pattern.test(url.pathname));
  if (matching.length === 0) throw new ApiError(404, 'not-found', `no API route ${url.pathname}`);
  const route = matching.find((r) => r.method === req.method);
  if (!route) {
    res.setHeader('Allow', matching.map((r) => r.method).join(', '));
    throw new ApiError(
      405,
      'method-not-allowed',
      `${req.method} is not allowed on ${url.pathname}`,
    );
  }
  const match = route.pattern.exec(url.pathname);
  await route.handler(ctx, req, res, { id: match?.[1], query: url.searchParams });
}
