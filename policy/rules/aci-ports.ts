import { PolicyRule, resources } from '../rule';

/**
 * Azure Container Instances limits, both hard:
 * - "Ports per IP: 5" (container-instances-resource-and-quota-limits, Unchangeable limits);
 * - ports ACI reserves for the service, which a container group must not use
 *   (container-instances FAQ, "Does the ACI service reserve ports for service functionality?").
 * A group over either fails at apply, or worse, deploys and misbehaves.
 */
export const ACI_MAX_PUBLIC_PORTS = 5;
export const ACI_RESERVED_PORTS: ReadonlyArray<readonly [number, number]> = [
  [22, 22],
  [1025, 1027],
  [3389, 3399],
  [9999, 9999],
  [19000, 19000],
  [19080, 19080],
  [19100, 19100],
  [19390, 19390],
  [20000, 30000],
  [49152, 65534],
];

const RESERVED_TEXT = ACI_RESERVED_PORTS.map(([l, h]) => (l === h ? `${l}` : `${l}-${h}`)).join(
  ', ',
);

type Port = { port?: unknown; protocol?: unknown };

function reserved(port: number): boolean {
  return ACI_RESERVED_PORTS.some(([low, high]) => port >= low && port <= high);
}

/** "9998/UDP" for every distinct port of a list. */
function portSet(list: unknown): Set<string> {
  const out = new Set<string>();
  for (const p of (Array.isArray(list) ? list : []) as Port[]) {
    out.add(`${p.port}/${String(p.protocol ?? 'TCP').toUpperCase()}`);
  }
  return out;
}

export const aciPorts: PolicyRule = {
  id: 'SC-ACI-PORTS',
  description: `container groups expose at most ${ACI_MAX_PUBLIC_PORTS} public ports and use no port ACI reserves`,
  check({ document }) {
    const findings: string[] = [];
    for (const r of resources(document, 'azurerm_container_group')) {
      const containers = (r.config.container ?? []) as Record<string, unknown>[];
      const containerPorts = new Set(containers.flatMap((c) => [...portSet(c.ports)]));
      // Without exposed_port the provider exposes every container port on the group's IP.
      const exposed =
        r.config.exposed_port === undefined ? containerPorts : portSet(r.config.exposed_port);
      const isPublic = String(r.config.ip_address_type ?? '').toLowerCase() === 'public';
      if (isPublic && exposed.size > ACI_MAX_PUBLIC_PORTS) {
        findings.push(
          `azurerm_container_group.${r.name} exposes ${exposed.size} public ports (${[...exposed].join(', ')}); ACI allows ${ACI_MAX_PUBLIC_PORTS} per IP: push to the mixers instead of one port per mixer`,
        );
      }
      const bad = [...new Set([...exposed, ...containerPorts])].filter((p) =>
        reserved(Number(p.split('/')[0])),
      );
      if (bad.length > 0) {
        findings.push(
          `azurerm_container_group.${r.name} uses ${bad.join(', ')}, reserved by ACI (${RESERVED_TEXT}); pick another port in lib/contract.ts`,
        );
      }
    }
    return findings;
  },
};
