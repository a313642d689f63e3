import { Password } from '@cdktf/provider-random/lib/password';
import { Testing } from 'cdktf';
import { LanguageMixer, LanguageMixerProps } from '../../constructs/language-mixer';
import { buildMixerModel } from '../../lib/mixer-model';
import { renderObsFiles } from '../../lib/mixer-obs';
import { EventNames } from '../../lib/naming';
import { TEST_READER } from './helpers';

const base: LanguageMixerProps = {
  names: new EventNames('mix-test', 'production'),
  resourceGroupName: 'rg',
  location: 'westeurope',
  index: 1,
  language: 'spanish',
  subnetId: '/subnets/mixers',
  privateIp: '10.42.2.12',
  secretsReader: TEST_READER,
  bootstrapAdminPassword: 'replaced by a generated password in synth()',
  shutdownTimeUtc: '0930',
};

function synth(props: Partial<LanguageMixerProps> = {}) {
  const doc = JSON.parse(
    Testing.synthScope((scope) => {
      return new LanguageMixer(scope, 'mixer', {
        ...base,
        bootstrapAdminPassword: new Password(scope, 'bootstrap', { length: 24 }).result,
        ...props,
      });
    }),
  );
  const one = (type: string) => Object.values(doc.resource[type] ?? {})[0] as any;
  return {
    doc,
    vm: one('azurerm_windows_virtual_machine'),
    nic: one('azurerm_network_interface'),
    ext: one('azurerm_virtual_machine_extension'),
    shutdown: one('azurerm_dev_test_global_vm_shutdown_schedule'),
    pip: one('azurerm_public_ip'),
  };
}

