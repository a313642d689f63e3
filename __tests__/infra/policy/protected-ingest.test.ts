import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { Password } from '@cdktf/provider-random/lib/password';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { protectedIngest } from '../../../policy/rules/protected-ingest';
import { srtGroup, synthWithRule, vaultReader } from './helpers';

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
      /container relay exposes SRT publicly without a passphrase from Key Vault \(KEY_VAULT_URL of an azurerm_key_vault, SRT_PASSPHRASE_SECRET, and an identity\)/,
    );
  });
  test('Noncompliance: passphrase as a variable rather than from the vault', () => {
    const synth = synthWithRule(protectedIngest, (stack) => {
      const v = new TerraformVariable(stack, 'srt_passphrase', { type: 'string', sensitive: true });
      srtGroup(stack, { SRT_PASSPHRASE: v.stringValue });
    });
    expect(synth).toThrow(
      /container relay exposes SRT publicly without a passphrase from Key Vault/,
    );
  });
  test('Noncompliance: vault named but no identity to read it with', () => {
    const synth = synthWithRule(protectedIngest, (stack) => {
      srtGroup(stack, {}, [], { env: vaultReader(stack).env });
    });
    expect(synth).toThrow(/without a passphrase from Key Vault/);
  });
  test("Noncompliance: a vault URL that is not the stack's vault", () => {
    const synth = synthWithRule(protectedIngest, (stack) => {
      const reader = vaultReader(stack);
      srtGroup(stack, {}, [], {
        env: { ...reader.env, KEY_VAULT_URL: 'https://elsewhere.vault.azure.net/' },
        identityId: reader.identityId,
      });
    });
    expect(synth).toThrow(/without a passphrase from Key Vault/);
  });
  test('Noncompliance: NSG admits UDP from anywhere', () => {
    const synth = synthWithRule(protectedIngest, (stack) => {
      srtRule(stack, { sourceAddressPrefix: '*' });
    });
    expect(synth).toThrow(/admits UDP from \*; name its sources/);
  });
  test('Noncompliance: public status port without a token from a secret input', () => {
    const synth = synthWithRule(protectedIngest, (stack) => {
      const reader = vaultReader(stack);
      srtGroup(
        stack,
        { STATUS_TOKEN: 'typed-in-token-123456' },
        [{ port: 8080, protocol: 'TCP' }],
        reader,
      );
    });
    expect(synth).toThrow(
      /container relay serves status on 8080 publicly without STATUS_TOKEN from a generated password or sensitive variable/,
    );
  });
  test('Compliance', () => {
    const synth = synthWithRule(protectedIngest, (stack) => {
      const token = new Password(stack, 'status-token', { length: 32, special: false });
      new RandomProvider(stack, 'random', {});
      srtGroup(
        stack,
        { STATUS_TOKEN: token.result },
        [{ port: 8080, protocol: 'TCP' }],
        vaultReader(stack),
      );
      srtRule(stack, { sourceAddressPrefix: 'AzureCloud.westeurope' });
    });
    expect(synth).not.toThrow();
  });
});
