/**
 * createEngine: the one entry point front ends use. See types.ts for the contract and
 * README.md for an example.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { createSdkAzureClient } from './azure';
import { runCleanup } from './cleanup';
import { Context, createContext, loadEventConfig } from './context';
import { runDeploy } from './deploy';
import { runList, runOutputs } from './queries';
import { runPlan } from './plan';
import { RunImpl } from './run';
import { runStatus } from './status';
import { runTeardown } from './teardown';
import {
  CommandName,
  Engine,
  EngineOptions,
  Environment,
  EventRef,
  Listener,
  Run,
  RunResult,
} from './types';

export * from './types';
export { parseKeyList } from './keys';
export { EngineError } from './errors';

/**
 * The validated event without starting a run: front ends use it to ask for one key per
 * language by name. Throws EngineError (code "bad-input") like deploy would.
 */
export function describeEvent(
  options: EngineOptions,
  ref: EventRef,
): { slug: string; environment: Environment; languages: readonly string[]; displayName: string } {
  const event = loadEventConfig(createContext(options, createSdkAzureClient), ref);
  return {
    slug: event.slug,
    environment: event.environment,
    languages: event.languages,
    displayName: event.displayName,
  };
}

export function createEngine(options: EngineOptions = {}): Engine {
  const ctx = createContext(options, createSdkAzureClient);
  const runs: RunImpl<RunResult>[] = [];
  const all = new Set<Listener>();

  function start<R extends RunResult>(
    command: CommandName,
    event: string | undefined,
    body: (ctx: Context, run: RunImpl<R>) => Promise<void>,
  ): Run<R> {
    const now = ctx.now();
    const id = `${now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${randomBytes(3).toString('hex')}`;
    const safe = (event ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .slice(0, 40);
    const logFile = path.join(ctx.logDir, `${id}-${command}${safe ? `-${safe}` : ''}.log`);
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
    run.emit({ type: 'run-started', command, event, logFile });
    // Deferred so a caller can subscribe before the first phase starts.
    setImmediate(() => {
      body(ctx, run).catch((err) => run.fail(err, { command } as never));
    });
    return run;
  }

  return {
    deploy: (req) => start('deploy', req.event, (c, r) => runDeploy(c, r, req)),
    teardown: (req) => start('teardown', req.event, (c, r) => runTeardown(c, r, req)),
    status: (req) => start('status', req.event, (c, r) => runStatus(c, r, req)),
    plan: (req) => start('plan', req.event, (c, r) => runPlan(c, r, req)),
    list: (request = {}) => start('list', undefined, (c, r) => runList(c, r, request)),
    outputs: (req) => start('outputs', req.event, (c, r) => runOutputs(c, r, req)),
    cleanup: (req = {}) => start('cleanup', undefined, (c, r) => runCleanup(c, r, req)),
    runs: () => [...runs],
    getRun: (id) => runs.find((r) => r.id === id),
    subscribeAll: (listener) => {
      all.add(listener);
      return () => all.delete(listener);
    },
  };
}
