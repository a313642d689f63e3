import { WindowsVirtualMachine } from '@cdktf/provider-azurerm/lib/windows-virtual-machine';
import { Password } from '@cdktf/provider-random/lib/password';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { secretsFromSensitiveInputs } from '../../../policy/rules/secrets-from-sensitive-inputs';
import { synthWithRule } from './helpers';

function vm(stack: TerraformStack, adminPassword: string) {
  new WindowsVirtualMachine(stack, 'vm', {
    name: 'vm',
    resourceGroupName: 'rg',
    location: 'westeurope',
    size: 'Standard_D2s_v3',
    adminUsername: 'streamadmin',
    adminPassword,
    networkInterfaceIds: ['nic'],
    osDisk: { caching: 'ReadWrite', storageAccountType: 'StandardSSD_LRS' },
  });
}

describe('SC-SECRETS: passwords and keys only from sensitive inputs', () => {
  test('Noncompliance: literal admin password', () => {
    expect(
      synthWithRule(secretsFromSensitiveInputs, (stack) => vm(stack, 'Hunter2-literal!')),
    ).toThrow(/admin_password is not a generated password or sensitive variable/);
  });
  test('Noncompliance: secret-looking variable that is not sensitive or has a default', () => {
    const synth = synthWithRule(secretsFromSensitiveInputs, (stack) => {
      new TerraformVariable(stack, 'youtube_key_french', { type: 'string', default: 'abcd' });
    });
    expect(synth).toThrow(/variable youtube_key_french looks like a secret but is not sensitive/);
    expect(synth).toThrow(
      /variable youtube_key_french looks like a secret but has a default value/,
    );
  });
  test('Compliance', () => {
    const synth = synthWithRule(secretsFromSensitiveInputs, (stack) => {
      new RandomProvider(stack, 'random');
      vm(stack, new Password(stack, 'pw', { length: 24 }).result);
      new TerraformVariable(stack, 'youtube_key_french', { type: 'string', sensitive: true });
      // A version number of the secrets says "write again"; it is not a secret itself.
      new TerraformVariable(stack, 'secrets_version', { type: 'number', default: 1 });
    });
    expect(synth).not.toThrow();
  });
});
