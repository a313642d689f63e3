import { Construct } from 'constructs';
import { DEFAULTS, ENV } from '../lib/contract';
import { RegistryPull, SrtContainerGroup } from './srt-container-group';

export interface SlideSplitterProps {
  readonly name: string;
  readonly dnsNameLabel: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** slide-splitter image (containers/slide-splitter). */
  readonly image: string;
  readonly eventSlug: string;
  /** One slides output per language mixer, in order. */
  readonly languages: readonly string[];
  /** Sensitive SRT passphrase variable's value. */
  readonly passphrase: string;
  /** @default 1 */
  readonly cpuCores?: number;
  /** @default 2 */
  readonly memoryGiB?: number;
  /** @default 200 */
  readonly srtLatencyMs?: number;
  /** How 32:9 slides become 16:9. @default "crop" */
  readonly slideFit?: 'crop' | 'letterbox';
  /** @default - anonymous pull */
  readonly registryPull?: RegistryPull;
}

/**
 * The slides feed: 3840x1080 arrives on UDP 9999, leaves as 1920x1080 to every mixer on its
 * own port (10101, 10102, ...).
 */
export class SlideSplitter extends SrtContainerGroup {
  constructor(scope: Construct, id: string, props: SlideSplitterProps) {
    super(scope, id, {
      ...props,
      feed: 'slides',
      outputNames: props.languages,
      cpuCores: props.cpuCores ?? 1,
      memoryGiB: props.memoryGiB ?? 2,
      environment: {
        [ENV.slideFit]: props.slideFit ?? DEFAULTS.slideFit,
        [ENV.outputSize]: DEFAULTS.outputSize,
      },
    });
  }
}
