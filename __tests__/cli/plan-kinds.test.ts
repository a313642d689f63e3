/**
 * plan shows both mixer kinds side by side: the event's own first, then the other one, clearly
 * labelled. Through the launcher with the real app (main.ts, the real EventStack) on event
 * files in the sandbox; the expected figures come from the same analyze() run on an in-process
 * synth of each variant, never from numbers written here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Testing } from 'cdktf';
import { analyze, loadPrices } from '../../engine/plan';
import { resolveEvent } from '../../lib/event-model';
import { EventStack } from '../../stacks/event-stack';
import { makeSandbox, REPO, runCli, Sandbox } from './support/sandbox';

const EVENTS = {
  'kinds-container': { name: 'Kinds Container', mixer: 'container' },
  'kinds-obs': { name: 'Kinds OBS', mixer: 'obs' },
} as const;
type Slug = keyof typeof EVENTS;
type Kind = 'container' | 'obs';

let box: Sandbox;
const planFolders = (slug: string) =>
  ['', '.container', '.obs'].map((s) => path.join(REPO, 'cdktf.out', 'plans', 'staging', slug + s));

beforeAll(() => {
  box = makeSandbox('plan-kinds');
  for (const [slug, def] of Object.entries(EVENTS))
    box.writeEvent(slug, {
      ...def,
      environment: 'staging',
      languages: ['english', 'german'],
      ttlHours: 6,
    });
});
afterAll(() => {
  box.remove();
  for (const slug of Object.keys(EVENTS))
    for (const dir of planFolders(slug)) fs.rmSync(dir, { recursive: true, force: true });
});

/** What analyze() says of this event file synthesized with `mixer`, in this process. */
function expected(slug: Slug, mixer: Kind) {
  const def = JSON.parse(fs.readFileSync(path.join(box.eventsDir, `${slug}.json`), 'utf8'));
  const event = resolveEvent({ ...def, mixer }, { env: {}, platform: null });
  const app: App = Testing.app();
  const stack = new EventStack(app, { event, registryPull: event.registryPull });
  return analyze(JSON.parse(Testing.synth(stack, true)), event, loadPrices());
}

const readyText = (s: number) => `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
const cli = (args: string[]) => runCli(args, { ...box.env(), STREAM_CONTROL_PROJECT_DIR: REPO });

describe.each([
  ['kinds-container', 'container', 'obs'],
  ['kinds-obs', 'obs', 'container'],
] as const)('plan of %s', (slug, own, other) => {
  let mine: ReturnType<typeof expected>;
  let theirs: ReturnType<typeof expected>;
  beforeAll(() => {
    mine = expected(slug, own);
    theirs = expected(slug, other);
  });

  it(`prints ${own} (this event's) first, then ${other} (alternative), within 80 columns`, async () => {
    const before = fs.readFileSync(path.join(box.eventsDir, `${slug}.json`), 'utf8');
    const r = await cli(['plan', '--event', slug]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const head = lines.indexOf('Mixer kinds for this event (help/mixers.md):');
    expect(head).toBeGreaterThan(0);
    const [first, second] = lines.slice(head + 1, head + 3);
    expect(first.trim().split(/\s{2,}/)).toEqual([
      `${own} (this event's)`,
      `$${mine.cost.perHour.toFixed(2)}/hour`,
      `stream-ready in ~${readyText(mine.timeToReady.seconds)}`,
    ]);
    expect(second.trim().split(/\s{2,}/)).toEqual([
      `${other} (alternative)`,
      `$${theirs.cost.perHour.toFixed(2)}/hour`,
      `stream-ready in ~${readyText(theirs.timeToReady.seconds)}`,
    ]);
    for (const line of lines.slice(head, head + 3)) expect(line.length).toBeLessThanOrEqual(80);
    // The variant is a copy: the operator's event file still says its own kind.
    expect(fs.readFileSync(path.join(box.eventsDir, `${slug}.json`), 'utf8')).toBe(before);
  });

  it('--json carries the own kind and the alternative with its cost and time', async () => {
    const r = await cli(['plan', '--event', slug, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.mixer).toBe(own);
    expect(doc.cost.perHour).toBe(mine.cost.perHour);
    expect(doc.timeToReady).toEqual(mine.timeToReady);
    expect(doc.resources).toHaveLength(mine.resources.length);
    expect(doc.alternative).toEqual({
      mixer: other,
      resourceCount: theirs.resources.length,
      cost: { perHour: theirs.cost.perHour, perEvent: theirs.cost.perEvent },
      timeToReady: theirs.timeToReady,
    });
    expect(doc.alternative.cost.perEvent).toBeCloseTo(theirs.cost.perHour * 6, 2);
    // The two kinds really differ (help/mixers.md): OBS VMs cost more and take longer.
    const [container, obs] = own === 'container' ? [mine, theirs] : [theirs, mine];
    expect(container.cost.perHour).toBeLessThan(obs.cost.perHour);
    expect(container.timeToReady.seconds).toBeLessThan(obs.timeToReady.seconds);
  });
});

describe('an alternative that cannot be synthesized', () => {
  it('is one line saying why, and the plan of the event itself still succeeds', async () => {
    // The sandbox's own app (a copy of the fixture) is made unable to build OBS mixers.
    const main = path.join(box.projectDir, 'main.js');
    fs.renameSync(main, path.join(box.projectDir, 'fixture-main.js'));
    fs.writeFileSync(
      main,
      [
        "const fs = require('node:fs');",
        "const path = require('node:path');",
        'const env = process.env;',
        'const file = path.join(env.STREAM_CONTROL_EVENTS_DIR, `${env.STREAM_CONTROL_EVENT}.json`);',
        "if (JSON.parse(fs.readFileSync(file, 'utf8')).mixer === 'obs') {",
        "  process.stderr.write('error: this app has no OBS mixers\\n');",
        '  process.exit(1);',
        '}',
        "require('./fixture-main.js');",
      ].join('\n'),
    );
    const text = await runCli(['plan', '--event', 'kinds-container'], box.env());
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^ {2}container \(this event's\) +\$\d+\.\d\d\/hour/m);
    expect(text.stdout).toMatch(
      /^ {2}obs \(alternative\): not available: .*this app has no OBS mixers$/m,
    );
    const json = await runCli(['plan', '--event', 'kinds-container', '--json'], box.env());
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.mixer).toBe('container');
    expect(doc.alternative).toEqual({
      mixer: 'obs',
      unavailable: expect.stringMatching(/this app has no OBS mixers/),
    });
  });
});
