import { App } from 'cdktf';
import { loadAllEvents, loadEvent } from '../lib/event-files';
import { EventConfig, EventValidationError } from '../lib/event-model';
import { ENVIRONMENTS, EnvironmentName, isEnvironment } from '../lib/profiles';
import { EventStack } from './event-stack';
import { addPlatformStacks } from './platform-stack';

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
  return events.map((event) => new EventStack(app, { event, registryPull: event.registryPull }));
}

/**
 * What one synth covers. STREAM_CONTROL_EVENT: that event only (the CLI's deploy, so one
 * event never reads or disturbs another). STREAM_CONTROL_PLATFORM=<env>: that platform only.
 * Neither: every event file and every environment's platform, as `cdktf synth` shows them.
 */
export interface AppSelection {
  readonly events: EventConfig[];
  readonly platforms: EnvironmentName[];
}

export function selectStacks(env: NodeJS.ProcessEnv = process.env): AppSelection {
  const platform = env.STREAM_CONTROL_PLATFORM;
  if (platform !== undefined && platform !== '') {
    if (!isEnvironment(platform)) {
      throw new EventValidationError([
        `STREAM_CONTROL_PLATFORM ${JSON.stringify(platform)} is unknown; use one of ${ENVIRONMENTS.join(', ')}`,
      ]);
    }
    return { events: [], platforms: [platform] };
  }
  const single = env.STREAM_CONTROL_EVENT !== undefined && env.STREAM_CONTROL_EVENT !== '';
  return { events: selectEvents(env), platforms: single ? [] : [...ENVIRONMENTS] };
}

/**
 * Runs the app for `cdktf synth|deploy`: bad event input prints one line per problem and
 * exits 2 before any stack exists, so nothing half-made reaches terraform.
 */
export function synthEventApp(env: NodeJS.ProcessEnv = process.env): void {
  let selection: AppSelection;
  try {
    selection = selectStacks(env);
  } catch (err) {
    if (!(err instanceof EventValidationError)) throw err;
    for (const problem of err.problems) process.stderr.write(`error: ${problem}\n`);
    process.exit(2);
  }
  const app = new App();
  addEventStacks(app, selection.events);
  addPlatformStacks(app, selection.platforms);
  app.synth();
}
