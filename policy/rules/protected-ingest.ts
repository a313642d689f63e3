import { ENV, HEALTH_PORT } from '../../lib/contract';
import { PolicyRule, referencedVariable, resources, StackDocument } from '../rule';

const GENERATED = /^\$\{random_password\.[A-Za-z0-9_-]+\.result\}$/;

const VAULT_URI = /^\$\{azurerm_key_vault\.[A-Za-z0-9_-]+\.vault_uri\}$/;

/** A secure value that comes from a sensitive variable or a generated password. */
function fromSecretInput(value: unknown, document: StackDocument): boolean {
  if (typeof value === 'string' && GENERATED.test(value)) return true;
  const variable = referencedVariable(value);
  return variable !== undefined && document.variable?.[variable]?.sensitive === true;
}

/**
 * The container reads a secret from the stack's Key Vault: it names the vault (an
 * azurerm_key_vault's vault_uri) and the secret (in the *_SECRET variable given), and its group
 * carries an identity to read with.
 */
function fromVault(
  group: Record<string, unknown>,
  env: Record<string, unknown>,
  secretVariable: string,
): boolean {
  const secretName = env[secretVariable];
  return (
    typeof secretName === 'string' &&
    secretName.length > 0 &&
    VAULT_URI.test(String(env[ENV.keyVaultUrl] ?? '')) &&
    group.identity !== undefined
  );
}

/**
 * A public container group has no NSG, so anyone on the Internet reaches its ports: its SRT
 * listeners must enforce a passphrase read from the event's Key Vault, and its status port must
 * have a status token so /status and /metrics answer only with it: read from the vault
 * (STATUS_TOKEN_SECRET, what the stack does), or a secure STATUS_TOKEN from a secret input
 * (still allowed: SC-SECRETS keeps variables out of state). NSG rules that admit UDP (the
 * mixers' feed listeners) must name their sources.
 */
export const protectedIngest: PolicyRule = {
  id: 'SC-INGEST',
  description:
    'public SRT listeners enforce a passphrase from Key Vault, public status ports a token from Key Vault or a secret input; NSG UDP rules name their sources',
  check({ document }) {
    const findings: string[] = [];
    for (const r of resources(document, 'azurerm_container_group')) {
      if (String(r.config.ip_address_type ?? '').toLowerCase() !== 'public') continue;
      for (const c of (r.config.container ?? []) as Record<string, unknown>[]) {
        const ports = (c.ports ?? []) as Record<string, unknown>[];
        const secure = (c.secure_environment_variables ?? {}) as Record<string, unknown>;
        const env = (c.environment_variables ?? {}) as Record<string, unknown>;
        const udp = ports.some((p) => String(p.protocol).toUpperCase() === 'UDP');
        if (udp && !fromVault(r.config, env, ENV.passphraseSecret)) {
          findings.push(
            `azurerm_container_group.${r.name} container ${c.name} exposes SRT publicly without a passphrase from Key Vault (${ENV.keyVaultUrl} of an azurerm_key_vault, ${ENV.passphraseSecret}, and an identity)`,
          );
        }
        const status = ports.some((p) => Number(p.port) === HEALTH_PORT);
        const token =
          fromVault(r.config, env, ENV.statusTokenSecret) ||
          fromSecretInput(secure[ENV.statusToken], document);
        if (status && !token) {
          findings.push(
            `azurerm_container_group.${r.name} container ${c.name} serves status on ${HEALTH_PORT} publicly without a status token (${ENV.statusTokenSecret} from Key Vault, or ${ENV.statusToken} from a generated password or sensitive variable)`,
          );
        }
      }
    }
    for (const r of resources(document, 'azurerm_network_security_rule')) {
      if (
        String(r.config.protocol).toLowerCase() !== 'udp' ||
        String(r.config.access).toLowerCase() !== 'allow'
      )
        continue;
      const sources = [
        r.config.source_address_prefix,
        ...((r.config.source_address_prefixes as unknown[]) ?? []),
      ]
        .filter((s) => s !== undefined)
        .map(String);
      if (
        sources.length === 0 ||
        sources.some((s) => ['*', 'internet', 'any', '0.0.0.0/0'].includes(s.toLowerCase()))
      ) {
        findings.push(
          `azurerm_network_security_rule.${r.name} admits UDP from ${sources.join(', ') || 'nowhere named'}; name its sources (CIDRs or a regional service tag)`,
        );
      }
    }
    return findings;
  },
};
