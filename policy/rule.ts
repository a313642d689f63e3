/** The synthesized stack as Terraform JSON, with every token resolved to "${...}" text. */
export interface StackDocument {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly variable?: Record<
    string,
    { sensitive?: boolean; ephemeral?: boolean; default?: unknown; validation?: unknown }
  >;
  readonly output?: Record<string, unknown>;
}

export interface ResourceRef {
  readonly type: string;
  readonly name: string;
  readonly config: Record<string, unknown>;
}

export interface RuleContext {
  readonly document: StackDocument;
  /** Addresses ("type.name") of resources whose schema has tags. */
  readonly taggable: ReadonlySet<string>;
}

/** One security or hygiene rule, in the spirit of a cdk-nag rule. */
export interface PolicyRule {
  /** Stable id shown in every finding, e.g. "SC-NSG-ADMIN". */
  readonly id: string;
  readonly description: string;
  /** One message per violation, each naming the resource and what to change. */
  check(context: RuleContext): string[];
}

export function resources(document: StackDocument, type?: string): ResourceRef[] {
  const out: ResourceRef[] = [];
  for (const [t, byName] of Object.entries(document.resource ?? {})) {
    if (type && t !== type) continue;
    for (const [name, config] of Object.entries(byName)) out.push({ type: t, name, config });
  }
  return out;
}

/** A value is a reference when it is entirely one Terraform interpolation. */
export function referencedVariable(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\$\{var\.([A-Za-z0-9_-]+)\}$/.exec(value);
  return match?.[1];
}
