/**
 * Recorded Azure SDK responses (the shapes @azure/arm-* return, trimmed to the fields the
 * engine reads) behind SDK-shaped fakes that record what they were asked.
 */
import type { SdkClients } from '../../../engine/azure';

export interface Recorder {
  readonly calls: string[];
}

async function* pages<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

export function recordedGroup(name: string, tags: Record<string, string>) {
  return {
    id: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${name}`,
    name,
    type: 'Microsoft.Resources/resourceGroups',
    location: 'westeurope',
    tags,
    properties: { provisioningState: 'Succeeded' },
  };
}

export const RECORDED_CONTAINER_GROUP = {
  id: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerInstance/containerGroups/ci-relay',
  name: 'ci-relay',
  location: 'westeurope',
  provisioningState: 'Succeeded',
  osType: 'Linux',
  ipAddress: {
    type: 'Public',
    ip: '20.31.1.2',
    fqdn: 'relay-show.westeurope.azurecontainer.io',
    ports: [],
  },
  instanceView: { state: 'Running', events: [] },
  containers: [
    {
      name: 'srt-relay',
      image: 'registry.azurecr.io/srt-relay:latest',
      resources: { requests: { cpu: 2, memoryInGB: 4 } },
      instanceView: {
        restartCount: 1,
        currentState: { state: 'Running', startTime: new Date('2026-05-01T08:01:00Z') },
      },
    },
  ],
};

export const RECORDED_VM = {
  id: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/mx-0',
  name: 'mx-0',
  location: 'westeurope',
  tags: { language: 'original' },
  provisioningState: 'Succeeded',
  hardwareProfile: { vmSize: 'Standard_D2s_v3' },
};

export const RECORDED_INSTANCE_VIEW = {
  statuses: [
    { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded' },
    { code: 'PowerState/running', level: 'Info', displayStatus: 'VM running' },
  ],
};

/** What pre-flight reads, as ARM returns it; each field can be changed by a test. */
export interface RecordedAccount {
  /** GET /subscriptions/{id}, or an error to throw (a login error, a 404). */
  subscription: { subscriptionId: string; displayName: string; state: string } | Error;
  /** registrationState by namespace; missing ones are "Registered". */
  providers: Record<string, string>;
  /** GET .../providers/Microsoft.Authorization/permissions "value". */
  permissions: { actions: string[]; notActions: string[] }[];
}

export const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';

export function readyAccount(): RecordedAccount {
  return {
    subscription: { subscriptionId: SUBSCRIPTION, displayName: 'Streaming', state: 'Enabled' },
    providers: {},
    // Owner: everything.
    permissions: [{ actions: ['*'], notActions: [] }],
  };
}

export function fakeSdk(
  groups: ReturnType<typeof recordedGroup>[],
  failWith?: Error,
  account: RecordedAccount = readyAccount(),
): SdkClients & Recorder {
  const calls: string[] = [];
  const guard = () => {
    if (failWith) throw failWith;
  };
  const sdk = {
    calls,
    subscriptionId: SUBSCRIPTION,
    arm: {
      get: async (pathAndQuery: string) => {
        calls.push(`GET ${pathAndQuery}`);
        if (pathAndQuery.includes('/providers/Microsoft.Authorization/permissions'))
          return { value: account.permissions };
        if (account.subscription instanceof Error) throw account.subscription;
        return { id: `/subscriptions/${SUBSCRIPTION}`, ...account.subscription };
      },
    },
    resources: {
      providers: {
        get: async (namespace: string) => {
          calls.push(`providers.get ${namespace}`);
          return { namespace, registrationState: account.providers[namespace] ?? 'Registered' };
        },
      },
      resourceGroups: {
        list: (options?: { filter?: string }) => {
          calls.push(`resourceGroups.list ${options?.filter}`);
          guard();
          return pages(groups);
        },
        get: async (name: string) => {
          calls.push(`resourceGroups.get ${name}`);
          guard();
          const found = groups.find((g) => g.name === name);
          if (!found)
            throw Object.assign(new Error(`Resource group '${name}' could not be found.`), {
              statusCode: 404,
            });
          return found;
        },
      },
    },
    containers: {
      containerGroups: {
        listByResourceGroup: (rg: string) => {
          calls.push(`containerGroups.listByResourceGroup ${rg}`);
          // A list carries no instance views; only a get does.
          return pages([
            {
              ...RECORDED_CONTAINER_GROUP,
              instanceView: undefined,
              containers: RECORDED_CONTAINER_GROUP.containers.map((c) => ({
                ...c,
                instanceView: undefined,
              })),
            },
          ]);
        },
        get: async (rg: string, name: string) => {
          calls.push(`containerGroups.get ${rg} ${name}`);
          return RECORDED_CONTAINER_GROUP;
        },
      },
    },
    compute: {
      virtualMachines: {
        list: (rg: string) => {
          calls.push(`virtualMachines.list ${rg}`);
          return pages([RECORDED_VM]);
        },
        instanceView: async (rg: string, name: string) => {
          calls.push(`virtualMachines.instanceView ${rg} ${name}`);
          return RECORDED_INSTANCE_VIEW;
        },
      },
    },
  };
  return sdk as unknown as SdkClients & Recorder;
}
