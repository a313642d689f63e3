import { ContainerGroup } from '@cdktf/provider-azurerm/lib/container-group';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Aspects, Testing, TerraformStack } from 'cdktf';
import { PolicyAspect } from '../../../policy/policy-aspect';
import { PolicyRule } from '../../../policy/rule';
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

/** A public group with SRT on 9998/udp, and any extra ports, with these secure variables. */
export function srtGroup(
  stack: TerraformStack,
  secure: Record<string, string>,
  extraPorts: { port: number; protocol: string }[] = [],
): ContainerGroup {
  return new ContainerGroup(stack, 'group', {
    name: 'g',
    resourceGroupName: 'rg',
    location: 'westeurope',
    osType: 'Linux',
    ipAddressType: 'Public',
    tags: TAGS,
    container: [
      {
        name: 'relay',
        image: 'r/relay:1',
        cpu: 1,
        memory: 1,
        ports: [{ port: 9998, protocol: 'UDP' }, ...extraPorts],
        secureEnvironmentVariables: secure,
      },
    ],
  });
}
