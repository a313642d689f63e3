import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { Password } from '@cdktf/provider-random/lib/password';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
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

describe('SC-INGEST: public SRT behind a passphrase, public status behind a token', () => {
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
    expect(synth).toThrow(/admits UDP from \*; name its sources/);
  });
  test('Noncompliance: public status port without a token from a secret input', () => {
    const synth = synthWithRule(protectedIngest, (stack) => {
      const v = new TerraformVariable(stack, 'srt_passphrase', { type: 'string', sensitive: true });
      srtGroup(stack, { SRT_PASSPHRASE: v.stringValue, STATUS_TOKEN: 'typed-in-token-123456' }, [
        { port: 8080, protocol: 'TCP' },
      ]);
    });
    expect(synth).toThrow(
      /container relay serves status on 8080 publicly without STATUS_TOKEN from a generated password or sensitive variable/,
    );
  });
  test('Compliance', () => {
    const synth = synthWithRule(protectedIngest, (stack) => {
      const v = new TerraformVariable(stack, 'srt_passphrase', { type: 'string', sensitive: true });
      const token = new Password(stack, 'status-token', { length: 32, special: false });
      new RandomProvider(stack, 'random', {});
      srtGroup(stack, { SRT_PASSPHRASE: v.stringValue, STATUS_TOKEN: token.result }, [
        { port: 8080, protocol: 'TCP' },
      ]);
      srtRule(stack, { sourceAddressPrefix: 'AzureCloud.westeurope' });
    });
    expect(synth).not.toThrow();
  });
});
