import { ContainerGroup } from '@cdktf/provider-azurerm/lib/container-group';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Aspects, Testing, TerraformStack } from 'cdktf';
import { PolicyAspect } from '../../../policy/policy-aspect';
import { PolicyRule } from '../../../policy/rule';

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

export const TAGS = {
  purpose: 'streaming',
  event: 'e',
  environment: 'production',
  created: '2026-01-01T00:00:00.000Z',
  'expires-at': '2026-01-02T00:00:00.000Z',
  ttl: '24h',
  auto_cleanup: 'true',
};

export function srtGroup(stack: TerraformStack, secure: Record<string, string>): ContainerGroup {
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
        ports: [{ port: 9998, protocol: 'UDP' }],
        secureEnvironmentVariables: secure,
      },
    ],
  });
}
