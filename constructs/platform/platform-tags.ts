/**
 * Tags every taggable resource of the platform stack as long-lived. Event cleanup selects
 * resource groups by `auto_cleanup=true` and `purpose=streaming`; these tags can match neither,
 * and the aspect refuses an `auto_cleanup` tag set by hand, whatever its value, because a
 * cleanup that lists by tag name alone would otherwise pick the platform up.
 */
import { IAspect, TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';

export const PLATFORM_PURPOSE = 'streaming-platform';
export const CLEANUP_TAG = 'auto_cleanup';

export interface PlatformTagsProps {
  readonly environment: string;
  /** @default {} - no extra tags */
  readonly extraTags?: Readonly<Record<string, string>>;
}

/** The platform's tag set; exported so tests and status output show the same thing. */
export function platformTags(props: PlatformTagsProps): Record<string, string> {
  const tags: Record<string, string> = {
    ...(props.extraTags ?? {}),
    purpose: PLATFORM_PURPOSE,
    lifecycle: 'long-lived',
    environment: props.environment,
    'managed-by': 'stream-control',
  };
  if (CLEANUP_TAG in tags) {
    throw new Error(
      `platform tag "${CLEANUP_TAG}" is not allowed: event cleanup must never match the platform`,
    );
  }
  return tags;
}

interface Taggable {
  tags?: Record<string, string>;
  tagsInput?: unknown;
}

export class PlatformTags implements IAspect {
  private readonly tags: Record<string, string>;

  constructor(props: PlatformTagsProps) {
    this.tags = platformTags(props);
  }

  visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource) || !('tagsInput' in node)) return;
    const resource = node as unknown as Taggable;
    const own = (resource.tagsInput as Record<string, string> | undefined) ?? {};
    if (CLEANUP_TAG in own) {
      throw new Error(
        `${node.node.path}: tag "${CLEANUP_TAG}" on a platform resource would let event cleanup delete it`,
      );
    }
    // A tag set on the resource wins, except the two that keep cleanup away.
    resource.tags = {
      ...this.tags,
      ...own,
      purpose: PLATFORM_PURPOSE,
      lifecycle: 'long-lived',
    };
  }
}
