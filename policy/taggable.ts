import { TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';

/** A provider resource whose schema has `tags` (the generated class has a tags setter). */
export type TaggableResource = TerraformResource & {
  tags: Record<string, string>;
  /** What the resource itself set; `tags` reads back as a reference token instead. */
  readonly tagsInput?: Record<string, string>;
};

export function isTaggable(node: IConstruct): node is TaggableResource {
  if (!TerraformResource.isTerraformResource(node)) return false;
  for (let proto = Object.getPrototypeOf(node); proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'tags');
    if (descriptor) return typeof descriptor.set === 'function';
  }
  return false;
}
