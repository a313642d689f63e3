import { ENV, HEALTH_PORT } from '../../lib/contract';
import { PolicyRule, referencedVariable, resources, StackDocument } from '../rule';

const GENERATED = /^\$\{random_password\.[A-Za-z0-9_-]+\.result\}$/;

/** A secure value that comes from a sensitive variable or a generated password. */
function fromSecretInput(value: unknown, document: StackDocument): boolean {
  if (typeof value === 'string' && GENERATED.test(value)) return true;
  const variable = referencedVariable(value);
  return variable !== undefined && document.variable?.[variable]?.sensitive === true;
}

/**
 * A public container group has no NSG, so anyone on the Internet reaches its ports: its SRT
 * listeners must enforce a passphrase from a sensitive variable, and its status port must
 * carry a status token (a secret input) so /status and /metrics answer only with it. NSG rules
 * that admit UDP (the mixers' feed listeners) must name their sources.
 */
export const protectedIngest: PolicyRule = {
  id: 'SC-INGEST',
  description:
    'public SRT listeners enforce a passphrase, public status ports a token, both secret inputs; NSG UDP rules name their sources',
  check({ document }) {
    const findings: string[] = [];
    for (const r of resources(document, 'azurerm_container_group')) {
      if (String(r.config.ip_address_type ?? '').toLowerCase() !== 'public') continue;
      for (const c of (r.config.container ?? []) as Record<string, unknown>[]) {
        const ports = (c.ports ?? []) as Record<string, unknown>[];
        const secure = (c.secure_environment_variables ?? {}) as Record<string, unknown>;
        const udp = ports.some((p) => String(p.protocol).toUpperCase() === 'UDP');
        if (udp && !fromSecretInput(secure[ENV.passphrase], document)) {
          findings.push(
            `azurerm_container_group.${r.name} container ${c.name} exposes SRT publicly without ${ENV.passphrase} from a sensitive variable`,
          );
        }
        const status = ports.some((p) => Number(p.port) === HEALTH_PORT);
        if (status && !fromSecretInput(secure[ENV.statusToken], document)) {
          findings.push(
            `azurerm_container_group.${r.name} container ${c.name} serves status on ${HEALTH_PORT} publicly without ${ENV.statusToken} from a generated password or sensitive variable`,
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
