/**
 * Environment profiles: where and how big an environment's events are, and where their
 * state lives. The data is config/environments.json so crews change it by review, not code;
 * this module is its only reader (the platform block is checked in platform-settings.ts).
 * It also owns the list of environments.
 */
import profilesJson from '../config/environments.json';

export const ENVIRONMENTS = ['production', 'staging', 'development'] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

/** Where an event's Terraform state lives. */
export type StateBackendSettings =
  | {
      /** One state file per event under the project (state/<env>/<event>.tfstate). */
      readonly kind: 'local';
    }
  | {
      /** Azure Storage: key <env>/<event>.tfstate in one container (see the platform stack). */
      readonly kind: 'azurerm';
      readonly resourceGroupName: string;
      readonly storageAccountName: string;
      /** @default "tfstate" */
      readonly containerName?: string;
    }
  | {
      /** Terraform Cloud: one workspace per event, tagged for listing. */
      readonly kind: 'cloud';
      readonly organization: string;
      /** @default "app.terraform.io" */
      readonly hostname?: string;
    };

export interface EnvironmentProfile {
  readonly name: EnvironmentName;
  /** Azure region. */
  readonly location: string;
  readonly addressSpace: string;
  readonly containersSubnet: string;
  readonly mixersSubnet: string;
  readonly mixerVmSize: string;
  /** Mixer kind for events that do not choose one ("container" | "obs"). @default "container" */
  readonly mixer?: string;
  readonly relayCpuCores: number;
  readonly relayMemoryGiB: number;
  readonly splitterCpuCores: number;
  readonly splitterMemoryGiB: number;
  /**
   * Registry that holds the relay and splitter images (login server).
   * @default - the environment's platform registry (help/platform.md): its deployed login
   * server, else the name the platform gives it (crstream<env><suffix>.azurecr.io)
   */
  readonly imageRegistry?: string;
  readonly stateBackend: StateBackendSettings;
}

type Entry = Omit<EnvironmentProfile, 'name'> & { readonly platform?: unknown };
const table = profilesJson as unknown as Record<string, Entry>;

export function isEnvironment(value: unknown): value is EnvironmentName {
  return typeof value === 'string' && (ENVIRONMENTS as readonly string[]).includes(value);
}

export function getProfile(environment: EnvironmentName): EnvironmentProfile {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { platform, ...profile } = table[environment];
  return { name: environment, ...profile };
}

/** The environment's "platform" block as written; platform-settings.ts checks it. */
export function platformBlock(environment: EnvironmentName): unknown {
  return table[environment]?.platform;
}
