/**
 * The synthesized app reads the very event the CLI validated: the same events folder, the
 * same environment, the same deploy time. Through the launcher with the real app (main.ts,
 * the real EventStack), on an event file that exists only in the sandbox's events folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeSandbox, REPO, runCli, Sandbox } from './support/sandbox';

let box: Sandbox;
// plan synthesizes apart from deploy's folder (engine/plan.ts planDir), so a plan never
// empties the folder of a deploy in progress.
const synthFolder = (environment: string) =>
  path.join(REPO, 'cdktf.out', 'plans', environment, 'item-five');

beforeAll(() => {
  box = makeSandbox('real-app');
  box.writeEvent('item-five', {
    name: 'Item Five',
    environment: 'staging',
    languages: ['english', 'german'],
    ttlHours: 6,
  });
});
afterAll(() => {
  box.remove();
  for (const env of ['staging', 'development'])
    fs.rmSync(synthFolder(env), { recursive: true, force: true });
});

function synthesized(environment: string) {
  const file = path.join(synthFolder(environment), 'stacks', 'item-five', 'cdk.tf.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const group = Object.values(json.resource.azurerm_resource_group)[0] as {
    name: string;
    tags: Record<string, string>;
  };
  const vms = Object.values(json.resource.azurerm_windows_virtual_machine ?? {}) as {
    tags: Record<string, string>;
  }[];
  // Whichever mixer kind the event gets: OBS VMs are tagged, container mixers carry it in env.
  const containers = Object.values(json.resource.azurerm_container_group ?? {}) as {
    container: { environment_variables: Record<string, string> }[];
  }[];
  const mixers = containers
    .map((g) => g.container[0].environment_variables.MIXER_LANGUAGE)
    .filter((l): l is string => l !== undefined);
  return { group, languages: [...vms.map((vm) => vm.tags.language), ...mixers].sort() };
}

describe('the real app synthesizes the event the CLI validated', () => {
  it('from the events folder the CLI was given, in the environment of that file', async () => {
    const r = await runCli(
      ['plan', '--event', 'Item Five', '--json'],
      box.env({ STREAM_CONTROL_PROJECT_DIR: REPO }),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan).toMatchObject({
      event: 'item-five',
      environment: 'staging',
      languages: ['english', 'german'],
    });
    // The app's stack is that file's event, not one made of defaults.
    const { group, languages } = synthesized('staging');
    expect(languages).toEqual(['english', 'german']);
    expect(group.name).toBe('rg-streaming-item-five-staging');
    expect(group.tags).toMatchObject({ environment: 'staging', ttl: '6h', event: 'item-five' });
    // The same deploy time on both sides: the app's expiry is the validated one, 6 h later.
    const created = Date.parse(group.tags.created);
    expect(Date.parse(group.tags['expires-at']) - created).toBe(6 * 3_600_000);
    expect(Math.abs(Date.now() - created)).toBeLessThan(120_000);
    expect(plan.cost.perEvent).toBeCloseTo(plan.cost.perHour * 6, 1);
  });

  it('in the environment --env names, over the file', async () => {
    const r = await runCli(
      ['plan', '--event', 'item-five', '--env', 'development', '--json'],
      box.env({ STREAM_CONTROL_PROJECT_DIR: REPO }),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).environment).toBe('development');
    const { group, languages } = synthesized('development');
    expect(group.name).toBe('rg-streaming-item-five-development');
    expect(group.tags.environment).toBe('development');
    expect(languages).toEqual(['english', 'german']);
  });
});
