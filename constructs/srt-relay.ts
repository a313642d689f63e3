import { Construct } from 'constructs';
import { ENV, formatOutputAudio, OutputAudio } from '../lib/contract';
import { SrtContainerGroup, SrtServiceProps } from './srt-container-group';

/** Relay props: the common service props (cpuCores defaults to 2, memoryGiB to 4) and: */
export interface SrtRelayProps extends SrtServiceProps {
  /**
   * Each language's audio in the program feed, in language order (lib/event-languages.ts).
   * @default - language i takes audio track i, no floor
   */
  readonly audio?: readonly OutputAudio[];
}

/**
 * The program feed relay: the venue calls in on UDP 9998; each language's output carries the
 * video untouched and exactly one audio stream, that language's (OUTPUT_AUDIO).
 */
export class SrtRelay extends SrtContainerGroup {
  constructor(scope: Construct, id: string, props: SrtRelayProps) {
    const audio = props.audio ?? props.languages.map((_, i) => ({ source: { track: i + 1 } }));
    if (audio.length !== props.languages.length) {
      throw new Error(
        `audio has ${audio.length} entries for ${props.languages.length} languages; give one per language`,
      );
    }
    super(scope, id, {
      ...props,
      feed: 'program',
      outputNames: props.languages,
      cpuCores: props.cpuCores ?? 2,
      memoryGiB: props.memoryGiB ?? 4,
      environment: { [ENV.outputAudio]: formatOutputAudio(audio) },
    });
  }
}
