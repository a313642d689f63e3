/**
 * plan: offline dry run. Synthesizes the event (no terraform, no Azure), then reads the
 * Terraform JSON for what would be created, its hourly cost (data/event-prices.json) and the
 * time to stream-ready: the longest chain of creation times through the dependency graph,
 * since terraform creates independent resources in parallel.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EventConfig } from '../lib/event-model';
import { describeAudioMapping, INGEST_PROTECTION } from '../lib/stack-summary';
import { Context, loadEventConfig } from './context';
import { otherKind, planAlternative } from './plan-kinds';
import { RunImpl } from './run';
import { eventTarget, synthStack, TerraformJson } from './terraform';
import { EventRef, ExitCode, PlannedResource, PlanResult, RunResult } from './types';

export interface PriceTable {
  currency: 'USD';
  region: string;
  priceDate: string;
  sources: string[];
  vmPerHour: Record<string, number>;
  containerInstances: { perVcpuSecond: number; perGiBSecond: number };
  publicIpPerHour: Record<string, number>;
  osDiskPerHour: Record<string, number>;
  free: string[];
  createSeconds: Record<string, number>;
  createSecondsWithCustomImage: Record<string, number>;
  readySeconds: number;
  /** After apply, by mixer kind (help/mixers.md); readySeconds when a kind is missing. */
  readySecondsByMixer?: Partial<Record<'container' | 'obs', number>>;
}

export const PRICE_TABLE = path.join(__dirname, '..', 'data', 'event-prices.json');

export function loadPrices(file = PRICE_TABLE): PriceTable {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as PriceTable;
}

type Body = Record<string, unknown>;

function costOf(type: string, body: Body, prices: PriceTable): { perHour: number; note?: string } {
  if (type === 'azurerm_windows_virtual_machine' || type === 'azurerm_linux_virtual_machine') {
    const size = String(body.size);
    const vm = prices.vmPerHour[size];
    const diskType = String(
      (body.os_disk as Body | undefined)?.storage_account_type ?? 'StandardSSD_LRS',
    );
    const disk = prices.osDiskPerHour[diskType] ?? 0;
    if (vm === undefined) return { perHour: disk, note: `no price for ${size} in the table` };
    return { perHour: vm + disk, note: `${size} ${vm}/h + ${diskType} OS disk ${disk}/h` };
  }
  if (type === 'azurerm_container_group') {
    const containers = (body.container as Body[] | undefined) ?? [];
    const cpu = containers.reduce((s, c) => s + Number(c.cpu ?? 0), 0);
    const mem = containers.reduce((s, c) => s + Number(c.memory ?? 0), 0);
    const ci = prices.containerInstances;
    return {
      perHour: (cpu * ci.perVcpuSecond + mem * ci.perGiBSecond) * 3600,
      note: `${cpu} vCPU, ${mem} GiB`,
    };
  }
  if (type === 'azurerm_public_ip') {
    const sku = String(body.sku ?? 'Basic');
    return { perHour: prices.publicIpPerHour[sku] ?? 0, note: `${sku} static IPv4` };
  }
  if (prices.free.includes(type)) return { perHour: 0 };
  return { perHour: 0, note: 'not in the price table' };
}

