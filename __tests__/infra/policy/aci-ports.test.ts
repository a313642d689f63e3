import { ContainerGroup } from '@cdktf/provider-azurerm/lib/container-group';
import { TerraformStack } from 'cdktf';
import { aciPorts } from '../../../policy/rules/aci-ports';
import { StackDocument } from '../../../policy/rule';
import { synthEventStack } from '../helpers';
import { synthWithRule, TAGS } from './helpers';

type Port = { port: number; protocol: string };

/** A public group with these ports on its one container, exposed as given (or not at all). */
function group(stack: TerraformStack, id: string, ports: Port[], exposed: Port[] | null = ports) {
  new ContainerGroup(stack, id, {
    name: id,
    resourceGroupName: 'rg',
    location: 'westeurope',
    osType: 'Linux',
    ipAddressType: 'Public',
    tags: TAGS,
    ...(exposed ? { exposedPort: exposed } : {}),
    container: [{ name: id, image: 'r/i:1', cpu: 1, memory: 1, ports }],
  });
}

const udp = (port: number) => ({ port, protocol: 'UDP' });
const health = { port: 8080, protocol: 'TCP' };

describe('SC-ACI-PORTS: at most 5 public ports per container group, no reserved port', () => {
  test('Compliance: a synthesized 12-language event', () => {
    const languages = Array.from({ length: 12 }, (_, i) => `lang${i + 1}`);
    // synthEventStack runs the whole rule pack (this rule included) and throws on a finding.
    const { doc } = synthEventStack({ languages });
    expect(aciPorts.check({ document: doc as StackDocument, taggable: new Set() })).toEqual([]);
    for (const g of Object.values(doc.resource.azurerm_container_group)) {
      expect(g.exposed_port.length).toBeLessThanOrEqual(5);
    }
  });

  test('Noncompliance: a 4-language event in the old pull layout', () => {
    // The layout before push: the relay listened once per mixer (10001..) and the splitter
    // took the slides on 9999 with its own ports from 10101.
    const synth = synthWithRule(aciPorts, (stack) => {
      group(stack, 'relay', [udp(9998), ...[1, 2, 3, 4].map((i) => udp(10000 + i)), health]);
      group(stack, 'splitter', [udp(9999), ...[1, 2, 3, 4].map((i) => udp(10100 + i)), health]);
    });
    expect(synth).toThrow(
      /azurerm_container_group\.relay exposes 6 public ports \(9998\/UDP, 10001\/UDP, 10002\/UDP, 10003\/UDP, 10004\/UDP, 8080\/TCP\); ACI allows 5 per IP/,
    );
    expect(synth).toThrow(/azurerm_container_group\.splitter exposes 6 public ports/);
    expect(synth).toThrow(
      /azurerm_container_group\.splitter uses 9999\/UDP, reserved by ACI \(22, 1025-1027, 3389-3399, 9999, /,
    );
  });

  test('Noncompliance: a reserved port inside the group, even when not exposed', () => {
    const synth = synthWithRule(aciPorts, (stack) =>
      group(stack, 'inner', [udp(9998), { port: 22, protocol: 'TCP' }, health], [udp(9998)]),
    );
    expect(synth).toThrow(/inner uses 22\/TCP, reserved by ACI/);
  });

  test('Noncompliance: without exposed_port every container port counts as public', () => {
    const ports = [9001, 9002, 9003, 9004, 9005, 9006].map(udp);
    expect(synthWithRule(aciPorts, (stack) => group(stack, 'implicit', ports, null))).toThrow(
      /implicit exposes 6 public ports/,
    );
  });

  test('Compliance: ingest and health, exposed or implied', () => {
    const synth = synthWithRule(aciPorts, (stack) => {
      group(stack, 'relay', [udp(9998), health]);
      group(stack, 'splitter', [udp(9997), health], null);
    });
    expect(synth).not.toThrow();
  });
});
