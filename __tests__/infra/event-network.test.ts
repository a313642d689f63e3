import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { Testing } from 'cdktf';
import { EventNetwork, EventNetworkProps } from '../../constructs/event-network';
import { MIXER_INPUT_PORTS } from '../../lib/contract';
import { EventNames } from '../../lib/naming';

const base: EventNetworkProps = {
  names: new EventNames('net-test', 'production'),
  resourceGroupName: 'rg',
  location: 'westeurope',
};

function synth(props: Partial<EventNetworkProps> = {}) {
  const json = Testing.synthScope(
    (scope) => new EventNetwork(scope, 'network', { ...base, ...props }),
  );
  const rules = Object.values(
    JSON.parse(json).resource.azurerm_network_security_rule ?? {},
  ) as any[];
  return { json, rules };
}

describe('EventNetwork', () => {
  it('defaults to 10.42.0.0/16 with containers 10.42.1.0/24 and mixers 10.42.2.0/24', () => {
    const { json } = synth();
    expect(json).toHaveResourceWithProperties(VirtualNetwork, { address_space: ['10.42.0.0/16'] });
    expect(json).toHaveResourceWithProperties(Subnet, {
      name: 'snet-containers',
      address_prefixes: ['10.42.1.0/24'],
    });
    expect(json).toHaveResourceWithProperties(Subnet, {
      name: 'snet-mixers',
      address_prefixes: ['10.42.2.0/24'],
    });
  });

  it('takes another address plan', () => {
    const { json } = synth({
      addressSpace: '10.50.0.0/16',
      containersSubnet: '10.50.1.0/24',
      mixersSubnet: '10.50.2.0/24',
    });
    expect(json).toHaveResourceWithProperties(VirtualNetwork, { address_space: ['10.50.0.0/16'] });
    expect(json).toHaveResourceWithProperties(Subnet, { address_prefixes: ['10.50.2.0/24'] });
  });

  it('admits nothing into the containers subnet: no container runs there', () => {
    const { rules } = synth({ operatorCidrs: ['198.51.100.0/24'] });
    expect(rules.filter((r) => /nsg-containers/.test(r.network_security_group_name))).toEqual([]);
  });

  it('lets the mixers take the pushed feeds on 10001-10002/udp from the named source only', () => {
    const feeds = (props: Partial<EventNetworkProps>) =>
      synth(props).rules.filter(
        (r) => r.protocol === 'Udp' && /nsg-mixers/.test(r.network_security_group_name),
      );
    expect(feeds({ mixerFeedSource: 'AzureCloud.westeurope' })).toEqual([
      expect.objectContaining({
        name: 'allow-mixer-feeds',
        direction: 'Inbound',
        access: 'Allow',
        destination_port_ranges: [
          String(MIXER_INPUT_PORTS.program),
          String(MIXER_INPUT_PORTS.slides),
        ],
        source_address_prefix: 'AzureCloud.westeurope',
      }),
    ]);
    expect(feeds({})[0].source_address_prefix).toBe('AzureCloud');
  });

  it('allows health 8080 from the VNet, and from operators when declared', () => {
    const { rules } = synth({ operatorCidrs: ['198.51.100.0/24'] });
    const health = rules.filter((r) => (r.destination_port_ranges ?? []).includes('8080'));
    expect(health.filter((r) => r.source_address_prefix === 'VirtualNetwork')).toHaveLength(1);
    expect(
      health.filter((r) => JSON.stringify(r.source_address_prefixes) === '["198.51.100.0/24"]'),
    ).toHaveLength(1);
    expect(health.every((r) => /nsg-mixers/.test(r.network_security_group_name))).toBe(true);
    expect(synth().rules.filter((r) => r.source_address_prefixes)).toHaveLength(0);
  });

  it('allows RDP 3389 only from operator CIDRs and only on the mixers NSG', () => {
    const { json, rules } = synth({ operatorCidrs: ['198.51.100.0/24'] });
    const rdp = rules.filter((r) => (r.destination_port_ranges ?? []).includes('3389'));
    expect(rdp).toHaveLength(1);
    expect(rdp[0].source_address_prefixes).toEqual(['198.51.100.0/24']);
    expect(rdp[0].network_security_group_name).toMatch(/nsg-mixers/);
    expect(json).not.toHaveResourceWithProperties(NetworkSecurityRule, {
      source_address_prefix: '*',
    });
    expect(
      synth().rules.filter((r) => (r.destination_port_ranges ?? []).includes('3389')),
    ).toHaveLength(0);
  });

  it('never opens a rule to the whole Internet', () => {
    const { rules } = synth({ operatorCidrs: ['198.51.100.0/24'] });
    for (const r of rules) {
      const sources = [r.source_address_prefix, ...(r.source_address_prefixes ?? [])].filter(
        Boolean,
      );
      expect(sources).not.toEqual(expect.arrayContaining(['*']));
      expect(sources).not.toEqual(expect.arrayContaining(['Internet']));
      expect(sources).not.toEqual(expect.arrayContaining(['0.0.0.0/0']));
    }
  });

  it('attaches one NSG to each subnet', () => {
    const doc = JSON.parse(synth().json);
    expect(
      Object.keys(doc.resource.azurerm_subnet_network_security_group_association),
    ).toHaveLength(2);
  });
});
