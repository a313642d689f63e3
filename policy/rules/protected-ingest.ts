import { ENV } from '../../lib/contract';
import { PolicyRule, referencedVariable, resources } from '../rule';

/**
 * A public container group has no NSG, so anyone can reach its SRT ports: each one must
 * enforce a passphrase that comes from a sensitive variable. NSG rules that admit SRT must
 * name their sources.
 */
export const protectedIngest: PolicyRule = {
  id: 'SC-INGEST',
  description: 'SRT ingest is allowed only from declared sources or protected by a passphrase',
  check({ document }) {
    const findings: string[] = [];
    for (const r of resources(document, 'azurerm_container_group')) {
      if (String(r.config.ip_address_type ?? '').toLowerCase() !== 'public') continue;
      for (const c of (r.config.container ?? []) as Record<string, unknown>[]) {
        const udp = ((c.ports ?? []) as Record<string, unknown>[]).some(
          (p) => String(p.protocol).toUpperCase() === 'UDP',
        );
        if (!udp) continue;
        const secure = (c.secure_environment_variables ?? {}) as Record<string, unknown>;
        const variable = referencedVariable(secure[ENV.passphrase]);
        if (!variable || document.variable?.[variable]?.sensitive !== true) {
          findings.push(
            `azurerm_container_group.${r.name} container ${c.name} exposes SRT publicly without ${ENV.passphrase} from a sensitive variable`,
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
          `azurerm_network_security_rule.${r.name} admits UDP from ${sources.join(', ') || 'nowhere named'}; list the venue's CIDRs`,
        );
      }
    }
    return findings;
  },
};
