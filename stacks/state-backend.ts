import {
  AzurermBackend,
  CloudBackend,
  LocalBackend,
  NamedCloudWorkspace,
  TerraformStack,
} from 'cdktf';
import * as path from 'node:path';
import { EventConfig } from '../lib/event-model';

/**
 * Where local state lives, relative to the stack's synth folder (cdktf.out/stacks/<stack>),
 * so the committed HCL carries no machine's absolute path. STREAM_CONTROL_STATE_DIR moves it
 * (tests, CI runners); it must then be absolute.
 */
export function localStatePath(event: EventConfig, env: NodeJS.ProcessEnv = process.env): string {
  const file = path.posix.join(event.environment, `${event.slug}.tfstate`);
  const dir = env.STREAM_CONTROL_STATE_DIR;
  return dir ? path.join(dir, file) : path.posix.join('..', '..', '..', 'state', file);
}

/** Gives the stack the backend its event's profile chose: one state per event, always. */
export function addStateBackend(stack: TerraformStack, event: EventConfig): void {
  const backend = event.stateBackend;
  switch (backend.kind) {
    case 'local':
      new LocalBackend(stack, { path: localStatePath(event) });
      return;
    case 'azurerm':
      new AzurermBackend(stack, {
        resourceGroupName: backend.resourceGroupName,
        storageAccountName: backend.storageAccountName,
        containerName: backend.containerName ?? 'tfstate',
        key: event.names.stateKey,
        // Entra ID instead of storage keys: nobody handles an account key.
        useAzureadAuth: true,
      });
      return;
    case 'cloud':
      new CloudBackend(stack, {
        hostname: backend.hostname ?? 'app.terraform.io',
        organization: backend.organization,
        workspaces: new NamedCloudWorkspace(event.names.tfcWorkspace),
      });
      return;
  }
}
