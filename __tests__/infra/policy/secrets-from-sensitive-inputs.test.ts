import { KeyVaultSecret } from '@cdktf/provider-azurerm/lib/key-vault-secret';
import { VirtualMachineExtension } from '@cdktf/provider-azurerm/lib/virtual-machine-extension';
import { WindowsVirtualMachine } from '@cdktf/provider-azurerm/lib/windows-virtual-machine';
import { Password } from '@cdktf/provider-random/lib/password';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Fn, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { secretsFromSensitiveInputs } from '../../../policy/rules/secrets-from-sensitive-inputs';
import { synthEventStack } from '../helpers';
import { srtGroup, synthWithRule } from './helpers';

function vm(stack: TerraformStack, adminPassword: string) {
  return new WindowsVirtualMachine(stack, 'vm', {
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

/** A secret variable as the event stack declares one: sensitive, ephemeral, no default. */
function secretVariable(stack: TerraformStack, name: string): TerraformVariable {
  const v = new TerraformVariable(stack, name, {
    type: 'string',
    sensitive: true,
    validation: [{ condition: `\${length(var.${name}) > 0}`, errorMessage: `${name} is empty` }],
  });
  v.addOverride('ephemeral', true);
  return v;
}

function vaultSecret(stack: TerraformStack, id: string, value: string) {
  return new KeyVaultSecret(stack, id, {
    name: id,
    keyVaultId: 'kv',
    valueWo: value,
    valueWoVersion: 1,
  });
}

describe('SC-SECRETS: secrets only from ephemeral sensitive inputs, only into write-only arguments', () => {
  test('Noncompliance: literal admin password', () => {
    expect(
      synthWithRule(secretsFromSensitiveInputs, (stack) => vm(stack, 'Hunter2-literal!')),
    ).toThrow(/azurerm_windows_virtual_machine\.vm admin_password is not a generated password/);
  });

  test('Noncompliance: secret-looking variable that is not sensitive, not ephemeral, has a default', () => {
    const synth = synthWithRule(secretsFromSensitiveInputs, (stack) => {
      new TerraformVariable(stack, 'youtube_key_french', { type: 'string', default: 'abcd' });
    });
    expect(synth).toThrow(/variable youtube_key_french looks like a secret but is not sensitive/);
    expect(synth).toThrow(/variable youtube_key_french looks like a secret but is not ephemeral/);
    expect(synth).toThrow(
      /variable youtube_key_french looks like a secret but has a default value/,
    );
  });

  test('Noncompliance: a sensitive key variable that is not ephemeral', () => {
    const synth = synthWithRule(secretsFromSensitiveInputs, (stack) => {
      const v = new TerraformVariable(stack, 'youtube_key_french', {
        type: 'string',
        sensitive: true,
      });
      vaultSecret(stack, 'key', v.stringValue);
    });
    expect(synth).toThrow(
      /variable youtube_key_french looks like a secret but is not ephemeral \(addOverride\('ephemeral', true\)\)/,
    );
  });

  test('Noncompliance: a secure environment variable fed from the passphrase', () => {
    const synth = synthWithRule(secretsFromSensitiveInputs, (stack) => {
      srtGroup(stack, { SRT_PASSPHRASE: secretVariable(stack, 'srt_passphrase').stringValue });
    });
    expect(synth).toThrow(
      /azurerm_container_group\.group container\[0\]\.secure_environment_variables\.SRT_PASSPHRASE takes var\.srt_passphrase; a secret may flow only into a write-only argument/,
    );
  });

  test('Noncompliance: the status token variable in a secure environment variable', () => {
    const synth = synthWithRule(secretsFromSensitiveInputs, (stack) => {
      srtGroup(stack, { STATUS_TOKEN: secretVariable(stack, 'status_token').stringValue });
    });
    expect(synth).toThrow(
      /azurerm_container_group\.group container\[0\]\.secure_environment_variables\.STATUS_TOKEN takes var\.status_token; a secret may flow only into a write-only argument/,
    );
  });

  test("Noncompliance: the admin password variable as the VM's admin_password (stored in state)", () => {
    const synth = synthWithRule(secretsFromSensitiveInputs, (stack) => {
      vm(stack, secretVariable(stack, 'mixer_admin_password').stringValue);
    });
    expect(synth).toThrow(
      /azurerm_windows_virtual_machine\.vm admin_password is not a generated password/,
    );
    expect(synth).toThrow(
      /azurerm_windows_virtual_machine\.vm admin_password takes var\.mixer_admin_password/,
    );
  });

  test('Noncompliance: an output of a stream key', () => {
    const synth = synthWithRule(secretsFromSensitiveInputs, (stack) => {
      const key = secretVariable(stack, 'youtube_key_spanish');
      new TerraformOutput(stack, 'leak', { value: key.stringValue, sensitive: true });
    });
    expect(synth).toThrow(/output leak value takes var\.youtube_key_spanish/);
  });

  test('Noncompliance: a key inside a function in an extension setting', () => {
    const synth = synthWithRule(secretsFromSensitiveInputs, (stack) => {
      const key = secretVariable(stack, 'youtube_key_spanish');
      new VirtualMachineExtension(stack, 'ext', {
        name: 'configure',
        virtualMachineId: 'vm',
        publisher: 'Microsoft.Compute',
        type: 'CustomScriptExtension',
        typeHandlerVersion: '1.10',
        protectedSettings: Fn.jsonencode({ commandToExecute: Fn.base64encode(key.stringValue) }),
      });
    });
    expect(synth).toThrow(
      /azurerm_virtual_machine_extension\.ext protected_settings takes var\.youtube_key_spanish/,
    );
  });

  test("Noncompliance: another variable's validation reads a secret", () => {
    const synth = synthWithRule(secretsFromSensitiveInputs, (stack) => {
      const key = secretVariable(stack, 'youtube_key_spanish');
      vaultSecret(stack, 'key', key.stringValue);
      new TerraformVariable(stack, 'region', {
        type: 'string',
        validation: [{ condition: `\${var.youtube_key_spanish != ""}`, errorMessage: 'x' }],
      });
    });
    expect(synth).toThrow(
      /variable region validation\[0\]\.condition takes var\.youtube_key_spanish, another variable's secret/,
    );
  });

  test('Compliance: write-only vault secrets, own validation, generated password, a version number', () => {
    const synth = synthWithRule(secretsFromSensitiveInputs, (stack) => {
      new RandomProvider(stack, 'random');
      vm(stack, new Password(stack, 'pw', { length: 24 }).result);
      vaultSecret(stack, 'key', secretVariable(stack, 'youtube_key_french').stringValue);
      vaultSecret(stack, 'pass', secretVariable(stack, 'srt_passphrase').stringValue);
      // A version number of the secrets says "write again"; it is not a secret itself.
      new TerraformVariable(stack, 'secrets_version', { type: 'number', default: 1 });
    });
    expect(synth).not.toThrow();
  });

  test('Compliance: the real event stack, OBS and container mixers', () => {
    expect(() => synthEventStack({ mixer: 'obs' })).not.toThrow();
    expect(() => synthEventStack({ mixer: 'container' })).not.toThrow();
  });
});
