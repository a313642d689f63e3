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
