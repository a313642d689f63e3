import { ContainerGroup } from '@cdktf/provider-azurerm/lib/container-group';
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
      /container relay serves status on 8080 publicly without a status token \(STATUS_TOKEN_SECRET from Key Vault, or STATUS_TOKEN from a generated password or sensitive variable\)/,
    );
  });
  test("Noncompliance: status token secret named, but the vault is not the stack's", () => {
    const synth = synthWithRule(protectedIngest, (stack) => {
      const reader = vaultReader(stack);
      new ContainerGroup(stack, 'other', {
        name: 'other',
        resourceGroupName: 'rg',
        location: 'westeurope',
        osType: 'Linux',
        ipAddressType: 'Public',
        identity: { type: 'UserAssigned', identityIds: [reader.identityId] },
        container: [
          {
            name: 'status-only',
            image: 'r/relay:1',
            cpu: 1,
            memory: 1,
            ports: [{ port: 8080, protocol: 'TCP' }],
            environmentVariables: {
              ...reader.env,
              KEY_VAULT_URL: 'https://elsewhere.vault.azure.net/',
              STATUS_TOKEN_SECRET: 'status-token',
            },
          },
        ],
      });
    });
    expect(synth).toThrow(
      /container status-only serves status on 8080 publicly without a status token/,
    );
  });
  test('Compliance: the status token from the vault, no secure variable (what the stack does)', () => {
    const synth = synthWithRule(protectedIngest, (stack) => {
      const reader = vaultReader(stack);
      srtGroup(stack, {}, [{ port: 8080, protocol: 'TCP' }], {
        env: { ...reader.env, STATUS_TOKEN_SECRET: 'status-token' },
        identityId: reader.identityId,
      });
      srtRule(stack, { sourceAddressPrefix: 'AzureCloud.westeurope' });
    });
    expect(synth).not.toThrow();
  });
  test('Compliance: a secure STATUS_TOKEN from a generated password (still allowed)', () => {
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
