import { ContainerGroup } from '@cdktf/provider-azurerm/lib/container-group';
import { Construct } from 'constructs';
import { FeedKind, HEALTH_PATHS, HEALTH_PORT, MIXER_INPUT_PORTS } from '../lib/contract';
import { renderMixerEnv } from '../lib/mixer-env';
import { buildMixerModel, MixerModel } from '../lib/mixer-model';
import {
  AciPort,
  healthProbe,
  identityProps,
  publicLinuxGroupProps,
  RegistryPull,
} from './aci-group';
import { SecretsReader } from './event-secrets';

export interface ContainerMixerProps {
  readonly name: string;
  /** Public DNS label; the relay and the splitter push to the FQDN Azure derives from it. */
  readonly dnsNameLabel: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** The image built from containers/language-mixer. */
  readonly image: string;
  readonly eventSlug: string;
  readonly language: string;
  /** @default "inset" - program full frame, slides at the bottom right */
  readonly layout?: string;
  /**
   * The event's vault and reader identity: the mixer reads its language's stream key, the SRT
   * passphrase and the status token from the vault at start, so no resource attribute, and no
   * state, holds them.
   */
  readonly secretsReader: SecretsReader;
  /** @default - YouTube's primary RTMPS ingest */
  readonly destinationUrl?: string;
  /** @default 200 */
  readonly srtLatencyMs?: number;
  /** The mixer stops streaming by itself at this instant. @default - no expiry */
  readonly expiresAt?: Date;
  /** 1080p30 x264 veryfast plus two decodes took 0.7 of a core here (help/mixers.md). @default 2 */
  readonly cpuCores?: number;
  /** @default 2 */
  readonly memoryGiB?: number;
  /** @default - anonymous pull (a public image) */
  readonly registryPull?: RegistryPull;
}

/**
 * One language's headless mixer: a public Linux container group (Azure offers no UDP path into
 * a VNet container group) with SRT listeners for the relay's and the splitter's pushes,
 * passphrase enforced, and the health port. It composes and streams to the destination.
 */
export class ContainerMixer extends Construct {
  readonly group: ContainerGroup;
  readonly model: MixerModel;
  readonly language: string;

  constructor(scope: Construct, id: string, props: ContainerMixerProps) {
    super(scope, id);
    this.language = props.language;
    this.model = buildMixerModel({
      eventName: props.eventSlug,
      language: props.language,
      layout: props.layout,
      destinationUrl: props.destinationUrl,
      srtLatencyMs: props.srtLatencyMs,
      expiresAt: props.expiresAt,
    });
    const { env } = renderMixerEnv(this.model, { vault: props.secretsReader });
    const ports: AciPort[] = [
      { port: MIXER_INPUT_PORTS.program, protocol: 'UDP' },
      { port: MIXER_INPUT_PORTS.slides, protocol: 'UDP' },
      { port: HEALTH_PORT, protocol: 'TCP' },
    ];
    this.group = new ContainerGroup(this, 'group', {
      ...publicLinuxGroupProps({ ...props, ports }),
      ...identityProps(props.registryPull, props.secretsReader.identityId),
      container: [
        {
          name: 'language-mixer',
          image: props.image,
          cpu: props.cpuCores ?? 2,
          memory: props.memoryGiB ?? 2,
          ports,
          // No secure variables: even those are in state; every secret comes from the vault.
          environmentVariables: env,
          livenessProbe: healthProbe(HEALTH_PATHS.live, 20),
          readinessProbe: healthProbe(HEALTH_PATHS.ready, 5),
        },
      ],
      dependsOn: [...(props.secretsReader.dependsOn ?? [])],
    });
  }

  get fqdn(): string {
    return this.group.fqdn;
  }

  /** The mixer's JSON status (lib/mixer-status.ts); the status token is required. */
  get statusUrl(): string {
    return `http://${this.fqdn}:${HEALTH_PORT}${HEALTH_PATHS.status}`;
  }

  /** "host:port" the relay (program) or the splitter (slides) pushes to, for SRT_OUTPUT_TARGETS. */
  inputAddress(feed: FeedKind): string {
    return `${this.fqdn}:${MIXER_INPUT_PORTS[feed]}`;
  }
}
