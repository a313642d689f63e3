import { PolicyRule, resources } from '../rule';

const GENERATED = /^\$\{random_password\.[A-Za-z0-9_-]+\.result\}$/;
const SECRET_NAME = /(key|passphrase|password|secret|token)/i;
/** A version number of secrets ("secrets_version") names secrets without being one. */
const VERSION_NAME = /(^|_)version$/i;

/**
 * VM passwords come from a generated password or a sensitive variable, never a literal that
 * would sit in the synthesized JSON and the committed HCL; secret-looking variables are
 * sensitive and have no default.
 */
export const secretsFromSensitiveInputs: PolicyRule = {
  id: 'SC-SECRETS',
  description: 'VM passwords and keys come only from sensitive variables or generated passwords',
  check({ document }) {
    const findings: string[] = [];
    for (const type of ['azurerm_windows_virtual_machine', 'azurerm_linux_virtual_machine']) {
      for (const r of resources(document, type)) {
        const value = r.config.admin_password;
        if (value === undefined) continue;
        const variable = /^\$\{var\.([A-Za-z0-9_-]+)\}$/.exec(String(value))?.[1];
        const ok =
          GENERATED.test(String(value)) ||
          (variable !== undefined && document.variable?.[variable]?.sensitive === true);
        if (!ok)
          findings.push(
            `${type}.${r.name} admin_password is not a generated password or sensitive variable`,
          );
      }
    }
    for (const [name, v] of Object.entries(document.variable ?? {})) {
      if (!SECRET_NAME.test(name) || VERSION_NAME.test(name)) continue;
      if (v.sensitive !== true)
        findings.push(`variable ${name} looks like a secret but is not sensitive`);
      if (v.default !== undefined)
        findings.push(`variable ${name} looks like a secret but has a default value`);
    }
    return findings;
  },
};
