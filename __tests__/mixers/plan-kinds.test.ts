import { analyze, loadPrices } from '../../engine/plan';
import { synthEventStack, testEvent } from '../infra/helpers';

/** plan's cost and time to stream-ready for the same 3-language event, each mixer kind. */
const planFor = (mixer: 'container' | 'obs') => {
  const { json } = synthEventStack({ mixer });
  return analyze(JSON.parse(json), testEvent({ mixer }), loadPrices());
};

describe('plan, container mixers against OBS VMs', () => {
  const prices = loadPrices();
  const container = planFor('container');
  const obs = planFor('obs');

  it('prices the container event from the ACI rates: 5 groups, no VM', () => {
    const groups = container.resources.filter((r) => r.type === 'azurerm_container_group');
    expect(groups).toHaveLength(5);
    expect(container.resources.some((r) => r.type === 'azurerm_windows_virtual_machine')).toBe(
      false,
    );
    const mixer = groups.find((r) => r.address.includes('container-mixer'))!;
    const ci = prices.containerInstances;
    expect(mixer.costPerHour).toBeCloseTo(3600 * (2 * ci.perVcpuSecond + 2 * ci.perGiBSecond), 4);
    expect(container.cost.perHour).toBeLessThan(obs.cost.perHour);
  });

  it('cites the per-resource timings on each critical path, plus the kind readiness', () => {
    for (const [plan, kind] of [
      [container, 'container'],
      [obs, 'obs'],
    ] as const) {
      const byAddress = new Map(plan.resources.map((r) => [r.address, r.createSeconds]));
      const sum = plan.timeToReady.criticalPath.reduce((s, a) => s + byAddress.get(a)!, 0);
      expect(plan.timeToReady.seconds).toBe(sum + prices.readySecondsByMixer![kind]!);
    }
    expect(container.timeToReady.criticalPath.at(-1)).toMatch(/^azurerm_container_group\./);
    expect(obs.timeToReady.criticalPath.at(-1)).toMatch(/^azurerm_virtual_machine_extension\./);
    expect(container.timeToReady.seconds).toBeLessThan(obs.timeToReady.seconds);
    // Printed so a reader of the test log sees the two side by side.
    process.stdout.write(
      `plan, 3 languages: container $${container.cost.perHour}/h, ready ~${container.timeToReady.seconds} s; OBS $${obs.cost.perHour}/h, ready ~${obs.timeToReady.seconds} s\n`,
    );
  });
});
