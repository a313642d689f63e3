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
import { AzureClient, ContainerStatus, ExitCode, ResourceGroupInfo, VmStatus } from './types';

export interface SdkClients {
  readonly resources: Pick<ResourceManagementClient, 'resourceGroups'>;
  readonly containers: Pick<ContainerInstanceManagementClient, 'containerGroups'>;
  readonly compute: Pick<ComputeManagementClient, 'virtualMachines'>;
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
  };
}

/** Loaded on first use: the SDK costs time that plan, list and outputs never need to pay. */
export function createSdkAzureClient(): AzureClient {
  const subscriptionId = process.env.AZURE_SUBSCRIPTION_ID ?? process.env.ARM_SUBSCRIPTION_ID;
  if (!subscriptionId) {
    throw new EngineError(
      'azure-subscription',
      'no Azure subscription selected',
      ExitCode.prerequisite,
      'set AZURE_SUBSCRIPTION_ID (or ARM_SUBSCRIPTION_ID), e.g. export AZURE_SUBSCRIPTION_ID=$(az account show --query id -o tsv)',
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
    resources: new ResourceManagementClient(credential, subscriptionId),
    containers: new ContainerInstanceManagementClient(credential, subscriptionId),
    compute: new ComputeManagementClient(credential, subscriptionId),
  });
}
