import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { Construct } from 'constructs';
import { HEALTH_PORT, MIXER_INPUT_PORTS } from '../lib/contract';
import { EventNames } from '../lib/naming';

export interface EventNetworkProps {
  readonly names: EventNames;
  readonly resourceGroupName: string;
  readonly location: string;
  /** @default "10.42.0.0/16" */
  readonly addressSpace?: string;
  /**
   * Reserved for an ingress VM or private containers; the relay and splitter are public
   * container groups outside it, so it stays empty and its NSG admits nothing.
   * @default "10.42.1.0/24"
   */
  readonly containersSubnet?: string;
  /** @default "10.42.2.0/24" */
  readonly mixersSubnet?: string;
  /** Operators allowed RDP and health checks. @default [] - no rule from outside the VNet */
  readonly operatorCidrs?: readonly string[];
  /**
   * Where the relay's and splitter's pushes to the mixers' SRT listeners (MIXER_INPUT_PORTS)
   * come from: a CIDR or a service tag. ACI does not publish a container group's outbound
   * address, so the stack names the event region's Azure range ("AzureCloud.westeurope").
   * @default "AzureCloud"
   */
  readonly mixerFeedSource?: string;
}

const RDP_PORT = 3389;

/**
 * The event's VNet with one subnet for containers and one for the language mixers, each
 * behind its own NSG. Inbound rules name their sources; nothing is open to the Internet, and
 * a rule whose source list would be empty is simply not created (NSG default: deny).
 */
export class EventNetwork extends Construct {
  readonly virtualNetwork: VirtualNetwork;
  readonly containersSubnet: Subnet;
  readonly mixersSubnet: Subnet;
  readonly containersNsg: NetworkSecurityGroup;
  readonly mixersNsg: NetworkSecurityGroup;
  private readonly props: EventNetworkProps;

  constructor(scope: Construct, id: string, props: EventNetworkProps) {
    super(scope, id);
    this.props = props;
    const { names, resourceGroupName, location } = props;
    const addressSpace = props.addressSpace ?? '10.42.0.0/16';

    this.virtualNetwork = new VirtualNetwork(this, 'vnet', {
      name: names.virtualNetwork,
      resourceGroupName,
      location,
      addressSpace: [addressSpace],
    });
    this.containersSubnet = this.subnet('containers', props.containersSubnet ?? '10.42.1.0/24');
    this.mixersSubnet = this.subnet('mixers', props.mixersSubnet ?? '10.42.2.0/24');
    this.containersNsg = this.nsg('containers', this.containersSubnet);
    this.mixersNsg = this.nsg('mixers', this.mixersSubnet);

    const operators = [...(props.operatorCidrs ?? [])];
    // The containers subnet gets no allow rule: nothing runs in it, and a rule there would
    // only look like protection (the public container groups have no NSG at all).
    // Mixers listen; the relay and the splitter call them (push delivery). The passphrase,
    // enforced on the listener, keeps anyone else in the source range out.
    this.rule(
      this.mixersNsg,
      'allow-mixer-feeds',
      105,
      'Udp',
      [String(MIXER_INPUT_PORTS.program), String(MIXER_INPUT_PORTS.slides)],
      props.mixerFeedSource ?? 'AzureCloud',
    );
    // Health from inside the VNet always, from operators only when declared. Azure takes a
    // service tag only in the single-prefix field, so the VNet rule stands on its own.
    this.rule(
      this.mixersNsg,
      'allow-health-vnet',
      110,
      'Tcp',
      [String(HEALTH_PORT)],
      'VirtualNetwork',
      'mixers-health-vnet',
    );
    if (operators.length > 0) {
      this.rule(
        this.mixersNsg,
        'allow-health-operators',
        111,
        'Tcp',
        [String(HEALTH_PORT)],
        operators,
        'mixers-health-operators',
      );
    }
    if (operators.length > 0) {
      this.rule(this.mixersNsg, 'allow-rdp', 120, 'Tcp', [String(RDP_PORT)], operators);
    }
  }

  private subnet(role: 'containers' | 'mixers', prefix: string): Subnet {
    return new Subnet(this, `subnet-${role}`, {
      name: this.props.names.subnet(role),
      resourceGroupName: this.props.resourceGroupName,
      virtualNetworkName: this.virtualNetwork.name,
      addressPrefixes: [prefix],
    });
  }

  private nsg(role: 'containers' | 'mixers', subnet: Subnet): NetworkSecurityGroup {
    const nsg = new NetworkSecurityGroup(this, `nsg-${role}`, {
      name: this.props.names.networkSecurityGroup(role),
      resourceGroupName: this.props.resourceGroupName,
      location: this.props.location,
    });
    new SubnetNetworkSecurityGroupAssociation(this, `nsg-${role}-association`, {
      subnetId: subnet.id,
      networkSecurityGroupId: nsg.id,
    });
    return nsg;
  }

  private rule(
    nsg: NetworkSecurityGroup,
    name: string,
    priority: number,
    protocol: 'Tcp' | 'Udp',
    ports: string[],
    /** A list of CIDRs, or one CIDR or service tag (Azure takes a tag only on its own). */
    sources: string[] | string,
    id = name,
  ): NetworkSecurityRule {
    return new NetworkSecurityRule(this, `rule-${id}`, {
      name,
      priority,
      direction: 'Inbound',
      access: 'Allow',
      protocol,
      sourcePortRange: '*',
      destinationPortRanges: ports,
      ...(typeof sources === 'string'
        ? { sourceAddressPrefix: sources }
        : { sourceAddressPrefixes: sources }),
      destinationAddressPrefix: '*',
      resourceGroupName: this.props.resourceGroupName,
      networkSecurityGroupName: nsg.name,
    });
  }
}
