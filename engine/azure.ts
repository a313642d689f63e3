/**
 * The AzureClient over the Azure SDK for JavaScript, logged in with DefaultAzureCredential
 * (az login, managed identity, or AZURE_* service principal variables). Takes the SDK clients
 * so tests can hand it recorded responses in the SDK's own shapes.
 */
import type { ComputeManagementClient } from '@azure/arm-compute';
import type { ContainerInstanceManagementClient } from '@azure/arm-containerinstance';
import type { ResourceManagementClient } from '@azure/arm-resources';
import { TAG } from '../lib/tags';
import { EngineError } from './errors';
import {
  AzureClient,
  ContainerStatus,
  ExitCode,
  PermissionEntry,
  ResourceGroupInfo,
  SubscriptionInfo,
  VmStatus,
} from './types';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * A GET on Azure Resource Manager, for the two reads the installed SDK packages lack (the
 * subscription and the caller's permissions). Throws an error with statusCode on a non-2xx.
 */
export interface ArmReader {
  get<T>(pathAndQuery: string): Promise<T>;
}

export interface SdkClients {
  readonly subscriptionId: string;
  readonly resources: Pick<ResourceManagementClient, 'resourceGroups' | 'providers'>;
  readonly containers: Pick<ContainerInstanceManagementClient, 'containerGroups'>;
  readonly compute: Pick<ComputeManagementClient, 'virtualMachines'>;
  readonly arm: ArmReader;
}

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

interface RgShape {
  name?: string;
  location: string;
  tags?: Record<string, string>;
  properties?: { provisioningState?: string };
}

function toGroup(rg: RgShape): ResourceGroupInfo {
  return {
    name: rg.name ?? '',
    location: rg.location,
    tags: rg.tags ?? {},
    provisioningState: rg.properties?.provisioningState,
  };
}

export function azureClientFromSdk(sdk: SdkClients): AzureClient {
  return {
    async listResourceGroupsByTag(name, value) {
      const filter = `tagName eq ${quote(name)}${value === undefined ? '' : ` and tagValue eq ${quote(value)}`}`;
      const out: ResourceGroupInfo[] = [];
      for await (const rg of sdk.resources.resourceGroups.list({ filter })) out.push(toGroup(rg));
      return out;
    },
    async getResourceGroup(name) {
      try {
        return toGroup(await sdk.resources.resourceGroups.get(name));
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode === 404) return undefined;
        throw err;
      }
    },
    async listContainerGroups(resourceGroup) {
      const out: ContainerStatus[] = [];
      for await (const listed of sdk.containers.containerGroups.listByResourceGroup(
        resourceGroup,
      )) {
        // The list omits instance views; only a get carries the running state.
        const g = await sdk.containers.containerGroups.get(resourceGroup, listed.name ?? '');
        out.push({
          name: g.name ?? '',
          state: g.instanceView?.state ?? g.provisioningState ?? 'unknown',
          ip: g.ipAddress?.ip,
          fqdn: g.ipAddress?.fqdn,
          containers: (g.containers ?? []).map((c) => ({
            name: c.name,
            state: c.instanceView?.currentState?.state ?? 'unknown',
            restarts: c.instanceView?.restartCount ?? 0,
          })),
        });
      }
      return out;
    },
    async listVirtualMachines(resourceGroup) {
      const out: VmStatus[] = [];
      for await (const vm of sdk.compute.virtualMachines.list(resourceGroup)) {
        const view = await sdk.compute.virtualMachines.instanceView(resourceGroup, vm.name ?? '');
        const power = view.statuses?.find((s) => s.code?.startsWith('PowerState/'));
        out.push({
          name: vm.name ?? '',
          language: vm.tags?.[TAG.language],
          powerState: power?.displayStatus ?? power?.code?.replace('PowerState/', '') ?? 'unknown',
          provisioningState: vm.provisioningState,
        });
      }
      return out;
    },
    async getSubscription(): Promise<SubscriptionInfo> {
      const s = await sdk.arm.get<{
        subscriptionId?: string;
        displayName?: string;
        state?: string;
      }>(`/subscriptions/${sdk.subscriptionId}?api-version=2022-12-01`);
      return {
        id: s.subscriptionId ?? sdk.subscriptionId,
        displayName: s.displayName ?? '',
        state: s.state ?? 'unknown',
      };
    },
    async providerStates(namespaces) {
      const out: Record<string, string> = {};
      for (const namespace of namespaces) {
        const p = await sdk.resources.providers.get(namespace);
        out[namespace] = p.registrationState ?? 'unknown';
      }
      return out;
    },
    async callerPermissions(): Promise<PermissionEntry[]> {
      const r = await sdk.arm.get<{ value?: { actions?: string[]; notActions?: string[] }[] }>(
        `/subscriptions/${sdk.subscriptionId}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01`,
      );
      return (r.value ?? []).map((p) => ({
        actions: p.actions ?? [],
        notActions: p.notActions ?? [],
      }));
    },
  };
}

/** The subscription terraform will use: ARM_SUBSCRIPTION_ID, else AZURE_SUBSCRIPTION_ID. */
export function subscriptionFrom(env: Env): string | undefined {
  return env.ARM_SUBSCRIPTION_ID || env.AZURE_SUBSCRIPTION_ID || undefined;
}

const ARM = 'https://management.azure.com';

function armReader(credential: { getToken(scope: string): Promise<{ token: string } | null> }) {
  return {
    async get<T>(pathAndQuery: string): Promise<T> {
      const token = await credential.getToken(`${ARM}/.default`);
      const response = await fetch(`${ARM}${pathAndQuery}`, {
        headers: { authorization: `Bearer ${token?.token ?? ''}` },
        signal: AbortSignal.timeout(15_000),
      });
      const body = (await response.json().catch(() => ({}))) as {
        error?: { code?: string; message?: string };
      };
      if (!response.ok) {
        throw Object.assign(new Error(body.error?.message ?? `HTTP ${response.status}`), {
          statusCode: response.status,
          code: body.error?.code,
        });
      }
      return body as T;
    },
  };
}

/** Loaded on first use: the SDK costs time that plan, list and outputs never need to pay. */
export function createSdkAzureClient(env: Env = process.env): AzureClient {
  const subscriptionId = subscriptionFrom(env);
  if (!subscriptionId) {
    throw new EngineError(
      'azure-subscription',
      'no Azure subscription selected',
      ExitCode.prerequisite,
      'set ARM_SUBSCRIPTION_ID (terraform reads it too), e.g. export ARM_SUBSCRIPTION_ID=$(az account show --query id -o tsv)',
    );
  }
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { DefaultAzureCredential } = require('@azure/identity') as typeof import('@azure/identity');
  const { ResourceManagementClient } =
    require('@azure/arm-resources') as typeof import('@azure/arm-resources');
  const { ContainerInstanceManagementClient } =
    require('@azure/arm-containerinstance') as typeof import('@azure/arm-containerinstance');
  const { ComputeManagementClient } =
    require('@azure/arm-compute') as typeof import('@azure/arm-compute');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const credential = new DefaultAzureCredential();
  return azureClientFromSdk({
    subscriptionId,
    arm: armReader(credential),
    resources: new ResourceManagementClient(credential, subscriptionId),
    containers: new ContainerInstanceManagementClient(credential, subscriptionId),
    compute: new ComputeManagementClient(credential, subscriptionId),
  });
}
