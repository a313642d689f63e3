/**
 * Cancelling a deploy after terraform has finished, while it waits for the parts to become
 * healthy: the same answer as a Ctrl-C during the apply (exit 130, what remains listed from the
 * state), not "unhealthy". Real cdktf and terraform on the fixture app; the health probe is a
 * stand-in that never says ready and records that it was asked.
 */
import { createEngine, type HealthTarget } from '../../engine';
import {
  makeSandbox,
  requireTerraform,
  stateResources,
  type Sandbox,
} from '../cli/support/sandbox';
import * as path from 'node:path';

const KEYS = { original: 'key-original-0001', spanish: 'key-spanish-0001' };
let box: Sandbox;

beforeAll(() => {
  requireTerraform();
  box = makeSandbox('cancel-health');
  box.writeEvent('slow-show', {
    name: 'Slow Show',
    environment: 'staging',
    languages: ['original', 'spanish'],
  });
});
afterAll(() => box?.remove());

it('stops the health wait on cancel: exit 130, the event stays and is listed as what remains', async () => {
  const probed: HealthTarget[] = [];
  const engine = createEngine(
    box.options({
      probe: async (t) => {
        probed.push(t);
        return { name: t.name, kind: t.kind, ready: false, detail: 'starting' };
      },
      // Long enough that only a cancel ends the wait within the test's time.
      health: { attempts: 1000, intervalMs: 1000 },
    }),
  );
  const run = engine.deploy({ event: 'slow-show', youtubeKeys: KEYS });
  run.subscribe((e) => {
    if (e.type === 'progress' && e.attempt === 2) run.cancel();
  });
  const result = await run.result;
  expect(probed.length).toBeGreaterThanOrEqual(2);
  expect(result.exitCode).toBe(130);
  expect(result.ok).toBe(false);
  const inState = stateResources(path.join(box.stateDir, 'staging', 'slow-show.tfstate'));
  expect(inState.length).toBeGreaterThan(0);
  expect([...(result.remaining ?? [])].sort()).toEqual([...inState].sort());
  expect(result.error?.code).toBe('interrupted');
  expect(result.error?.message).toBe(
    `interrupted while waiting for health; the event is deployed (${inState.length} resource(s))`,
  );
  expect(result.error?.hint).toContain('teardown --event slow-show --env staging --confirm');
  expect((await engine.teardown({ event: 'slow-show', confirm: true }).result).exitCode).toBe(0);
}, 240_000);
