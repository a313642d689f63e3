/**
 * A reviewer's summary of a synthesized stack (its Terraform JSON): what would be created,
 * which secrets it takes, what it prints, where its state goes. Reads JSON only, so it works
 * offline and never sees a secret value (the JSON holds none). Also the plain words a plan
 * shows beside it: each language's audio, and what protects the ingest.
 */
import { OutputAudio } from './contract';
import { describeOutputAudio } from './event-languages';

export interface StackSummary {
  readonly stack: string;
  readonly backend: string;
  readonly resourceCounts: ReadonlyArray<readonly [type: string, count: number]>;
  readonly resourceTotal: number;
  readonly sensitiveVariables: readonly string[];
  readonly outputs: ReadonlyArray<{ readonly name: string; readonly sensitive: boolean }>;
  readonly tags: Readonly<Record<string, string>>;
}

interface TerraformJson {
  terraform?: {
    backend?: Record<string, Record<string, unknown>>;
    cloud?: Record<string, unknown>;
  };
  resource?: Record<string, Record<string, { tags?: Record<string, string> }>>;
  variable?: Record<string, { sensitive?: boolean }>;
  output?: Record<string, { sensitive?: boolean }>;
}

export function summarizeStack(stack: string, json: TerraformJson): StackSummary {
  const resources = Object.entries(json.resource ?? {});
  const counts = resources
    .map(([type, byName]) => [type, Object.keys(byName).length] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
  const group = json.resource?.azurerm_resource_group ?? {};
  const firstGroup = Object.values(group)[0];
  return {
    stack,
    backend: describeBackend(json.terraform),
    resourceCounts: counts,
    resourceTotal: counts.reduce((sum, [, n]) => sum + n, 0),
    sensitiveVariables: Object.entries(json.variable ?? {})
      .filter(([, v]) => v.sensitive === true)
      .map(([name]) => name)
      .sort(),
    outputs: Object.entries(json.output ?? {})
      .map(([name, o]) => ({ name, sensitive: o.sensitive === true }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    tags: firstGroup?.tags ?? {},
  };
}

function describeBackend(terraform: TerraformJson['terraform']): string {
  if (terraform?.cloud) {
    const cloud = terraform.cloud as { organization?: string; workspaces?: { name?: string } };
    return `Terraform Cloud ${cloud.organization}/${cloud.workspaces?.name}`;
  }
  const [kind, settings] = Object.entries(terraform?.backend ?? {})[0] ?? ['local', {}];
  if (kind === 'local') return `local ${settings.path ?? 'terraform.tfstate'}`;
  if (kind === 'azurerm')
    return `azurerm ${settings.storage_account_name}/${settings.container_name}/${settings.key}`;
  return kind;
}

export function formatSummary(s: StackSummary): string {
  const width = Math.max(...s.resourceCounts.map(([t]) => t.length), 10);
  const lines = [
    `stack ${s.stack}`,
    `  state: ${s.backend}`,
    `  resources (${s.resourceTotal}):`,
    ...s.resourceCounts.map(([type, n]) => `    ${type.padEnd(width)}  ${n}`),
    `  secrets, from TF_VAR_<name> at deploy: ${s.sensitiveVariables.join(', ')}`,
    `  outputs: ${s.outputs.map((o) => (o.sensitive ? `${o.name} (sensitive)` : o.name)).join(', ')}`,
    `  tags: ${Object.entries(s.tags)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  ];
  return lines.join('\n');
}

/**
 * What protects the venue's ingest, said plainly wherever a plan is shown (help/ingest.md):
 * public container groups have no NSG, so no address list can stand in for the passphrase.
 */
export const INGEST_PROTECTION =
  'Ingest protection: anyone on the Internet can reach the relay and splitter ingest ports; the SRT passphrase (encryption enforced) is what keeps other senders out. A public container group has no address allow-list (help/ingest.md).';

/** "spanish: track 2, floor at -18 dB", one line per language in event order. */
export function describeAudioMapping(
  languages: readonly string[],
  audio: readonly OutputAudio[],
): string[] {
  return languages.map((language, i) => `${language}: ${describeOutputAudio(audio[i])}`);
}
