/** status: what Azure says the event runs, live health, and time left until expiry. */
import { EventConfig } from '../lib/event-model';
import { TAG } from '../lib/tags';
import { Context, loadEventConfig, localStateFile } from './context';
import { defaultProbe, healthTargets, probeAll } from './health';
import { NO_TOKEN_HERE, readEventLive } from './live/read';
import { liveInputs } from './live/watch';
import { RunImpl } from './run';
import { readState, shapeOutputs, StateView } from './state';
import { EventRef, ExitCode, RunResult, StatusResult, VmStatus } from './types';

export async function runStatus(
  ctx: Context,
  run: RunImpl<StatusResult>,
  req: EventRef,
): Promise<void> {
  let event: EventConfig | undefined;
  const base = () => ({
    command: 'status' as const,
    event: event?.slug ?? String(req.event),
    environment: event?.environment ?? req.environment ?? 'production',
    exists: false,
    containerGroups: [],
    vms: [],
    health: [],
  });
  try {
    const ev = (event = loadEventConfig(ctx, req));
    run.event = ev.slug;
    const result = await run.phase('query', 'Asking Azure', async () => {
      const view = await readState(ctx, run as unknown as RunImpl<RunResult>, ev).catch(
        () => undefined,
      );
      const outputs = view ? shapeOutputs(view, false).outputs : {};
      const resourceGroup = outputs.resource_group ?? ev.names.resourceGroup;
      const azure = ctx.azure();
      const group = await azure.getResourceGroup(resourceGroup);
      if (!group) return { resourceGroup, exists: false as const };
      const [containerGroups, vmsRaw] = await Promise.all([
        azure.listContainerGroups(resourceGroup),
        azure.listVirtualMachines(resourceGroup),
      ]);
      // The SDK clients in use carry no network reads; addresses come from the stack outputs.
      const vms: VmStatus[] = vmsRaw.map((vm) => {
        const m = outputs.mixers?.find(
          (x) => x.computer_name === vm.name || x.language === vm.language,
        );
        return {
          ...vm,
          language: vm.language ?? m?.language,
          privateIp: vm.privateIp ?? m?.private_ip,
          publicIp: vm.publicIp ?? (m?.public_ip || undefined),
        };
      });
      const probe = ctx.probe ?? defaultProbe(ctx.azure);
      const token = view ? liveInputs(view, localStateFile(ctx, ev)).token : undefined;
      const health = await probeAll(
        probe,
        healthTargets({ ...outputs, resource_group: resourceGroup }, token),
      );
      const expiresAt = group.tags[TAG.expiresAt] ?? outputs.expires_at;
      // Without the token no part can be asked: health alone, and one line that says why.
      const live = view && token ? await readLive(ctx, ev, view) : undefined;
      return {
        resourceGroup,
        exists: true as const,
        containerGroups,
        vms,
        health,
        expiresAt,
        ...(live ? { live } : view ? { liveUnavailable: NO_TOKEN_HERE } : {}),
      };
    });
    const timeLeftMs =
      'expiresAt' in result && result.expiresAt
        ? new Date(result.expiresAt).getTime() - ctx.now().getTime()
        : undefined;
    run.finish({ ...base(), ...result, timeLeftMs, ...run.common(true, ExitCode.ok) });
  } catch (err) {
    run.fail(err, base());
  }
}

/** The same reading the dashboard pushes live, taken once. */
async function readLive(ctx: Context, event: EventConfig, view: StateView) {
  const { outputs, token } = liveInputs(view, localStateFile(ctx, event));
  return readEventLive(
    { event: event.slug, environment: event.environment, outputs, token },
    { timeoutMs: ctx.live.timeoutMs, now: ctx.now },
  );
}
