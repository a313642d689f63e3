/**
 * plan synthesizes apart from the folder deploy and teardown use: a dashboard shows the plan
 * of an event while another operator may be deploying it, and a synth empties its folder.
 * Real cdktf synth of the fixture app.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine } from '../../engine';
import { makeSandbox, type Sandbox } from '../cli/support/sandbox';

let box: Sandbox;
beforeAll(() => {
  box = makeSandbox('plan-folder');
  box.writeEvent('busy-show', { name: 'Busy Show', environment: 'staging' });
});
afterAll(() => box?.remove());

it("leaves the event's deploy folder alone, and keeps what it planned in its own", async () => {
  const deployFolder = path.join(box.projectDir, 'cdktf.out', 'events', 'staging', 'busy-show');
  fs.mkdirSync(path.join(deployFolder, 'stacks', 'busy-show'), { recursive: true });
  const inUse = path.join(deployFolder, 'stacks', 'busy-show', 'cdk.tf.json');
  fs.writeFileSync(inUse, '{"terraform applies this":true}');
  const plan = await createEngine(box.options()).plan({ event: 'busy-show' }).result;
  expect(plan.exitCode).toBe(0);
  expect(fs.readFileSync(inUse, 'utf8')).toBe('{"terraform applies this":true}');
  const planned = path.join(box.projectDir, 'cdktf.out', 'plans', 'staging', 'busy-show');
  const json = JSON.parse(
    fs.readFileSync(path.join(planned, 'stacks', 'busy-show', 'cdk.tf.json'), 'utf8'),
  );
  expect(Object.keys(json.resource.terraform_data).length).toBe(plan.resources.length);
});
