import { PolicyRule, resources } from '../rule';

const ADMIN_PORTS = [3389, 8080];
const ANYWHERE = new Set(['*', 'internet', 'any', '0.0.0.0/0', '0.0.0.0', '::/0']);

function coversPort(range: string, port: number): boolean {
  if (range === '*') return true;
  const [low, high = low] = range.split('-').map(Number);
  return port >= low && port <= high;
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? [value] : [];
}

/** RDP and the health port are for operators; an open one is how VMs get taken over. */
export const noAdminPortsFromInternet: PolicyRule = {
  id: 'SC-NSG-ADMIN',
  description: 'no NSG rule allows TCP 3389 or 8080 inbound from the Internet or any source',
  check({ document }) {
    const findings: string[] = [];
    const rules: Array<{ where: string; rule: Record<string, unknown> }> = [];
    for (const r of resources(document, 'azurerm_network_security_rule')) {
      rules.push({ where: `azurerm_network_security_rule.${r.name}`, rule: r.config });
    }
    for (const r of resources(document, 'azurerm_network_security_group')) {
      for (const inline of (r.config.security_rule ?? []) as Record<string, unknown>[]) {
        rules.push({
          where: `azurerm_network_security_group.${r.name} rule ${inline.name}`,
          rule: inline,
        });
      }
    }
    for (const { where, rule } of rules) {
      if (String(rule.direction).toLowerCase() !== 'inbound') continue;
      if (String(rule.access).toLowerCase() !== 'allow') continue;
      if (!['tcp', '*'].includes(String(rule.protocol).toLowerCase())) continue;
      const ports = [...list(rule.destination_port_range), ...list(rule.destination_port_ranges)];
      const sources = [...list(rule.source_address_prefix), ...list(rule.source_address_prefixes)];
      const open = sources.filter((s) => ANYWHERE.has(s.toLowerCase()));
      for (const port of ADMIN_PORTS) {
        if (open.length > 0 && ports.some((p) => coversPort(p, port))) {
          findings.push(
            `${where} allows TCP ${port} from ${open.join(', ')}; list operator CIDRs instead`,
          );
        }
      }
    }
    return findings;
  },
};
