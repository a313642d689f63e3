/**
 * Text rendering of a run for people: phases with elapsed time, terraform's resource lines,
 * health progress, and a summary per command. No spinner, no colour unless on a terminal.
 */
import {
  BuildImageResult,
  CleanupResult,
  DeployResult,
  EngineEvent,
  formatIdleCost,
  ListResult,
  PlanResult,
  PlatformDeployResult,
  PlatformDestroyResult,
  PlatformOutputs,
  PlatformStatusResult,
  RunResult,
  StatusResult,
  EventLive,
  TeardownResult,
} from '../../engine';

export function seconds(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** Terraform lines worth a glance during a deploy; the rest is in the log file. */
const INTERESTING =
  /(Creating\.\.\.|Creation complete|Destroying\.\.\.|Destruction complete|Still creating|Error:|Apply complete|Destroy complete|error:)/;
/** Packer's step lines ("==> azure-arm...: ...") and its verdicts. */
const PACKER_INTERESTING = /(^==> |^Build '.*' (finished|errored)|error)/i;

export function eventLine(e: EngineEvent, color: boolean): string | undefined {
  const dim = (t: string) => (color ? `\u001b[2m${t}\u001b[0m` : t);
  const green = (t: string) => (color ? `\u001b[32m${t}\u001b[0m` : t);
  const red = (t: string) => (color ? `\u001b[31m${t}\u001b[0m` : t);
  switch (e.type) {
    case 'phase-started':
      return `▶ ${e.label}`;
    case 'phase-finished':
      return e.ok
        ? green(`✓ ${e.phase} (${seconds(e.elapsedMs)})`)
        : red(`✗ ${e.phase} failed after ${seconds(e.elapsedMs)}`);
    case 'log':
      if (e.source === 'terraform')
        return INTERESTING.test(e.message) ? dim(`    ${e.message.trim()}`) : undefined;
      if (e.source === 'packer')
        return PACKER_INTERESTING.test(e.message) ? dim(`    ${e.message.trim()}`) : undefined;
      return e.level === 'debug'
        ? undefined
        : `  ${e.level === 'info' ? '' : `${e.level}: `}${e.message}`;
    case 'progress': {
      const waiting = e.components
        .filter((c) => !c.ready)
        .map((c) => `${c.name}${c.detail ? `: ${c.detail}` : ''}`);
      return `  ready ${e.ready}/${e.total} (attempt ${e.attempt}/${e.maxAttempts})${waiting.length ? ` waiting for ${waiting.join(', ')}` : ''}`;
    }
    default:
      return undefined;
  }
}

const pad = (t: string, n: number) => t.padEnd(n);

export function summary(r: RunResult): string[] {
  switch (r.command) {
    case 'deploy':
      return deploySummary(r);
    case 'teardown':
      return teardownSummary(r);
    case 'status':
      return statusSummary(r);
    case 'plan':
      return planSummary(r);
    case 'list':
      return listSummary(r);
    case 'outputs':
      return [
        ...outputsLines(r.outputs, r.redacted, r.event, r.environment),
        ...(r.mixerAdminPassword !== undefined
          ? [`Mixer admin password: ${r.mixerAdminPassword}`]
          : r.notHere?.includes('mixer_admin_password')
            ? [
                'Mixer admin password: not on this machine; it stays in an owner-only file on the machine that deployed the event',
              ]
            : []),
        ...(r.srtPassphrase !== undefined
          ? [`SRT passphrase: ${r.srtPassphrase}`]
          : r.redacted.includes('srt_passphrase')
            ? [
                `SRT passphrase: hidden; ./stream-control outputs --event ${r.event} --env ${r.environment} --show-secrets`,
              ]
            : []),
      ];
    case 'cleanup':
      return cleanupSummary(r);
    case 'platform-deploy':
      return platformDeploySummary(r);
    case 'platform-status':
      return platformStatusSummary(r);
    case 'platform-destroy':
      return platformDestroySummary(r);
    case 'platform-build-image':
      return buildImageSummary(r);
  }
}

function platformOutputLines(o: PlatformOutputs | undefined): string[] {
  const lines: string[] = [];
  if (o?.stateStorage) {
    const s = o.stateStorage;
    lines.push(
      `  event state: ${s.storageAccountName}/${s.containerName} in ${s.resourceGroupName}`,
    );
  }
  if (o?.registry) lines.push(`  registry:    ${o.registry.loginServer}`);
  if (o?.mixerImageId) lines.push(`  mixer image: ${o.mixerImageId}`);
  return lines;
}

function platformDeploySummary(r: PlatformDeployResult): string[] {
  if (!r.ok) {
    return r.remaining && r.remaining.length > 0
      ? [`Still deployed: ${r.remaining.join(', ')}`]
      : [];
  }
  return [
    `${r.stack} deployed in ${seconds(r.elapsedMs)}; state in ${r.stateFile}`,
    ...platformOutputLines(r.outputs),
  ];
}

function platformStatusSummary(r: PlatformStatusResult): string[] {
  if (!r.ok) return [];
  return [
    `${r.stack}: ${r.outputs ? `deployed (outputs from ${r.outputs.source})` : 'not deployed from this machine'}`,
    ...platformOutputLines(r.outputs),
    ...formatIdleCost(r.idleCost).split('\n'),
  ];
}

function platformDestroySummary(r: PlatformDestroyResult): string[] {
  if (r.nothingLeft) return [`Nothing left to destroy for ${r.stack}.`];
  if (r.ok)
    return [
      `Destroyed ${r.destroyed.length} resource(s) of ${r.stack} in ${seconds(r.elapsedMs)}.`,
    ];
  return r.remaining.length > 0 ? [`Still deployed: ${r.remaining.join(', ')}`] : [];
}

function buildImageSummary(r: BuildImageResult): string[] {
  if (!r.ok) return [];
  return [
    `Published ${r.imageName} ${r.version} in ${seconds(r.elapsedMs)}; new mixers with mixerImage "gallery" use it.`,
  ];
}

function deploySummary(r: DeployResult): string[] {
  const lines: string[] = [];
  if (r.outputs) lines.push(...outputsLines(r.outputs, r.redacted ?? [], r.event, r.environment));
  if (r.ok) lines.push(`Deployed ${r.event} (${r.environment}) in ${seconds(r.elapsedMs)}.`);
  // Each line below is what the engine read back from the state, never an assumption.
  if (r.rollback === 'not-needed') lines.push('Nothing was created.');
  else if (r.rolledBack) lines.push('Rolled back: nothing of this deploy remains.');
  if (r.remainingUnknown) lines.push(`Could not check what remains: ${r.remainingUnknown}`);
  else if (r.remaining && r.remaining.length > 0)
    lines.push(`Still deployed: ${r.remaining.join(', ')}`);
  const left = (r.remaining?.length ?? 0) > 0 || r.remainingUnknown !== undefined;
  if (r.teardownCommand && (r.ok || left || r.exitCode === 5))
    lines.push(`Teardown: ${r.teardownCommand} --confirm`);
  return lines;
}

function outputsLines(
  o: DeployResult['outputs'] & object,
  redacted: readonly string[],
  event: string,
  env: string,
): string[] {
  const lines = [
    `Event ${event} (${env}), resource group ${o.resource_group ?? '?'}, expires ${o.expires_at ?? '?'}`,
  ];
  lines.push('Venue encoder (SRT caller, with the SRT passphrase):');
  lines.push(`  program  ${o.program_ingest_url ?? '-'}`);
  lines.push(`  slides   ${o.slides_ingest_url ?? '-'}`);
  lines.push(
    `Health: relay ${o.relay_health_url ?? '-'}  splitter ${o.splitter_health_url ?? '-'}`,
  );
  const mixers = o.mixers ?? [];
  if (mixers.length > 0) {
    lines.push(`Mixers (RDP as ${o.mixer_admin_username ?? '?'}):`);
    for (const m of mixers)
      lines.push(
        `  ${pad(m.language, 10)} ${pad(m.computer_name, 16)} ${pad(m.private_ip, 14)} ${m.rdp || '(no public RDP)'}`,
      );
  }
  if (redacted.includes('mixer_admin_password')) {
    lines.push(
      `Mixer admin password: hidden; ./stream-control outputs --event ${event} --env ${env} --show-secrets`,
    );
  }
  return lines;
}

function teardownSummary(r: TeardownResult): string[] {
  if (r.nothingLeft) return [`Nothing left to tear down for ${r.event} (${r.environment}).`];
  const lines = [
    `Destroyed ${r.destroyed.length} resource(s) of ${r.event} (${r.environment}) in ${seconds(r.elapsedMs)}.`,
  ];
  if (r.remaining.length > 0) lines.push(`Still deployed: ${r.remaining.join(', ')}`);
  return r.ok ? lines : r.remaining.length > 0 ? lines.slice(1) : [];
}

function statusSummary(r: StatusResult): string[] {
  if (!r.ok) return [];
  if (!r.exists)
    return [
      `Event ${r.event} (${r.environment}) has no resource group in Azure (${r.resourceGroup ?? '?'}): not deployed.`,
    ];
  const lines = [`Event ${r.event} (${r.environment}), resource group ${r.resourceGroup}`];
  if (r.expiresAt) {
    const left = r.timeLeftMs ?? 0;
    lines.push(
      left >= 0
        ? `Expires ${r.expiresAt} (in ${seconds(left)})`
        : `EXPIRED at ${r.expiresAt} (${seconds(-left)} ago); cleanup will remove it`,
    );
  }
  lines.push('Containers:');
  for (const g of r.containerGroups)
    lines.push(`  ${pad(g.name, 34)} ${pad(g.state, 10)} ${g.ip ?? '-'} ${g.fqdn ?? ''}`.trimEnd());
  lines.push('Mixers:');
  for (const v of r.vms)
    lines.push(
      `  ${pad(v.name, 16)} ${pad(v.language ?? '', 10)} ${pad(v.powerState, 14)} ${v.privateIp ?? '-'} ${v.publicIp ?? ''}`.trimEnd(),
    );
  lines.push('Health:');
  for (const h of r.health)
    lines.push(
      `  ${pad(h.name, 16)} ${h.ready ? 'ready' : `NOT READY${h.detail ? ` (${h.detail})` : ''}`}`,
    );
  if (r.live) lines.push(...liveLines(r.live));
  else if (r.liveUnavailable) lines.push(`Live: ${r.liveUnavailable}; parts shown by health only.`);
  return lines;
}

/** Each part's own /status, one line each: what the dashboard shows live. */
function liveLines(live: EventLive): string[] {
  const row = (name: string, p: { state: string; summary: string }) =>
    `  ${pad(name, 16)} ${pad(p.state.toUpperCase(), 8)} ${p.summary}`;
  const lines = ['Live (from each part’s /status):'];
  lines.push(row('venue', live.venue), row('relay', live.relay), row('splitter', live.splitter));
  for (const l of live.languages) {
    if (l.audio) lines.push(row(`${l.language} audio`, l.audio));
    lines.push(row(`${l.language} mixer`, l.mixer));
  }
  return lines;
}

function planSummary(r: PlanResult): string[] {
  if (!r.ok) return [];
  const counts = new Map<string, number>();
  for (const res of r.resources) counts.set(res.type, (counts.get(res.type) ?? 0) + 1);
  const lines = [
    `Plan for ${r.event} (${r.environment}), languages ${r.languages.join(', ')}: ${r.resources.length} resources would be created`,
    'Audio from the program feed:',
    ...r.audio.map((line) => `  ${line}`),
  ];
  for (const [type, n] of [...counts].sort()) {
    const cost = r.resources.filter((x) => x.type === type).reduce((s, x) => s + x.costPerHour, 0);
    lines.push(
      `  ${String(n).padStart(3)} × ${pad(type, 50)} ${cost > 0 ? `$${cost.toFixed(3)}/h` : ''}`.trimEnd(),
    );
  }
  lines.push(
    `Estimated cost: $${r.cost.perHour.toFixed(2)}/hour, at most $${r.cost.perEvent.toFixed(2)} until expiry (${r.cost.currency} list prices, ${r.cost.region}, ${r.cost.priceDate}; data/event-prices.json)`,
  );
  lines.push(
    `Estimated time to stream-ready: ${seconds(r.timeToReady.seconds * 1000)} (critical path: ${r.timeToReady.criticalPath.join(' → ')})`,
  );
  lines.push(...kindLines(r));
  lines.push(r.protection);
  return lines;
}

/** The event's own mixer kind, then the other one, on the same columns (help/mixers.md). */
function kindLines(r: PlanResult): string[] {
  const alt = r.alternative;
  if (!r.mixer || !alt) return [];
  const row = (label: string, perHour: number, readySeconds: number) =>
    `  ${pad(label, 25)} $${perHour.toFixed(2)}/hour   stream-ready in ~${seconds(readySeconds * 1000)}`;
  const lines = [
    'Mixer kinds for this event (help/mixers.md):',
    row(`${r.mixer} (this event's)`, r.cost.perHour, r.timeToReady.seconds),
  ];
  if ('unavailable' in alt)
    lines.push(`  ${alt.mixer} (alternative): not available: ${alt.unavailable}`);
  else lines.push(row(`${alt.mixer} (alternative)`, alt.cost.perHour, alt.timeToReady.seconds));
  return lines;
}

function listSummary(r: ListResult): string[] {
  if (r.events.length === 0) return ['No live events.'];
  const lines = [
    `${pad('EVENT', 30)} ${pad('ENV', 12)} ${pad('AGE', 9)} ${pad('EXPIRES', 26)} BACKEND`,
  ];
  for (const e of r.events) {
    const expires = `${e.expiresAt ?? '?'}${e.expired ? ' EXPIRED' : ''}`;
    lines.push(
      `${pad(e.event, 30)} ${pad(e.environment, 12)} ${pad(e.ageMs === undefined ? '?' : seconds(e.ageMs), 9)} ${pad(expires, 26)} ${e.backend}${e.foundBy === 'azure' ? ' (found by Azure tags)' : ''}${e.lockedBy ? ` (busy: ${e.lockedBy.command} pid ${e.lockedBy.pid})` : ''}`,
    );
  }
  return lines;
}

function cleanupSummary(r: CleanupResult): string[] {
  if (r.candidates.length === 0) return [`No expired events${r.dryRun ? ' (dry run)' : ''}.`];
  return r.candidates.map(
    (c) => `${pad(c.event, 30)} ${pad(c.environment, 12)} expired ${c.expiresAt}: ${c.action}`,
  );
}
