import { App } from 'cdktf';
import { readAppTarget } from '../lib/app-env';
import { loadAllEvents, loadEvent } from '../lib/event-files';
import { EventConfig, EventValidationError } from '../lib/event-model';
import { ENVIRONMENTS, EnvironmentName, isEnvironment } from '../lib/profiles';
import { EventStack } from './event-stack';
import { addPlatformStacks } from './platform-stack';

/**
 * Which events this synth covers: only the one the engine names (so deploying one event never
 * reads or disturbs the others), from the engine's events folder, else every event file.
 */
export function selectEvents(env: NodeJS.ProcessEnv = process.env): EventConfig[] {
  const target = readAppTarget(env);
  if (target.event !== undefined) {
    return [
      loadEvent(target.event, {
        environment: target.environment,
        eventsDir: target.eventsDir,
        env,
      }),
    ];
  }
  return loadAllEvents({ env, eventsDir: target.eventsDir });
}

export function addEventStacks(app: App, events: readonly EventConfig[]): EventStack[] {
  return events.map((event) => new EventStack(app, { event, registryPull: event.registryPull }));
}

/**
 * What one synth covers (lib/app-env.ts names the variables). An event: that event only (the
 * engine's deploy, so one event never reads or disturbs another). A platform: that
 * environment's platform only. Neither: every event file and every environment's platform, as
 * `cdktf synth` shows them.
 */
export interface AppSelection {
  readonly events: EventConfig[];
  readonly platforms: EnvironmentName[];
}

export function selectStacks(env: NodeJS.ProcessEnv = process.env): AppSelection {
  const { platform, event } = readAppTarget(env);
  if (platform !== undefined) {
    if (!isEnvironment(platform)) {
      throw new EventValidationError([
        `STREAM_CONTROL_PLATFORM ${JSON.stringify(platform)} is unknown; use one of ${ENVIRONMENTS.join(', ')}`,
      ]);
    }
    return { events: [], platforms: [platform] };
  }
  return { events: selectEvents(env), platforms: event !== undefined ? [] : [...ENVIRONMENTS] };
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
  addPlatformStacks(app, selection.platforms, undefined, readAppTarget(env).stateDir);
  app.synth();
}
