import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { TerraformStack } from 'cdktf';
import { noAdminPortsFromInternet } from '../../../policy/rules/no-admin-ports-from-internet';
import { synthWithRule } from './helpers';

function rule(
  stack: TerraformStack,
  id: string,
  ports: string[],
  source: { sourceAddressPrefix?: string; sourceAddressPrefixes?: string[] },
) {
  new NetworkSecurityRule(stack, id, {
    name: id,
    priority: 100,
    direction: 'Inbound',
    access: 'Allow',
    protocol: 'Tcp',
    sourcePortRange: '*',
    destinationPortRanges: ports,
    destinationAddressPrefix: '*',
    resourceGroupName: 'rg',
    networkSecurityGroupName: 'nsg',
    ...source,
  });
}

describe('SC-NSG-ADMIN: no RDP or health port from the Internet', () => {
  test.each([
    ['RDP from *', ['3389'], { sourceAddressPrefix: '*' }, /TCP 3389 from \*/],
    [
      'health from Internet',
      ['8080'],
      { sourceAddressPrefix: 'Internet' },
      /TCP 8080 from Internet/,
    ],
    [
      'a range covering RDP from 0.0.0.0/0',
      ['3000-4000'],
      { sourceAddressPrefixes: ['0.0.0.0/0'] },
      /TCP 3389 from 0.0.0.0\/0/,
    ],
  ])('Noncompliance: %s', (_name, ports, source, message) => {
    expect(
      synthWithRule(noAdminPortsFromInternet, (stack) => rule(stack, 'bad', ports, source)),
    ).toThrow(message);
  });
  test('Noncompliance: inline rule on an NSG', () => {
    const synth = synthWithRule(noAdminPortsFromInternet, (stack) => {
      new NetworkSecurityGroup(stack, 'nsg', {
        name: 'nsg',
        resourceGroupName: 'rg',
        location: 'westeurope',
        securityRule: [
          {
            name: 'open-rdp',
            priority: 100,
            direction: 'Inbound',
            access: 'Allow',
            protocol: '*',
            sourcePortRange: '*',
            destinationPortRange: '3389',
            sourceAddressPrefix: 'Any',
            destinationAddressPrefix: '*',
          },
        ],
      });
    });
    expect(synth).toThrow(/open-rdp allows TCP 3389 from Any/);
  });
  test('Compliance', () => {
    const synth = synthWithRule(noAdminPortsFromInternet, (stack) => {
      rule(stack, 'rdp', ['3389'], { sourceAddressPrefixes: ['198.51.100.0/24'] });
      rule(stack, 'health', ['8080'], { sourceAddressPrefix: 'VirtualNetwork' });
      rule(stack, 'web', ['443'], { sourceAddressPrefix: '*' });
    });
    expect(synth).not.toThrow();
  });
});
