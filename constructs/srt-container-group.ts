import { ContainerGroup } from '@cdktf/provider-azurerm/lib/container-group';
import { Construct } from 'constructs';
import { DEFAULTS, ENV, FEEDS, FeedKind, HEALTH_PATHS, HEALTH_PORT } from '../lib/contract';
import {
  AciPort,
  healthProbe,
  identityProps,
  publicLinuxGroupProps,
  RegistryPull,
} from './aci-group';
import { SecretsReader } from './event-secrets';
import { vaultReaderEnv } from '../lib/secrets';

// Re-exported: the stacks import the pull settings from here.
export type { RegistryPull } from './aci-group';

/** What the relay and the splitter both take; each states its own size defaults. */
export interface SrtServiceProps {
  readonly name: string;
  /** Public DNS label; the ingest and output URLs use the FQDN Azure derives from it. */
  readonly dnsNameLabel: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** The image built from containers/ for this service. */
  readonly image: string;
  readonly eventSlug: string;
  /** One output per language mixer, in order. */
  readonly languages: readonly string[];
  /**
   * Push delivery: "host:port" of each language's mixer SRT listener for this feed, in language
   * order (Terraform references allowed, e.g. a mixer's public IP).
   */
  readonly outputTargets: readonly string[];
  /**
   * The event's vault and reader identity: the part reads the SRT passphrase and the status
   * token from the vault at start, so no resource attribute, and no Terraform state, holds them.
   */
  readonly secretsReader: SecretsReader;
  /** @default - 2 for the relay, 1 for the splitter */
  readonly cpuCores?: number;
  /** @default - 4 for the relay, 2 for the splitter */
  readonly memoryGiB?: number;
  /** @default 200 */
  readonly srtLatencyMs?: number;
  /** @default - anonymous pull (a public image) */
  readonly registryPull?: RegistryPull;
}

export interface SrtContainerGroupProps {
  readonly name: string;
  /** Public DNS label; the ingest and output URLs use the FQDN Azure derives from it. */
  readonly dnsNameLabel: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly image: string;
  readonly feed: FeedKind;
  readonly eventSlug: string;
  /** One output per mixer, in language order; also the labels in status and metrics. */
  readonly outputNames: readonly string[];
  /** "host:port" of each mixer's SRT listener, same order and count as outputNames. */
  readonly outputTargets: readonly string[];
  /**
   * The event's vault and reader identity: the part reads the SRT passphrase and the status
   * token from the vault at start, so no resource attribute, and no Terraform state, holds them.
   */
  readonly secretsReader: SecretsReader;
  /** @default 2 */
  readonly cpuCores?: number;
  /** @default 4 */
  readonly memoryGiB?: number;
  /** @default 200 */
  readonly srtLatencyMs?: number;
  /** @default 5000 */
  readonly peerIdleTimeoutMs?: number;
  /** Extra plain environment for the image. @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default - anonymous pull (a public image) */
  readonly registryPull?: RegistryPull;
}

/**
 * A public Linux container group running one media image of this project: an SRT listener
 * for the venue on the feed's ingest port and the health server, nothing else. It pushes the
 * feed to every mixer's listener (SRT_OUTPUT_TARGETS), so its public ports stay two whatever
 * the number of languages (ACI allows 5 per IP). Public because Azure offers no UDP path into
 * a VNet container group; the SRT passphrase with enforced encryption protects it instead
 * (help/ingest.md).
 */
export class SrtContainerGroup extends Construct {
  readonly group: ContainerGroup;
  readonly feed: FeedKind;

  constructor(scope: Construct, id: string, props: SrtContainerGroupProps) {
    super(scope, id);
    if (props.outputTargets.length !== props.outputNames.length) {
      throw new Error(
        `outputTargets has ${props.outputTargets.length} entries for ${props.outputNames.length} outputs; give one mixer address per output`,
      );
    }
    this.feed = props.feed;
    const ingestPort = FEEDS[props.feed].ingestPort;
    const ports: AciPort[] = [
      { port: ingestPort, protocol: 'UDP' },
      { port: HEALTH_PORT, protocol: 'TCP' },
    ];

    this.group = new ContainerGroup(this, 'group', {
      ...publicLinuxGroupProps({ ...props, ports }),
      ...identityProps(props.registryPull, props.secretsReader.identityId),
      container: [
        {
          name: props.feed === 'program' ? 'srt-relay' : 'slide-splitter',
          image: props.image,
          cpu: props.cpuCores ?? 2,
          memory: props.memoryGiB ?? 4,
          ports,
          environmentVariables: {
            [ENV.eventName]: props.eventSlug,
            [ENV.ingestPort]: String(ingestPort),
            [ENV.outputTargets]: props.outputTargets.join(','),
            [ENV.outputNames]: props.outputNames.join(','),
            [ENV.latencyMs]: String(props.srtLatencyMs ?? DEFAULTS.latencyMs),
            [ENV.peerIdleTimeoutMs]: String(props.peerIdleTimeoutMs ?? DEFAULTS.peerIdleTimeoutMs),
            [ENV.healthPort]: String(HEALTH_PORT),
            ...vaultReaderEnv(props.secretsReader),
            ...props.environment,
          },
          // No secure variables: even those are in state; every secret comes from the vault.
          // ACI routes no traffic to a container whose readiness probe fails, so both probes
          // mean "processes up and listening", never "the feed has arrived": the venue must be
          // able to connect before it sends. Feed presence is in /status only.
          livenessProbe: healthProbe(HEALTH_PATHS.live, 30),
          readinessProbe: healthProbe(HEALTH_PATHS.ready, 10),
        },
      ],
      dependsOn: [...(props.secretsReader.dependsOn ?? [])],
    });
  }

  get fqdn(): string {
    return this.group.fqdn;
  }

  /** Where the venue encoder sends this feed (caller mode, with the event passphrase). */
  get ingestUrl(): string {
    return `srt://${this.group.fqdn}:${FEEDS[this.feed].ingestPort}`;
  }

  get healthUrl(): string {
    return `http://${this.group.fqdn}:${HEALTH_PORT}${HEALTH_PATHS.live}`;
  }

  /** JSON status; answers only with `Authorization: Bearer <status token>`. */
  get statusUrl(): string {
    return `http://${this.group.fqdn}:${HEALTH_PORT}${HEALTH_PATHS.status}`;
  }
}