describe('LanguageMixer', () => {
  const { vm, nic, ext, shutdown, pip } = synth();

  it('is a Standard_D2s_v3 Windows VM by default', () => {
    expect(vm.size).toBe('Standard_D2s_v3');
    expect(synth({ vmSize: 'Standard_D4s_v3' }).vm.size).toBe('Standard_D4s_v3');
  });
  it('tags the VM with its role and language, which status and health look up', () => {
    expect(vm.tags).toEqual({ role: 'language-mixer', language: 'spanish' });
  });
  it('has a computer name of at most 15 characters from its position and language', () => {
    expect(vm.computer_name).toBe('mx02-spanish');
  });
  it('is created with the generated bootstrap password, never an SSH key', () => {
    expect(vm.admin_password).toBe('${random_password.bootstrap.result}');
    expect(vm.admin_username).toBe('streamadmin');
    expect(vm.admin_ssh_key).toBeUndefined();
  });
  it('has a static private IP in the mixers subnet', () => {
    expect(nic.ip_configuration[0]).toMatchObject({
      private_ip_address_allocation: 'Static',
      private_ip_address: '10.42.2.12',
      subnet_id: '/subnets/mixers',
    });
  });
  it('boots Windows Server 2022 from the marketplace by default', () => {
    expect(vm.source_image_reference).toEqual({
      publisher: 'MicrosoftWindowsServer',
      offer: 'WindowsServer',
      sku: '2022-datacenter-azure-edition',
      version: 'latest',
    });
    expect(vm.source_image_id).toBeUndefined();
  });
  it('boots a pre-built image when given one', () => {
    const id =
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/img/providers/Microsoft.Compute/images/mixer';
    const custom = synth({ image: { kind: 'custom', imageId: id } }).vm;
    expect(custom.source_image_id).toBe(id);
    expect(custom.source_image_reference).toBeUndefined();
  });
  it('turns off automatic Windows updates during the event', () => {
    expect(vm.patch_mode).toBe('Manual');
    expect(vm.automatic_updates_enabled).toBe(false);
  });
  it('gives the VM the secrets reader identity', () => {
    expect(vm.identity).toEqual({
      type: 'UserAssigned',
      identity_ids: ['${azurerm_user_assigned_identity.reader.id}'],
    });
  });
  it('names the vault, the reader and the secrets in the command, and carries no secret', () => {
    expect(ext.type).toBe('CustomScriptExtension');
    expect(ext.publisher).toBe('Microsoft.Compute');
    expect(ext.settings).toBeUndefined();
    const command: string = ext.protected_settings;
    expect(command).toContain(
      '-AdminUser streamadmin -VaultUrl ", azurerm_key_vault.kv.vault_uri, " -ClientId ", azurerm_user_assigned_identity.reader.client_id, " -PassphraseSecret srt-passphrase -StreamKeySecret youtube-key-spanish", " -AdminPasswordSecret mixer-admin-password"',
    );
    expect(command).not.toMatch(
      /youtube_key|srt_passphrase|admin_password|random_password|base64encode|B64/,
    );
    expect(command).toContain('textencodebase64(');
    expect(command).not.toMatch(/C:\\/);
  });
  it('runs the configure script after the reader can read the secrets', () => {
    const dependsOn = [`azurerm_key_vault_access_policy.reader`, `azurerm_key_vault_secret.key`];
    const { ext: waiting } = synth({
      secretsReader: {
        ...TEST_READER,
        dependsOn: dependsOn.map((fqn) => ({ fqn })),
      },
    });
    expect(waiting.depends_on).toEqual(dependsOn);
  });
  it('has the script read both secrets from the vault through IMDS, retrying while access propagates', () => {
    const script = Buffer.from(vm.custom_data, 'base64').toString('utf8');
    expect(script).toContain("$KeyVaultResource = 'https://vault.azure.net'");
    expect(script).toContain("$KeyVaultApiVersion = '7.4'");
    expect(script).toMatch(/metadata\/identity\/oauth2\/token\?api-version=2018-02-01/);
    expect(script).toMatch(/-Headers @\{ Metadata = 'true' \}/);
    expect(script).toMatch(/Authorization = "Bearer \$token"/);
    expect(script).toMatch(/\$streamKey = Read-VaultSecret \$StreamKeySecret/);
    expect(script).toMatch(/\$passphrase = Read-VaultSecret \$PassphraseSecret/);
    expect(script).toMatch(/Start-Sleep -Seconds \$delay/);
    expect(script).not.toMatch(/StreamKeyB64|PassphraseB64|AdminPasswordB64/);
  });
  it("has the script replace the bootstrap password with the vault's before anything else, and log on with it", () => {
    const script = Buffer.from(vm.custom_data, 'base64').toString('utf8');
    const at = (re: RegExp) => {
      const m = re.exec(script);
      expect(m).not.toBeNull();
      return m!.index;
    };
    const read = at(/\$adminPassword = Read-VaultSecret \$AdminPasswordSecret/);
    const set = at(
      /Set-LocalUser -Name \$AdminUser -Password \(ConvertTo-SecureString \$adminPassword -AsPlainText -Force\)/,
    );
    // Before OBS's install, the other secrets and the autologon: the value in state stops
    // opening the VM as early as the script can make it.
    expect(read).toBeLessThan(set);
    expect(set).toBeLessThan(at(/Invoke-WebRequest -Uri \$ObsInstallerUrl/));
    expect(set).toBeLessThan(at(/\$streamKey = Read-VaultSecret/));
    expect(at(/\[StreamControlLsa\]::Store\('DefaultPassword', \$adminPassword\)/)).toBeGreaterThan(
      set,
    );
    expect(script).toMatch(/\[Parameter\(Mandatory\)\] \[string\] \$AdminPasswordSecret,/);
  });
  it('carries the script and the rendered OBS files, which hold no secret, as custom data', () => {
    const script = Buffer.from(vm.custom_data, 'base64').toString('utf8');
    expect(script).toMatch(/param\(/);
    expect(script).not.toContain('@@GENERATED@@');
    expect(script).not.toContain('var.');
    const files = [...script.matchAll(/^ {2}'([^']+)' = '([A-Za-z0-9+/=]+)'$/gm)];
    const decoded = Object.fromEntries(
      files.map(([, p, b64]) => [p, Buffer.from(b64, 'base64').toString('utf8')]),
    );
    expect(decoded).toEqual(
      renderObsFiles(buildMixerModel({ eventName: 'mix-test', language: 'spanish' })),
    );
    expect(script).toContain(
      "$ObsArguments = '--portable --disable-updater --profile spanish --collection spanish --scene Live --startstreaming --disable-shutdown-check'",
    );
  });
  it('starts OBS as the admin user in its session, restarts outside the extension, keeps the password out of Winlogon', () => {
    const script = Buffer.from(vm.custom_data, 'base64').toString('utf8');
    expect(script).toMatch(/New-ScheduledTaskPrincipal -UserId \$AdminUser -LogonType Interactive/);
    expect(script).toMatch(
      /Register-ScheduledTask -TaskName 'stream-control-obs'[^\n]*\n\s*-Principal \$principal/,
    );
    expect(script).toMatch(/LsaStorePrivateData/);
    expect(script).not.toMatch(/-Name DefaultPassword -Value/);
    // The only restart is a scheduled task's, a minute after the extension has finished.
    expect(script.match(/shutdown\.exe/g)).toHaveLength(1);
    expect(script).toMatch(/-Execute 'shutdown\.exe'/);
  });
  it('gives the relay and the splitter its SRT input addresses', () => {
    let m!: LanguageMixer;
    Testing.synthScope((scope) => {
      m = new LanguageMixer(scope, 'x', base);
    });
    expect(m.inputAddress('program')).toBe('10.42.2.12:10001');
    expect(m.inputAddress('slides')).toBe('10.42.2.12:10002');
  });
  it('shuts itself down daily at the event expiry (UTC)', () => {
    expect(shutdown).toMatchObject({
      daily_recurrence_time: '0930',
      timezone: 'UTC',
      enabled: true,
    });
  });
  it('has no shutdown schedule when given no time', () => {
    expect(synth({ shutdownTimeUtc: undefined }).shutdown).toBeUndefined();
  });
  it('gets a public IP for RDP only when asked', () => {
    expect(pip).toBeUndefined();
    const withRdp = synth({ publicIp: true });
    expect(withRdp.pip).toMatchObject({ allocation_method: 'Static', sku: 'Standard' });
    expect(withRdp.nic.ip_configuration[0].public_ip_address_id).toMatch(/azurerm_public_ip/);
  });
});
