import { Construct } from 'constructs';
import { SrtContainerGroup, SrtServiceProps } from './srt-container-group';

/** Relay props: the common service props; cpuCores defaults to 2 and memoryGiB to 4. */
export type SrtRelayProps = SrtServiceProps;

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
