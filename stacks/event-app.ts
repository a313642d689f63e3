import { App } from 'cdktf';
import { EventConfig, EventValidationError, loadAllEvents, loadEvent } from '../lib/event-model';
import { EventStack } from './event-stack';

/**
 * Which events this synth covers: only the one named in STREAM_CONTROL_EVENT (what the CLI
 * sets, so deploying one event never reads or disturbs the others), else every event file.
 */
export function selectEvents(env: NodeJS.ProcessEnv = process.env): EventConfig[] {
  const only = env.STREAM_CONTROL_EVENT;
  if (only !== undefined && only !== '') {
    return [loadEvent(only, { environment: env.STREAM_CONTROL_ENV || undefined, env })];
  }
  return loadAllEvents({ env });
}

export function addEventStacks(app: App, events: readonly EventConfig[]): EventStack[] {
  return events.map((event) => new EventStack(app, { event }));
}

/**
 * Runs the app for `cdktf synth|deploy`: bad event input prints one line per problem and
 * exits 2 before any stack exists, so nothing half-made reaches terraform.
 */
export function synthEventApp(env: NodeJS.ProcessEnv = process.env): void {
  let events: EventConfig[];
  try {
    events = selectEvents(env);
  } catch (err) {
    if (!(err instanceof EventValidationError)) throw err;
    for (const problem of err.problems) process.stderr.write(`error: ${problem}\n`);
    process.exit(2);
  }
  const app = new App();
  addEventStacks(app, events);
  app.synth();
}
