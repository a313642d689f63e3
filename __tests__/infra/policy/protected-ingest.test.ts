import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { protectedIngest } from '../../../policy/rules/protected-ingest';
import { srtGroup, synthWithRule } from './helpers';

/** An inbound UDP 9998 allow rule from the given sources. */
function srtRule(
  stack: TerraformStack,
  sources: { sourceAddressPrefix?: string; sourceAddressPrefixes?: string[] },
): void {
  new NetworkSecurityRule(stack, 'srt', {
    name: 'srt',
    priority: 100,
    direction: 'Inbound',
    access: 'Allow',
    protocol: 'Udp',
    sourcePortRange: '*',
    destinationPortRange: '9998',
    destinationAddressPrefix: '*',
    resourceGroupName: 'rg',
    networkSecurityGroupName: 'nsg',
    ...sources,
  });
}

describe('SC-INGEST: SRT only from declared sources or behind a passphrase', () => {
  test('Noncompliance: public SRT without a passphrase', () => {
    expect(synthWithRule(protectedIngest, (stack) => srtGroup(stack, {}))).toThrow(
      /container relay exposes SRT publicly without SRT_PASSPHRASE/,
    );
  });
  test('Noncompliance: passphrase from a non-sensitive variable', () => {
    const synth = synthWithRule(protectedIngest, (stack) => {
      const v = new TerraformVariable(stack, 'srt_passphrase', { type: 'string' });
      srtGroup(stack, { SRT_PASSPHRASE: v.stringValue });
    });
    expect(synth).toThrow(/SC-INGEST/);
  });
  test('Noncompliance: NSG admits UDP from anywhere', () => {
    const synth = synthWithRule(protectedIngest, (stack) => {
      srtRule(stack, { sourceAddressPrefix: '*' });
    });
    expect(synth).toThrow(/admits UDP from \*; list the venue's CIDRs/);
  });
  test('Compliance', () => {
    const synth = synthWithRule(protectedIngest, (stack) => {
      const v = new TerraformVariable(stack, 'srt_passphrase', { type: 'string', sensitive: true });
      srtGroup(stack, { SRT_PASSPHRASE: v.stringValue });
      srtRule(stack, { sourceAddressPrefixes: ['203.0.113.0/24'] });
    });
    expect(synth).not.toThrow();
  });
});
