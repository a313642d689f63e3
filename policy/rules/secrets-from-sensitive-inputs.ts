import { PolicyRule, resources, StackDocument } from '../rule';

const GENERATED = /^\$\{random_password\.[A-Za-z0-9_-]+\.result\}$/;
const SECRET_NAME = /(key|passphrase|password|secret|token)/i;
/** A version number of secrets ("secrets_version") names secrets without being one. */
const VERSION_NAME = /(^|_)version$/i;
const VARIABLE_REFERENCE = /\bvar\.([A-Za-z0-9_-]+)/g;

/** Variables whose names say they carry a secret. */
function secretVariables(document: StackDocument): string[] {
  return Object.keys(document.variable ?? {}).filter(
    (name) => SECRET_NAME.test(name) && !VERSION_NAME.test(name),
  );
}

/** Every string in a block with its path ("container[0].secure_environment_variables.X"). */
function* strings(value: unknown, path: string): Generator<[string, string, string]> {
  if (typeof value === 'string') {
    const leaf = path.slice(path.lastIndexOf('.') + 1);
    yield [path, leaf, value];
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* strings(item, `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
  }
}

/** Where a secret variable flows other than into a write-only argument or its own validation. */
function leaks(document: StackDocument, secret: ReadonlySet<string>): string[] {
  const findings: string[] = [];
  const check = (where: string, block: unknown, allowed: (leaf: string) => boolean) => {
    for (const [path, leaf, text] of strings(block, '')) {
      for (const [, variable] of text.matchAll(VARIABLE_REFERENCE)) {
        if (!secret.has(variable) || allowed(leaf)) continue;
        findings.push(
          `${where} ${path} takes var.${variable}; a secret may flow only into a write-only argument (name ending "_wo"), never into stored state`,
        );
      }
    }
  };
  // Every block: outputs, data sources, providers, locals and modules may all reach state.
  for (const [block, content] of Object.entries(document as Record<string, unknown>)) {
    if (block === 'variable') {
      for (const [name, v] of Object.entries(document.variable ?? {})) {
        // Its own validation may read it; another variable's may not (its messages can quote it).
        const { validation, ...rest } = v;
        check(`variable ${name}`, rest, () => false);
        for (const [path, , text] of strings(validation, 'validation')) {
          for (const [, other] of text.matchAll(VARIABLE_REFERENCE)) {
            if (secret.has(other) && other !== name)
              findings.push(
                `variable ${name} ${path} takes var.${other}, another variable's secret`,
              );
          }
        }
      }
    } else if (block === 'resource') {
      for (const r of resources(document)) {
        // Write-only arguments are sent to the provider and never stored in plan or state.
        check(`${r.type}.${r.name}`, r.config, (leaf) => leaf.endsWith('_wo'));
      }
    } else if (block === 'output') {
      for (const [name, o] of Object.entries(document.output ?? {}))
        check(`output ${name}`, o, () => false);
    } else {
      check(block, content, () => false);
    }
  }
  return findings;
}

/**
 * Secrets never reach Terraform state. A secret-looking variable is sensitive (kept out of
 * output and logs), ephemeral (terraform itself refuses it anywhere but write-only arguments
 * and other ephemeral contexts) and has no default; it flows only into write-only arguments
 * ("_wo", such as the Key Vault secrets' value_wo), which terraform never stores. VM passwords
 * come from a generated password, never a literal in the synthesized JSON and committed HCL.
 */
export const secretsFromSensitiveInputs: PolicyRule = {
  id: 'SC-SECRETS',
  description:
    'secret variables are sensitive, ephemeral, without default, and flow only into write-only arguments; VM passwords are generated',
  check({ document }) {
    const findings: string[] = [];
    for (const type of ['azurerm_windows_virtual_machine', 'azurerm_linux_virtual_machine']) {
      for (const r of resources(document, type)) {
        const value = r.config.admin_password;
        if (value === undefined || GENERATED.test(String(value))) continue;
        findings.push(`${type}.${r.name} admin_password is not a generated password`);
      }
    }
    const secret = secretVariables(document);
    for (const name of secret) {
      const v = document.variable![name];
      if (v.sensitive !== true)
        findings.push(`variable ${name} looks like a secret but is not sensitive`);
      if (v.ephemeral !== true)
        findings.push(
          `variable ${name} looks like a secret but is not ephemeral (addOverride('ephemeral', true))`,
        );
      if (v.default !== undefined)
        findings.push(`variable ${name} looks like a secret but has a default value`);
    }
    return [...findings, ...leaks(document, new Set(secret))];
  },
};
