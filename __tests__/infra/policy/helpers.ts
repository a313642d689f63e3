import { ContainerGroup } from '@cdktf/provider-azurerm/lib/container-group';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Aspects, Testing, TerraformStack } from 'cdktf';
import { PolicyAspect } from '../../../policy/policy-aspect';
import { PolicyRule } from '../../../policy/rule';
import { ENV } from '../../../lib/contract';
import { resolveEvent } from '../../../lib/event-model';
import { eventTags } from '../../../lib/tags';

/** Builds a bare stack, applies only `rule`, and synthesizes with validation. */
export function synthWithRule(
  rule: PolicyRule,
  build: (stack: TerraformStack) => void,
): () => string {
  return () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'policy-test');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    build(stack);
    Aspects.of(stack).add(new PolicyAspect([rule]));
    return Testing.synth(stack, true);
  };
}

/** The tags the event stack writes (lib/tags.ts), for a small event. */
export const TAGS = eventTags(
  resolveEvent(
    { name: 'policy-test' },
    { env: {}, platform: null, now: new Date('2026-01-01T00:00:00Z') },
  ),
);

/** A vault and a reader identity, and the plain environment a part reads the passphrase with. */
export function vaultReader(stack: TerraformStack): {
  identityId: string;
  env: Record<string, string>;
} {
  const kv = new KeyVault(stack, 'kv', {
    name: 'kv-policy-test',
    resourceGroupName: 'rg',
    location: 'westeurope',
    tenantId: '00000000-0000-0000-0000-000000000000',
    skuName: 'standard',
    tags: TAGS,
  });
  const reader = new UserAssignedIdentity(stack, 'reader', {
    name: 'id-reader',
    resourceGroupName: 'rg',
    location: 'westeurope',
    tags: TAGS,
  });
  return {
    identityId: reader.id,
    env: {
      [ENV.keyVaultUrl]: kv.vaultUri,
      [ENV.azureClientId]: reader.clientId,
      [ENV.passphraseSecret]: 'srt-passphrase',
    },
  };
}

/**
 * A public group with SRT on 9998/udp, and any extra ports, with these secure variables, and
 * optionally plain ones and a user-assigned identity.
 */
export function srtGroup(
  stack: TerraformStack,
  secure: Record<string, string>,
  extraPorts: { port: number; protocol: string }[] = [],
  opts: { env?: Record<string, string>; identityId?: string } = {},
): ContainerGroup {
  return new ContainerGroup(stack, 'group', {
    name: 'g',
    resourceGroupName: 'rg',
    location: 'westeurope',
    osType: 'Linux',
    ipAddressType: 'Public',
    tags: TAGS,
    ...(opts.identityId
      ? { identity: { type: 'UserAssigned', identityIds: [opts.identityId] } }
      : {}),
    container: [
      {
        name: 'relay',
        image: 'r/relay:1',
        cpu: 1,
        memory: 1,
        ports: [{ port: 9998, protocol: 'UDP' }, ...extraPorts],
        secureEnvironmentVariables: secure,
        environmentVariables: opts.env,
      },
    ],
  });
}
