/**
 * Pre-flight: what would make terraform fail half-way, checked before anything is locked,
 * written or created. Each problem is one line with its fix; any problem ends the run with
 * exit 7. Azure is asked only through the AzureClient seam, so tests hand it a stand-in.
 */
import { subscriptionFrom } from './azure';
import { EventConfig } from '../lib/event-model';
import { Context } from './context';
import { EngineError, toRunError } from './errors';
import { appUsesAzure, providerProblems, providersNeeded } from './providers';
import { RunImpl } from './run';
import { ExitCode, PermissionEntry, RunResult } from './types';

export type PreflightTarget =
  'event-deploy' | 'event-destroy' | 'platform-deploy' | 'platform-destroy';

/** Resource providers whose resources each stack creates (generated/ HCL lists the types). */
const NAMESPACES: Record<'event' | 'platform', readonly string[]> = {
  // container groups; VNet, NSG, public IPs, NICs; VMs and extensions; auto-shutdown schedules;
  // the event's Key Vault and its secrets; the secrets reader identity the parts use
  event: [
    'Microsoft.ContainerInstance',
    'Microsoft.Network',
    'Microsoft.Compute',
    'Microsoft.DevTestLab',
    'Microsoft.KeyVault',
    'Microsoft.ManagedIdentity',
  ],
  // state storage; registry; gallery; pull identity
  platform: [
    'Microsoft.Storage',
    'Microsoft.ContainerRegistry',
    'Microsoft.Compute',
    'Microsoft.ManagedIdentity',
  ],
};

/** Actions the caller needs at subscription scope, with the role that grants them. */
const ACTIONS: Record<PreflightTarget, readonly { action: string; role: string }[]> = {
  'event-deploy': [
    { action: 'Microsoft.Resources/subscriptions/resourceGroups/write', role: 'Contributor' },
  ],
  'event-destroy': [
    { action: 'Microsoft.Resources/subscriptions/resourceGroups/delete', role: 'Contributor' },
  ],
  'platform-deploy': [
    { action: 'Microsoft.Resources/subscriptions/resourceGroups/write', role: 'Contributor' },
    // AcrPull and the deployer's storage data role; the state account's delete lock.
    {
      action: 'Microsoft.Authorization/roleAssignments/write',
      role: 'Owner or User Access Administrator',
    },
    { action: 'Microsoft.Authorization/locks/write', role: 'Owner or User Access Administrator' },
  ],
  'platform-destroy': [
    { action: 'Microsoft.Resources/subscriptions/resourceGroups/delete', role: 'Contributor' },
    {
      action: 'Microsoft.Authorization/roleAssignments/delete',
      role: 'Owner or User Access Administrator',
    },
    { action: 'Microsoft.Authorization/locks/delete', role: 'Owner or User Access Administrator' },
  ],
};

