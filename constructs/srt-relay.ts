import { Construct } from 'constructs';
import { RegistryPull, SrtContainerGroup } from './srt-container-group';

export interface SrtRelayProps {
  readonly name: string;
  readonly dnsNameLabel: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** srt-relay image (containers/srt-relay). */
  readonly image: string;
  readonly eventSlug: string;
  /** One program output per language mixer, in order. */
  readonly languages: readonly string[];
  /** Sensitive SRT passphrase variable's value. */
  readonly passphrase: string;
  /** @default 2 */
  readonly cpuCores?: number;
  /** @default 4 */
  readonly memoryGiB?: number;
  /** @default 200 */
  readonly srtLatencyMs?: number;
  /** @default - anonymous pull */
  readonly registryPull?: RegistryPull;
}

/**
 * The program feed relay: the venue calls in on UDP 9998 and every language mixer pulls an
 * identical copy from its own port (10001, 10002, ...).
 */
export class SrtRelay extends SrtContainerGroup {
  constructor(scope: Construct, id: string, props: SrtRelayProps) {
    super(scope, id, {
      ...props,
      feed: 'program',
      outputNames: props.languages,
      cpuCores: props.cpuCores ?? 2,
      memoryGiB: props.memoryGiB ?? 4,
    });
  }
}
