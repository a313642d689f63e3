/**
 * The engine's public face: the only module the front ends (scripts/cli.ts, dashboard/)
 * import. createEngine starts runs; the rest are the vocabularies a front end needs to ask
 * for input the way the engine will check it. See types.ts for the contract and README.md
 * for an example.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { createSdkAzureClient } from './azure';
import { catalogIn, checkDeployIn, describeEventIn } from './catalog';
import { runCleanup } from './cleanup';
import { Context, createContext } from './context';
import { runDeploy } from './deploy';
import { runPlatformBuildImage } from './platform/build-image';
import { runPlatformDeploy } from './platform/deploy';
import { runPlatformDestroy } from './platform/destroy';
import { runPlatformStatus } from './platform/status';
import { LiveWatch } from './live/watch';
import { runList, runOutputs } from './queries';
import { runPlan } from './plan';
import { RunImpl } from './run';
import { runStatus } from './status';
import { runTeardown } from './teardown';
import {
  CommandName,
  Engine,
  EngineOptions,
  EventDescription,
  EventRef,
  Listener,
  Run,
  RunResult,
} from './types';

export * from './types';
export { parseKeyList, KEY_PATTERN } from './keys';
export { EngineError } from './errors';
export { Redactor } from './redact';
export { engineOptionsFromEnv } from './options';
export { formatIdleCost } from './platform/idle-cost';
// Vocabularies a front end checks input against before it asks the engine (one owner each).
export { ENVIRONMENTS, isEnvironment } from '../lib/profiles';
export { eventSlug } from '../lib/naming';
export { isValidPassphrase, PASSPHRASE_MAX_LENGTH, PASSPHRASE_MIN_LENGTH } from '../lib/contract';

/**
 * The validated event without starting a run: front ends use it to ask for one key per
 * language by name. Throws EngineError (code "bad-input") like deploy would.
 */
export function describeEvent(options: EngineOptions, ref: EventRef): EventDescription {
  return describeEventIn(createContext(options, createSdkAzureClient), ref);
}

/** Commands that change something keep a log file; reads leave nothing behind. */
const LOGGED: ReadonlySet<CommandName> = new Set<CommandName>([
  'deploy',
  'teardown',
  'cleanup',
  'platform-deploy',
  'platform-destroy',
  'platform-build-image',
]);

export function createEngine(options: EngineOptions = {}): Engine {
  const ctx = createContext(options, createSdkAzureClient);
  const runs: RunImpl<RunResult>[] = [];
  const all = new Set<Listener>();
  const live = new LiveWatch(ctx.stateDir, ctx.now, ctx.live);

  function start<R extends RunResult>(
    command: CommandName,
    event: string | undefined,
    body: (ctx: Context, run: RunImpl<R>) => Promise<void>,
    label = event,
    logged = LOGGED.has(command),
  ): Run<R> {
    const now = ctx.now();
    const id = `${now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${randomBytes(3).toString('hex')}`;
    const safe = (label ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .slice(0, 40);
    const logFile = logged
      ? path.join(ctx.logDir, `${id}-${command}${safe ? `-${safe}` : ''}.log`)
      : undefined;
    const run = new RunImpl<R>(
      id,
      command,
      logFile,
      ctx.now,
      ctx.debug,
      (e) => {
        for (const l of [...all]) l(e);
      },
      event,
    );
    runs.push(run as unknown as RunImpl<RunResult>);
    run.emit({ type: 'run-started', command, event, ...(logFile ? { logFile } : {}) });
    // Deferred so a caller can subscribe before the first phase starts.
    setImmediate(() => {
      body(ctx, run).catch((err) => run.fail(err, { command } as never));
    });
    return run;
  }

  const platform = (environment: string | undefined) => `platform-${environment ?? 'production'}`;

  return {
    deploy: (req) => start('deploy', req.event, (c, r) => runDeploy(c, r, req)),
    teardown: (req) => start('teardown', req.event, (c, r) => runTeardown(c, r, req)),
    status: (req) => start('status', req.event, (c, r) => runStatus(c, r, req)),
    plan: (req) => start('plan', req.event, (c, r) => runPlan(c, r, req)),
    list: (request = {}) => start('list', undefined, (c, r) => runList(c, r, request)),
    outputs: (req) => start('outputs', req.event, (c, r) => runOutputs(c, r, req)),
    cleanup: (req = {}) =>
      start('cleanup', undefined, (c, r) => runCleanup(c, r, req), undefined, !req.dryRun),
    platformDeploy: (req = {}) =>
      start(
        'platform-deploy',
        undefined,
        (c, r) => runPlatformDeploy(c, r, req),
        platform(req.environment),
      ),
    platformStatus: (req = {}) =>
      start(
        'platform-status',
        undefined,
        (c, r) => runPlatformStatus(c, r, req),
        platform(req.environment),
      ),
    platformDestroy: (req) =>
      start(
        'platform-destroy',
        undefined,
        (c, r) => runPlatformDestroy(c, r, req),
        platform(req.environment),
      ),
    platformBuildImage: (req = {}) =>
      start(
        'platform-build-image',
        undefined,
        (c, r) => runPlatformBuildImage(c, r, req),
        platform(req.environment),
      ),
    describeEvent: (ref) => describeEventIn(ctx, ref),
    checkDeploy: (req) => checkDeployIn(ctx, req),
    catalog: () => catalogIn(ctx),
    runs: () => [...runs],
    getRun: (id) => runs.find((r) => r.id === id),
    subscribeAll: (listener) => {
      all.add(listener);
      return () => all.delete(listener);
    },
    watchLive: (listener) => live.subscribe(listener),
  };
}
