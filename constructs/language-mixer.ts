import { DevTestGlobalVmShutdownSchedule } from '@cdktf/provider-azurerm/lib/dev-test-global-vm-shutdown-schedule';
import { NetworkInterface } from '@cdktf/provider-azurerm/lib/network-interface';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { VirtualMachineExtension } from '@cdktf/provider-azurerm/lib/virtual-machine-extension';
import { WindowsVirtualMachine } from '@cdktf/provider-azurerm/lib/windows-virtual-machine';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FeedKind, MIXER_INPUT_PORTS } from '../lib/contract';
import { MixerImage } from '../lib/event-model';
import { buildMixerModel, MixerModel } from '../lib/mixer-model';
import { OBS_SECRET_SLOTS, obsArgs, renderObsFiles } from '../lib/mixer-obs';
import { EventNames } from '../lib/naming';
import { KEY_VAULT_API_VERSION, KEY_VAULT_RESOURCE, VAULT_SECRETS } from '../lib/secrets';
import { mixerTags } from '../lib/tags';
import { SecretsReader } from './event-secrets';

export interface LanguageMixerProps {
  readonly names: EventNames;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Position in the event's language list; fixes the computer name. */
  readonly index: number;
  readonly language: string;
  readonly subnetId: string;
  /** Static private address, 10.42.2.(11 + index) by the event model. */
  readonly privateIp: string;
  /** @default "inset" - program full frame, slides at the bottom right (lib/mixer-model.ts) */
  readonly layout?: string;
  /** @default - YouTube's primary RTMPS ingest */
  readonly destinationUrl?: string;
  /**
   * The event's vault and reader identity: the VM carries the identity and its configure script
   * reads the admin password, the stream key and the passphrase from the vault, so none is in
   * the extension's settings or in Terraform state.
   */
  readonly secretsReader: SecretsReader;
  /**
   * The admin password the VM is created with (a random_password result, so in state: Azure
   * takes a Windows VM's password only at creation and has no write-only form). The configure
   * script replaces it with the vault's mixer-admin-password before anything else, so the
   * value in state stops working minutes after creation; nothing else carries it.
   */
  readonly bootstrapAdminPassword: string;
  /**
   * UTC time of day, "HHmm", at which the VM shuts itself down: the event's expiry.
   * @default - no auto-shutdown schedule
   */
  readonly shutdownTimeUtc?: string;
  /** @default "streamadmin" */
  readonly adminUsername?: string;
  /** @default "Standard_D2s_v3" */
  readonly vmSize?: string;
  /** @default { kind: "marketplace" } - Windows Server 2022, OBS installed at first boot */
  readonly image?: MixerImage;
  /** @default 200 */
  readonly srtLatencyMs?: number;
  /**
   * Give the VM a public IP: the relay and the splitter push the feeds to it (their egress is
   * outside the VNet), and operators RDP to it where the NSG lets them. @default false
   */
  readonly publicIp?: boolean;
}

const CONFIGURE_OBS = fs.readFileSync(path.join(__dirname, 'assets', 'configure-obs.ps1'), 'utf8');

/**
 * configure-obs.ps1 with its generated block: OBS's files (base64, secret slots unfilled), the
 * slot names, OBS's arguments and the SRT ports. Plain custom data: it holds no secret.
 */
export function configureObsScript(model: MixerModel): string {
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const files = Object.entries(renderObsFiles(model)).map(
    ([p, text]) => `  ${q(p)} = ${q(Buffer.from(text, 'utf8').toString('base64'))}`,
  );
  const block = [
    '$Files = [ordered]@{',
    ...files,
    '}',
    `$SlotPassphrase = ${q(OBS_SECRET_SLOTS.passphrase)}`,
    `$SlotStreamKey = ${q(OBS_SECRET_SLOTS.streamKey)}`,
    // Portable mode and no updater on the VM; the rest is what the Xvfb proof runs.
    `$ObsArguments = ${q(['--portable', '--disable-updater', ...obsArgs(model)].join(' '))}`,
    `$SrtPorts = @(${model.inputs.programPort}, ${model.inputs.slidesPort})`,
    `$KeyVaultResource = ${q(KEY_VAULT_RESOURCE)}`,
    `$KeyVaultApiVersion = ${q(KEY_VAULT_API_VERSION)}`,
  ].join('\n');
  return CONFIGURE_OBS.replace('# @@GENERATED@@', block);
}

/**
 * One Windows VM running OBS for one language: receives program and slides from the relay and
 * the splitter on its SRT listeners, streams to that language's YouTube channel, and shuts itself down at the event's
 * expiry if teardown never comes.
 */
export class LanguageMixer extends Construct {
  readonly vm: WindowsVirtualMachine;
  readonly nic: NetworkInterface;
  readonly publicIp?: PublicIp;
  readonly computerName: string;
  readonly privateIp: string;
  readonly model: MixerModel;

