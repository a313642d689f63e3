import { IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { aciPorts } from './rules/aci-ports';
import { noAdminPortsFromInternet } from './rules/no-admin-ports-from-internet';
import { protectedIngest } from './rules/protected-ingest';
import { requiredTags } from './rules/required-tags';
import { secretsFromSensitiveInputs } from './rules/secrets-from-sensitive-inputs';
import { PolicyRule, StackDocument } from './rule';
import { isTaggable } from './taggable';

/** The project's rule pack. */
export const STREAM_CONTROL_RULES: readonly PolicyRule[] = [
  requiredTags,
  noAdminPortsFromInternet,
  protectedIngest,
  secretsFromSensitiveInputs,
  aciPorts,
];

/**
 * Applies a rule pack to a stack: at validation time (after every other aspect, tags
 * included) it reads the stack's resolved Terraform JSON and fails synth with every finding.
 */
export class PolicyAspect implements IAspect {
  private readonly taggable = new Set<string>();
  private readonly registered = new WeakSet<TerraformStack>();

  constructor(private readonly rules: readonly PolicyRule[] = STREAM_CONTROL_RULES) {}

  visit(node: IConstruct): void {
    if (isTaggable(node))
      this.taggable.add(`${node.terraformResourceType}.${node.friendlyUniqueId}`);
    if (node instanceof TerraformStack && !this.registered.has(node)) {
      this.registered.add(node);
      node.node.addValidation({ validate: () => this.evaluate(node) });
    }
  }

  private evaluate(stack: TerraformStack): string[] {
    // toTerraform resolves every token into "${...}" text, which is what the rules read.
    const document = stack.toTerraform() as StackDocument;
    return this.rules.flatMap((rule) =>
      rule.check({ document, taggable: this.taggable }).map((f) => `[${rule.id}] ${f}`),
    );
  }
}
