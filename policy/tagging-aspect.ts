import { IAspect } from 'cdktf';
import { IConstruct } from 'constructs';
import { isTaggable } from './taggable';

/**
 * Puts the stack's tags on every taggable resource. A tag the resource already sets wins,
 * so a construct can specialize (for example role=language-mixer) without fighting this.
 */
export class TaggingAspect implements IAspect {
  constructor(private readonly tags: Readonly<Record<string, string>>) {}

  visit(node: IConstruct): void {
    if (!isTaggable(node)) return;
    node.tags = { ...this.tags, ...(node.tagsInput ?? {}) };
  }
}
