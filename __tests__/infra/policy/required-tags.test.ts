import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { requiredTags } from '../../../policy/rules/required-tags';
import { synthWithRule, TAGS } from './helpers';

describe('SC-TAGS: every taggable resource carries the cleanup tags', () => {
  test('Noncompliance', () => {
    const synth = synthWithRule(requiredTags, (stack) => {
      new ResourceGroup(stack, 'rg', {
        name: 'rg',
        location: 'westeurope',
        tags: { purpose: 'streaming' },
      });
    });
    expect(synth).toThrow(
      /\[SC-TAGS\] azurerm_resource_group.rg lacks tags event, environment, created, expires-at, ttl, auto_cleanup, managed-by, state-backend$/m,
    );
  });
  test('Compliance', () => {
    const synth = synthWithRule(requiredTags, (stack) => {
      new ResourceGroup(stack, 'rg', { name: 'rg', location: 'westeurope', tags: TAGS });
      // A rule resource has no tags in its schema, so it is not held to the rule.
      new NetworkSecurityRule(stack, 'rule', {
        name: 'r',
        priority: 100,
        direction: 'Inbound',
        access: 'Deny',
        protocol: 'Tcp',
        resourceGroupName: 'rg',
        networkSecurityGroupName: 'n',
      });
    });
    expect(synth).not.toThrow();
  });
});