function pattern(action: string): RegExp {
  const escaped = action.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/** Azure's rule: an entry allows an action its actions match and its notActions do not. */
export function allows(entries: readonly PermissionEntry[], action: string): boolean {
  return entries.some(
    (e) =>
      e.actions.some((a) => pattern(a).test(action)) &&
      !e.notActions.some((a) => pattern(a).test(action)),
  );
}

async function azureProblems(ctx: Context, target: PreflightTarget): Promise<string[]> {
  const arm = ctx.env.ARM_SUBSCRIPTION_ID;
  const az = ctx.env.AZURE_SUBSCRIPTION_ID;
  if (arm && az && arm !== az) {
    return [
      `ARM_SUBSCRIPTION_ID (${arm}) and AZURE_SUBSCRIPTION_ID (${az}) differ: terraform would deploy into one and stream-control check the other; fix: export ARM_SUBSCRIPTION_ID=${az} (or unset one)`,
    ];
  }
  const id = subscriptionFrom(ctx.env);
  if (!id) {
    return [
      'no Azure subscription selected, and azurerm needs one; fix: az login, then export ARM_SUBSCRIPTION_ID=$(az account show --query id -o tsv)',
    ];
  }
  const azure = ctx.azure();
  let subscription;
  try {
    subscription = await azure.getSubscription();
  } catch (err) {
    const { error } = toRunError(err);
    const status = (err as { statusCode?: number }).statusCode;
    if (error.code === 'azure-login')
      return [
        `not logged in to Azure (${error.message}); fix: run \`az login\` (or set AZURE_CLIENT_ID, AZURE_TENANT_ID and a secret or federated token)`,
      ];
    if (status === 404 || status === 403)
      return [
        `subscription ${id} is not visible to this login (${error.message}); fix: check ARM_SUBSCRIPTION_ID against \`az account list -o table\`, or log in as a user of that subscription`,
      ];
    return [
      `could not read subscription ${id}: ${error.message}; fix: check the connection to management.azure.com and retry`,
    ];
  }
  const name = `"${subscription.displayName}" (${subscription.id})`;
  if (!/^(enabled|warned)$/i.test(subscription.state))
    return [
      `subscription ${name} is ${subscription.state}: Azure creates nothing in it; fix: re-enable it in the Azure portal, or export ARM_SUBSCRIPTION_ID of an enabled one`,
    ];
  const problems: string[] = [];
  const namespaces = NAMESPACES[target.startsWith('platform') ? 'platform' : 'event'];
  if (target.endsWith('deploy')) {
    const states = await azure.providerStates(namespaces);
    for (const namespace of namespaces) {
      if (!/^registered$/i.test(states[namespace] ?? ''))
        problems.push(
          `resource provider ${namespace} is ${states[namespace] ?? 'unknown'} in subscription ${name}; fix: az provider register --namespace ${namespace} --subscription ${subscription.id} --wait`,
        );
    }
  }
  const permissions = await azure.callerPermissions();
  for (const { action, role } of ACTIONS[target]) {
    if (!allows(permissions, action))
      problems.push(
        `this login may not ${action} in subscription ${name}; fix: ask an owner of the subscription for the ${role} role (az role assignment create --assignee <you> --role "${role.split(' or ')[0]}" --scope /subscriptions/${subscription.id})`,
      );
  }
  return problems;
}

/**
 * Container groups pull the relay and splitter images when they start; from the platform's
 * registry that needs its pull identity (a Basic registry has no anonymous pull). Without the
 * platform's outputs on this machine the pull would fail minutes into the apply.
 */
function imageProblems(event: EventConfig): string[] {
  const images = [event.relayImage, event.splitterImage];
  const platformRegistry = images.find((i) => /^crstream[a-z0-9]+\.azurecr\.io\//.test(i));
  if (event.registryPull || !platformRegistry) return [];
  const server = platformRegistry.split('/')[0];
  return [
    `the relay and splitter images are in the ${event.environment} platform's registry ${server}, but this machine has no ${event.environment} platform outputs (the registry and its pull identity); fix: ./stream-control platform deploy --env ${event.environment} and scripts/acr-build.sh ${server.split('.')[0]}, or commit the platform's outputs in config/environments.json, or set relayImage and splitterImage in the event file (help/platform.md)`,
  ];
}

/**
 * Runs every check and throws one EngineError (exit 7) listing each problem, its own line and
 * fix. Terraform's providers are checked whether or not Azure answered, so one pass shows all.
 */
export async function preflight(
  ctx: Context,
  run: RunImpl<RunResult>,
  target: PreflightTarget,
  event?: EventConfig,
): Promise<void> {
  if (!ctx.preflight) {
    run.log('warn', 'pre-flight checks skipped (STREAM_CONTROL_SKIP_PREFLIGHT=1)');
    return;
  }
  await run.phase('preflight', 'Checking Azure, providers and permissions', async () => {
    const [azure, providers] = await Promise.all([
      azureProblems(ctx, target).catch((err: unknown) => {
        const { error } = toRunError(err);
        return [`could not ask Azure: ${error.message}; fix: ${error.hint ?? 'retry'}`];
      }),
      providerProblems(providersNeeded(ctx), ctx.env),
    ]);
    // Only an app that creates Azure resources pulls images (not the test fixture).
    const images =
      event && target === 'event-deploy' && appUsesAzure(ctx) ? imageProblems(event) : [];
    const problems = [...azure, ...providers, ...images];
    if (problems.length === 0) return;
    for (const p of problems) run.log('error', `pre-flight: ${p}`);
    throw new EngineError(
      'preflight',
      problems.length === 1
        ? problems[0]
        : `${problems.length} pre-flight problems: ${problems.join(' | ')}`,
      ExitCode.prerequisite,
      'nothing was locked or created; fix the above and run the same command again',
      { problems },
    );
  });
}
