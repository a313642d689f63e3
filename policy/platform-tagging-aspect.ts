/**
 * Tags every taggable resource of the platform stack as long-lived (lib/tags.ts platformTags).
 * A tag set on the resource wins, except purpose and lifecycle, and an auto_cleanup tag on a
 * platform resource is refused: event cleanup must never be able to select it.
 */
import { IAspect } from 'cdktf';
import { IConstruct } from 'constructs';
import { platformTags, PLATFORM_PURPOSE, PlatformTagsProps, TAG } from '../lib/tags';
import { isTaggable } from './taggable';

export class PlatformTaggingAspect implements IAspect {
  private readonly tags: Record<string, string>;

  constructor(props: PlatformTagsProps) {
    this.tags = platformTags(props);
  }

  visit(node: IConstruct): void {
    if (!isTaggable(node)) return;
    const own = node.tagsInput ?? {};
    if (TAG.autoCleanup in own) {
      throw new Error(
        `${node.node.path}: tag "${TAG.autoCleanup}" on a platform resource would let event cleanup delete it`,
      );
    }
    node.tags = {
      ...this.tags,
      ...own,
      [TAG.purpose]: PLATFORM_PURPOSE,
      [TAG.lifecycle]: 'long-lived',
    };
  }
}
