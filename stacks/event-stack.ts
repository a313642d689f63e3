import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Password } from '@cdktf/provider-random/lib/password';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Annotations, Aspects, Lazy, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { EventNetwork } from '../constructs/event-network';
import { EventSecrets } from '../constructs/event-secrets';
import { ContainerMixer } from '../constructs/container-mixer';
import { LanguageMixer } from '../constructs/language-mixer';
import { SlideSplitter } from '../constructs/slide-splitter';
import { RegistryPull } from '../constructs/srt-container-group';
import { SrtRelay } from '../constructs/srt-relay';
import { FeedKind } from '../lib/contract';
import { EventConfig } from '../lib/event-model';
import { EVENT_OUTPUTS } from '../lib/stack-outputs';
import { eventTags } from '../lib/tags';
import { PolicyAspect } from '../policy/policy-aspect';
import { TaggingAspect } from '../policy/tagging-aspect';
import { addEventInputs } from './event-inputs';
import { addStateBackend } from './state-backend';

export interface EventStackProps {
  readonly event: EventConfig;
  /** @default - images pulled anonymously */
  readonly registryPull?: RegistryPull;
  /** @default "streamadmin" */
  readonly mixerAdminUsername?: string;
}

/** "HHmm" in UTC, the only form Azure's daily auto-shutdown takes. */
export function shutdownTime(at: Date): string {
  return `${String(at.getUTCHours()).padStart(2, '0')}${String(at.getUTCMinutes()).padStart(2, '0')}`;
}

/**
 * Everything one live event runs in Azure, in one resource group, with its own state. The
 * stack is named by the event slug so `cdktf deploy <slug>` deploys exactly that event.
 */
export class EventStack extends TerraformStack {
  readonly event: EventConfig;
  readonly relay: SrtRelay;
  readonly splitter: SlideSplitter;
  readonly network: EventNetwork;
  readonly secrets: EventSecrets;
  /** One per language, in order: OBS VMs or container mixers, as the event's "mixer" says. */
  readonly mixers: readonly (LanguageMixer | ContainerMixer)[];

  constructor(scope: Construct, props: EventStackProps) {
    const { event } = props;
    super(scope, event.names.stack);
    this.event = event;
    const { names, profile } = event;
    const adminUsername = props.mixerAdminUsername ?? 'streamadmin';

    addStateBackend(this, event);
    new AzurermProvider(this, 'azurerm', {
      features: [
        {
          // Teardown purges the event's vault (its name is fixed per event and environment), and
          // a deploy that finds it soft-deleted recovers it: the same event can come back at once.
          keyVault: [{ purgeSoftDeleteOnDestroy: true, recoverSoftDeletedKeyVaults: true }],
        },
      ],
    });
    const obsMixers = event.mixer === 'obs';
    const inputs = addEventInputs(this, { languages: event.languages, obsMixers });

    const group = new ResourceGroup(this, 'resource-group', {
      name: names.resourceGroup,
      location: profile.location,
    });
    const base = { resourceGroupName: group.name, location: group.location };

    this.secrets = new EventSecrets(this, 'secrets', {
      ...base,
      vaultName: names.keyVault,
      readerName: names.secretsReader,
      passphrase: inputs.passphrase.stringValue,
      streamKeys: new Map(
        [...inputs.streamKeys].map(([language, variable]) => [language, variable.stringValue]),
      ),
      statusToken: inputs.statusToken.stringValue,
      mixerAdminPassword: inputs.mixerAdminPassword?.stringValue,
      secretsVersion: inputs.secretsVersion.numberValue,
    });

    this.network = new EventNetwork(this, 'network', {
      ...base,
      names,
      addressSpace: profile.addressSpace,
      containersSubnet: profile.containersSubnet,
      mixersSubnet: profile.mixersSubnet,
      operatorCidrs: event.operatorCidrs,
      // ACI gives a container group a different, unpublished address for outbound traffic,
      // so the mixers cannot name the relay's; they admit the event region's Azure range.
      mixerFeedSource: `AzureCloud.${profile.location}`,
    });

    // The relay and splitter push to the mixers, which are built below: their addresses are
    // read when the stack is synthesized, after every construct exists.
    const targets = (feed: FeedKind) =>
      event.languages.map((_, i) =>
        Lazy.stringValue({
          produce: () => this.mixers[i].inputAddress(feed),
        }),
      );
    const media = {
      ...base,
      eventSlug: event.slug,
      languages: event.languages,
      secretsReader: this.secrets.readerAccess,
      srtLatencyMs: event.srtLatencyMs,
      registryPull: props.registryPull,
    };
    this.relay = new SrtRelay(this, 'srt-relay', {
      ...media,
      name: names.containerGroup('relay'),
      dnsNameLabel: names.dnsLabel('relay'),
      image: event.relayImage,
      audio: event.audio,
      outputTargets: targets('program'),
      cpuCores: profile.relayCpuCores,
      memoryGiB: profile.relayMemoryGiB,
    });
    this.splitter = new SlideSplitter(this, 'slide-splitter', {
      ...media,
      name: names.containerGroup('splitter'),
      dnsNameLabel: names.dnsLabel('splitter'),
      image: event.splitterImage,
      outputTargets: targets('slides'),
      cpuCores: profile.splitterCpuCores,
      memoryGiB: profile.splitterMemoryGiB,
      slideFit: event.slideFit,
    });

    // Azure wants a Windows VM's admin password at creation and has no write-only form of it,
    // so this one is in state. It only bootstraps: configure-obs.ps1 first sets the admin
    // user's password to the vault's mixer-admin-password (which the engine generates and no
    // state holds), so the value in state stops working minutes after the VM is created.
    const bootstrapPassword = obsMixers ? this.bootstrapPassword() : undefined;

    // Azure's auto-shutdown repeats daily at a time of day: its first run is the expiry only
    // when the event lasts at most 24 h. A longer event would be cut a day in; there the
    // hourly cleanup is the safety net alone.
    const autoShutdown = event.ttlHours <= 24 ? shutdownTime(event.expiresAt) : undefined;
    if (autoShutdown === undefined) {
      Annotations.of(this).addWarning(
        `ttlHours ${event.ttlHours} > 24: mixers get no auto-shutdown (Azure's schedule is daily); cleanup tears the event down at expiry`,
      );
    }

    // Ids use the validated language name, not its position: reordering languages must not
    // replace a running mixer.
    this.mixers = event.languages.map((language, index) =>
      event.mixer === 'container'
        ? new ContainerMixer(this, `container-mixer-${language}`, {
            ...base,
            name: names.mixerContainerGroup(index, language),
            dnsNameLabel: names.mixerDnsLabel(index, language),
            image: event.languageMixerImage,
            eventSlug: event.slug,
            language,
            layout: event.layout,
            secretsReader: this.secrets.readerAccess,
            srtLatencyMs: event.srtLatencyMs,
            expiresAt: event.expiresAt,
            registryPull: props.registryPull,
          })
        : new LanguageMixer(this, `mixer-${language}`, {
            ...base,
            names,
            index,
            language,
            subnetId: this.network.mixersSubnet.id,
            privateIp: event.mixerIps[index],
            secretsReader: this.secrets.readerAccess,
            adminUsername,
            bootstrapAdminPassword: bootstrapPassword!.result,
            shutdownTimeUtc: autoShutdown,
            vmSize: profile.mixerVmSize,
            image: event.mixerImage,
            srtLatencyMs: event.srtLatencyMs,
            layout: event.layout,
            publicIp: true,
          }),
    );

    this.addOutputs(group, adminUsername);
    Aspects.of(this).add(new TaggingAspect(eventTags(event)));
    Aspects.of(this).add(new PolicyAspect());
  }

