import { Construct } from 'constructs';
import { DEFAULTS, ENV } from '../lib/contract';
import { SrtContainerGroup, SrtServiceProps } from './srt-container-group';

/** Splitter props: the common service props (cpuCores defaults to 1, memoryGiB to 2) and: */
export interface SlideSplitterProps extends SrtServiceProps {
  /** How 32:9 slides become 16:9. @default "crop" */
  readonly slideFit?: 'crop' | 'letterbox';
}

/**
 * The slides feed: 3840x1080 arrives on the slides ingest port (lib/contract.ts FEEDS), leaves
 * as 1920x1080, pushed to every mixer's slides listener (MIXER_INPUT_PORTS.slides).
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