const REFERENCE = /\$\{[^}]*?\b([a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)\./g;

/** Addresses this resource waits for: depends_on plus every interpolated reference. */
function dependencies(body: Body, known: Set<string>): string[] {
  const deps = new Set<string>();
  for (const d of (body.depends_on as string[] | undefined) ?? [])
    deps.add(d.replace(/^\$\{|\}$/g, ''));
  // The "//" metadata block names construct paths, which look like references.
  const text = JSON.stringify({ ...body, '//': undefined });
  for (const m of text.matchAll(REFERENCE)) if (known.has(m[1])) deps.add(m[1]);
  return [...deps].filter((d) => known.has(d));
}

export function analyze(json: TerraformJson, event: EventConfig, prices: PriceTable) {
  const bodies = new Map<string, { type: string; body: Body }>();
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    for (const [name, body] of Object.entries(byName))
      bodies.set(`${type}.${name}`, { type, body: body as Body });
  }
  const known = new Set(bodies.keys());
  const custom = event.mixerImage.kind === 'custom';
  const seconds = (type: string) =>
    (custom ? prices.createSecondsWithCustomImage?.[type] : undefined) ??
    prices.createSeconds[type] ??
    prices.createSeconds.default;
  const resources: PlannedResource[] = [...bodies].map(([address, { type, body }]) => {
    const cost = costOf(type, body, prices);
    return {
      type,
      address,
      createSeconds: seconds(type),
      costPerHour: round(cost.perHour, 4),
      costNote: cost.note,
    };
  });
  // Longest finish time per resource; the graph is a DAG (terraform refuses cycles).
  const finish = new Map<string, { at: number; via?: string }>();
  const visit = (address: string): number => {
    const done = finish.get(address);
    if (done) return done.at;
    finish.set(address, { at: 0 });
    let start = 0;
    let via: string | undefined;
    for (const d of dependencies(bodies.get(address)!.body, known)) {
      const t = visit(d);
      if (t > start) [start, via] = [t, d];
    }
    const at = start + seconds(bodies.get(address)!.type);
    finish.set(address, { at, via });
    return at;
  };
  let last: string | undefined;
  for (const a of known) if (last === undefined || visit(a) > visit(last)) last = a;
  const criticalPath: string[] = [];
  for (let a = last; a; a = finish.get(a)?.via) criticalPath.unshift(a);
  const perHour = round(
    resources.reduce((s, r) => s + r.costPerHour, 0),
    2,
  );
  return {
    resources: resources.sort((a, b) => a.address.localeCompare(b.address)),
    cost: {
      currency: 'USD' as const,
      perHour,
      perEvent: round(perHour * event.ttlHours, 2),
      priceDate: prices.priceDate,
      region: prices.region,
      sources: prices.sources,
    },
    timeToReady: {
      seconds:
        (last ? visit(last) : 0) +
        (prices.readySecondsByMixer?.[event.mixer] ?? prices.readySeconds),
      criticalPath,
    },
  };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Where plan synthesizes an event: apart from the folder deploy and teardown use. */
export function planDir(ctx: Context, event: EventConfig): string {
  return path.join(ctx.projectDir, 'cdktf.out', 'plans', event.environment, event.slug);
}

export async function runPlan(
  ctx: Context,
  run: RunImpl<PlanResult>,
  req: EventRef,
): Promise<void> {
  let event: EventConfig | undefined;
  const base = () => ({
    command: 'plan' as const,
    event: event?.slug ?? String(req.event),
    environment: event?.environment ?? req.environment ?? 'production',
    languages: [],
    audio: [],
    protection: INGEST_PROTECTION,
    resources: [],
    cost: {
      currency: 'USD' as const,
      perHour: 0,
      perEvent: 0,
      priceDate: '',
      region: '',
      sources: [],
    },
    timeToReady: { seconds: 0, criticalPath: [] },
  });
  try {
    const ev = (event = loadEventConfig(ctx, req));
    run.event = ev.slug;
    // A folder of plans: the event's own synth folder may belong to a deploy running right now
    // (a dashboard shows the plan while another operator deploys), and synth empties its folder.
    // What was planned stays there for a reader, until the next plan of the event.
    const target = { ...eventTarget(ctx, ev), outDir: planDir(ctx, ev) };
    const json = await run.phase('synth', `Synthesizing ${ev.slug}`, () =>
      synthStack(ctx, run as unknown as RunImpl<RunResult>, target),
    );
    const prices = loadPrices();
    const analysis = analyze(json, ev, prices);
    const alternative = await run.phase(
      'synth',
      `Synthesizing ${ev.slug} with ${otherKind(ev.mixer)} mixers, for comparison`,
      () =>
        planAlternative(ctx, run as unknown as RunImpl<RunResult>, ev, target.outDir, (j, v) => {
          const other = analyze(j, v, prices);
          return {
            resourceCount: other.resources.length,
            cost: { perHour: other.cost.perHour, perEvent: other.cost.perEvent },
            timeToReady: other.timeToReady,
          };
        }),
    );
    run.finish({
      ...base(),
      mixer: ev.mixer,
      ...analysis,
      alternative,
      languages: ev.languages,
      audio: describeAudioMapping(ev.languages, ev.audio),
      ...run.common(true, ExitCode.ok),
    });
  } catch (err) {
    run.fail(err, base());
  }
}
