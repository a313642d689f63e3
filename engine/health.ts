/**
 * Waits until the relay, the splitter and every mixer report ready, with a bounded number of
 * attempts, reporting "ready N/M (attempt a/b)" after each round.
 */
import type { MixerStatus } from '../lib/mixer-status';
import { RunImpl } from './run';
import {
  AzureClient,
  ComponentHealth,
  EventOutputs,
  HealthProbe,
  HealthTarget,
  RunResult,
} from './types';

export function healthTargets(outputs: EventOutputs, token?: string): HealthTarget[] {
  const targets: HealthTarget[] = [];
  if (outputs.relay_health_url)
    targets.push({ name: 'relay', kind: 'relay', url: outputs.relay_health_url });
  if (outputs.splitter_health_url) {
    targets.push({ name: 'splitter', kind: 'splitter', url: outputs.splitter_health_url });
  }
  for (const m of outputs.mixers ?? []) {
    targets.push({
      name: `mixer-${m.language}`,
      kind: 'mixer',
      language: m.language,
      computerName: m.computer_name,
      resourceGroup: outputs.resource_group,
      ...(m.status_url ? { statusUrl: m.status_url, token } : {}),
    });
  }
  return targets;
}

/** A container mixer is ready when it is on air: its /status (with the token) says so. */
async function onAir(
  target: HealthTarget,
  timeoutMs: number,
): Promise<{ ready: boolean; detail?: string }> {
  if (!target.token) return { ready: false, detail: 'no status token to ask the mixer with' };
  const response = await fetch(target.statusUrl!, {
    headers: { authorization: `Bearer ${target.token}` },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) return { ready: false, detail: `HTTP ${response.status}` };
  const s = (await response.json()) as Partial<MixerStatus>;
  if (s.onAir === true) return { ready: true, detail: 'on air' };
  const why = s.lastError?.message ? `, ${s.lastError.message}` : '';
  return { ready: false, detail: `not on air (${s.picture ?? 'unknown'}${why})` };
}

/**
 * HTTP GET for the containers' health endpoints; a container mixer's /status (on air); VM
 * power state for OBS mixers, which proves only that Windows runs (help/mixers.md).
 */
export function defaultProbe(azure: () => AzureClient, timeoutMs = 5000): HealthProbe {
  return async (target) => {
    const base = { name: target.name, kind: target.kind };
    try {
      if (target.statusUrl) return { ...base, ...(await onAir(target, timeoutMs)) };
      if (target.url) {
        const response = await fetch(target.url, { signal: AbortSignal.timeout(timeoutMs) });
        return {
          ...base,
          ready: response.ok,
          detail: response.ok ? undefined : `HTTP ${response.status}`,
        };
      }
      const vms = await azure().listVirtualMachines(target.resourceGroup ?? '');
      const vm = vms.find((v) => v.name === target.computerName || v.language === target.language);
      if (!vm) return { ...base, ready: false, detail: 'VM not found yet' };
      const running = /running/i.test(vm.powerState) && vm.provisioningState !== 'Failed';
      return {
        ...base,
        ready: running && vm.provisioningState === 'Succeeded',
        detail: `${vm.powerState}, ${vm.provisioningState ?? 'unknown'}`,
      };
    } catch (err) {
      return { ...base, ready: false, detail: (err as Error).message.split('\n')[0] };
    }
  };
}

export async function probeAll(
  probe: HealthProbe,
  targets: readonly HealthTarget[],
): Promise<ComponentHealth[]> {
  return Promise.all(
    targets.map((t) =>
      probe(t).catch((err: Error) => ({
        name: t.name,
        kind: t.kind,
        ready: false,
        detail: err.message,
      })),
    ),
  );
}

export async function waitForHealth(
  run: RunImpl<RunResult>,
  probe: HealthProbe,
  targets: readonly HealthTarget[],
  bounds: { attempts: number; intervalMs: number },
): Promise<{ healthy: boolean; components: ComponentHealth[] }> {
  let components: ComponentHealth[] = [];
  for (let attempt = 1; attempt <= bounds.attempts; attempt++) {
    components = await probeAll(probe, targets);
    const ready = components.filter((c) => c.ready).length;
    run.emit({
      type: 'progress',
      phase: 'health',
      ready,
      total: targets.length,
      attempt,
      maxAttempts: bounds.attempts,
      components,
    });
    if (ready === targets.length) return { healthy: true, components };
    if (attempt < bounds.attempts) await sleep(bounds.intervalMs, run.abort.signal);
    if (run.abort.signal.aborted) break;
  }
  return { healthy: false, components };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