  constructor(scope: Construct, id: string, props: LanguageMixerProps) {
    super(scope, id);
    const { names, index, language, resourceGroupName, location } = props;
    const adminUsername = props.adminUsername ?? 'streamadmin';
    const image = props.image ?? { kind: 'marketplace' };
    this.computerName = names.computerName(index, language);
    this.privateIp = props.privateIp;
    this.model = buildMixerModel({
      eventName: names.slug,
      language,
      layout: props.layout,
      destinationUrl: props.destinationUrl,
      srtLatencyMs: props.srtLatencyMs,
    });

    if (props.publicIp) {
      this.publicIp = new PublicIp(this, 'public-ip', {
        name: names.publicIp(index, language),
        resourceGroupName,
        location,
        allocationMethod: 'Static',
        sku: 'Standard',
      });
    }
    this.nic = new NetworkInterface(this, 'nic', {
      name: names.networkInterface(index, language),
      resourceGroupName,
      location,
      ipConfiguration: [
        {
          name: 'primary',
          subnetId: props.subnetId,
          privateIpAddressAllocation: 'Static',
          privateIpAddress: props.privateIp,
          publicIpAddressId: this.publicIp?.id,
        },
      ],
    });

    this.vm = new WindowsVirtualMachine(this, 'vm', {
      name: names.virtualMachine(index, language),
      computerName: this.computerName,
      resourceGroupName,
      location,
      size: props.vmSize ?? 'Standard_D2s_v3',
      adminUsername,
      adminPassword: props.bootstrapAdminPassword,
      networkInterfaceIds: [this.nic.id],
      osDisk: {
        name: names.osDisk(index, language),
        caching: 'ReadWrite',
        storageAccountType: 'StandardSSD_LRS',
      },
      ...(image.kind === 'custom'
        ? { sourceImageId: image.imageId }
        : {
            sourceImageReference: {
              publisher: 'MicrosoftWindowsServer',
              offer: 'WindowsServer',
              sku: '2022-datacenter-azure-edition',
              version: 'latest',
            },
          }),
      // The configure script and OBS's files travel as custom data (no secrets in them).
      customData: Buffer.from(configureObsScript(this.model), 'utf8').toString('base64'),
      // A Windows Update reboot in the middle of a live stream is the failure to avoid.
      patchMode: 'Manual',
      automaticUpdatesEnabled: false,
      bootDiagnostics: {},
      // The configure script reads the vault with this identity (IMDS, client id given).
      identity: { type: 'UserAssigned', identityIds: [props.secretsReader.identityId] },
      // Status and health find each language's VM by these (the stack's tags are added too).
      tags: mixerTags(language),
    });

    // The command runs as -EncodedCommand (UTF-16LE base64, made by terraform at apply) so
    // neither cmd.exe nor quoting can reinterpret it. It names the vault, the reader identity
    // and the secrets; the script fetches the admin password, the stream key and the
    // passphrase itself, so none is in these settings or in state. Built with join() rather
    // than string interpolation: cdktf renders nested "${}" inside function arguments
    // unreliably. Forward slashes keep HCL escapes out of the paths.
    const reader = props.secretsReader;
    const script = Fn.join('', [
      'New-Item -ItemType Directory -Force C:/stream-control | Out-Null; ',
      'Copy-Item C:/AzureData/CustomData.bin C:/stream-control/configure-obs.ps1 -Force; ',
      `. C:/stream-control/configure-obs.ps1 -AdminUser ${adminUsername} -VaultUrl `,
      reader.vaultUrl,
      ' -ClientId ',
      reader.clientId,
      ` -PassphraseSecret ${VAULT_SECRETS.passphrase} -StreamKeySecret ${VAULT_SECRETS.streamKey(language)}`,
      ` -AdminPasswordSecret ${VAULT_SECRETS.mixerAdminPassword}`,
    ]);
    const command = Fn.join('', [
      'powershell.exe -NoProfile -ExecutionPolicy Bypass -EncodedCommand ',
      Fn.textencodebase64(script, 'UTF-16LE'),
    ]);
    new VirtualMachineExtension(this, 'configure-obs', {
      name: 'configure-obs',
      virtualMachineId: this.vm.id,
      publisher: 'Microsoft.Compute',
      type: 'CustomScriptExtension',
      typeHandlerVersion: '1.10',
      autoUpgradeMinorVersion: true,
      // Protected settings are encrypted to the VM and never returned by Azure's API.
      protectedSettings: Fn.jsonencode({ commandToExecute: command }),
      // The script's first vault read needs the reader's policy and the secrets.
      dependsOn: [...(reader.dependsOn ?? [])],
    });

    if (props.shutdownTimeUtc !== undefined) {
      new DevTestGlobalVmShutdownSchedule(this, 'auto-shutdown', {
        virtualMachineId: this.vm.id,
        location,
        enabled: true,
        dailyRecurrenceTime: props.shutdownTimeUtc,
        timezone: 'UTC',
        notificationSettings: { enabled: false },
      });
    }
  }

  /**
   * "host:port" the relay (program) or the splitter (slides) pushes to, for SRT_OUTPUT_TARGETS:
   * the public IP when the VM has one (the relay and the splitter run outside the VNet), else
   * the private address.
   */
  inputAddress(feed: FeedKind): string {
    return `${this.publicIp?.ipAddress ?? this.privateIp}:${MIXER_INPUT_PORTS[feed]}`;
  }

  /** "host:3389" for the operator's RDP client, when the VM has a public IP. */
  get rdpTarget(): string | undefined {
    return this.publicIp ? `${this.publicIp.ipAddress}:3389` : undefined;
  }
}