  private bootstrapPassword(): Password {
    new RandomProvider(this, 'random', {});
    return new Password(this, 'mixer-bootstrap-password', {
      length: 24,
      special: true,
      minLower: 2,
      minUpper: 2,
      minNumeric: 2,
      minSpecial: 2,
      // Characters that survive RDP clients, PowerShell and the Winlogon registry unquoted.
      overrideSpecial: '!#%*-_=+?',
    });
  }

  private addOutputs(group: ResourceGroup, adminUsername: string): void {
    // Output construct ids get a prefix so they never clash with a variable of the same name;
    // the Terraform output keeps the plain name the CLI and dashboard read.
    const out = (name: string, value: unknown, description: string, sensitive = false) =>
      new TerraformOutput(this, `output-${name}`, {
        value,
        description,
        sensitive,
      }).overrideLogicalId(name);
    out(EVENT_OUTPUTS.resourceGroup, group.name, 'Resource group that holds the whole event.');
    out(
      EVENT_OUTPUTS.expiresAt,
      this.event.expiresAt.toISOString(),
      'When cleanup may tear the event down.',
    );
    out(
      EVENT_OUTPUTS.programIngestUrl,
      this.relay.ingestUrl,
      'Venue encoder: program feed (SRT caller, passphrase).',
    );
    out(
      EVENT_OUTPUTS.slidesIngestUrl,
      this.splitter.ingestUrl,
      'Venue encoder: slides feed (SRT caller, passphrase).',
    );
    out(EVENT_OUTPUTS.relayHealthUrl, this.relay.healthUrl, 'Relay liveness endpoint.');
    out(
      EVENT_OUTPUTS.splitterHealthUrl,
      this.splitter.healthUrl,
      'Slide splitter liveness endpoint.',
    );
    out(
      EVENT_OUTPUTS.mixers,
      this.mixers.map((m, i) =>
        m instanceof ContainerMixer
          ? {
              language: this.event.languages[i],
              computer_name: '',
              private_ip: '',
              public_ip: m.fqdn,
              rdp: '',
              status_url: m.statusUrl,
            }
          : {
              language: this.event.languages[i],
              computer_name: m.computerName,
              private_ip: m.privateIp,
              public_ip: m.publicIp?.ipAddress ?? '',
              // RDP only where the NSG admits operators; the public IP also takes the feeds.
              rdp: this.event.operatorCidrs.length > 0 ? (m.rdpTarget ?? '') : '',
            },
      ),
      'One entry per language mixer, in language order.',
    );
    out(EVENT_OUTPUTS.mixerAdminUsername, adminUsername, 'RDP user on every mixer.');
    out(EVENT_OUTPUTS.relayStatusUrl, this.relay.statusUrl, 'Relay JSON status (bearer token).');
    out(
      EVENT_OUTPUTS.splitterStatusUrl,
      this.splitter.statusUrl,
      'Slide splitter JSON status (bearer token).',
    );
    // No secret outputs: an output sits in state in the clear. The passphrase, the status token
    // and the mixers' admin password are in the engine's owner-only files beside the state
    // (`outputs --show-secrets`, live status) and in the event's vault.
  }
}
