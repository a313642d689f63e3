/**
 * Terraform Cloud runs remotely, where the TF_VAR_ values of a local child never arrive. So
 * before a run, the keys are written as sensitive workspace variables through the API
 * (https://developer.hashicorp.com/terraform/cloud-docs/api-docs/workspace-variables):
 *   GET   /api/v2/organizations/:org/workspaces/:name        -> data.id
 *   POST  /api/v2/organizations/:org/workspaces              (first deploy: create it)
 *   GET   /api/v2/workspaces/:id/vars                        -> data[].attributes.key
 *   POST  /api/v2/workspaces/:id/vars                        (new variable)
 *   PATCH /api/v2/workspaces/:id/vars/:var_id                (existing variable)
 * with JSON:API bodies, category "terraform", sensitive true for the keys and the passphrase. A
 * sensitive variable can never be read back through the API, only overwritten. The remote run
 * feeds them to the stack's ephemeral variables, so they reach Key Vault and never its state.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineError } from './errors';
import { ExitCode } from './types';

type Env = Readonly<Record<string, string | undefined>>;

/** The token terraform itself would use for this host. */
export function findTfcToken(hostname: string, env: Env, explicit?: string): string {
  if (explicit) return explicit;
  const fromEnv = env[`TF_TOKEN_${hostname.replace(/\./g, '_').replace(/-/g, '__')}`];
  if (fromEnv) return fromEnv;
  const file = path.join(env.HOME ?? os.homedir(), '.terraform.d', 'credentials.tfrc.json');
  try {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      credentials?: Record<string, { token?: string }>;
    };
    const token = json.credentials?.[hostname]?.token;
    if (token) return token;
  } catch {
    // no credentials file: reported below
  }
  throw new EngineError(
    'tfc-token',
    `no Terraform Cloud token for ${hostname}`,
    ExitCode.prerequisite,
    `run \`terraform login ${hostname}\` or set TF_TOKEN_${hostname.replace(/\./g, '_')}`,
  );
}

interface VarItem {
  id: string;
  attributes: { key: string; category: string };
}

export interface TfcTarget {
  readonly baseUrl: string;
  readonly token: string;
  readonly organization: string;
  readonly workspace: string;
  /** Tags a new workspace gets, so `stream-control` workspaces can be listed. @default [] */
  readonly tags?: readonly string[];
}

async function call(t: TfcTarget, method: string, route: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${t.baseUrl.replace(/\/$/, '')}${route}`, {
      method,
      headers: { Authorization: `Bearer ${t.token}`, 'Content-Type': 'application/vnd.api+json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new EngineError(
      'network',
      `network failure: cannot reach Terraform Cloud at ${t.baseUrl}: ${cause?.code ?? cause?.message ?? (err as Error).message}`,
      ExitCode.network,
      'check the connection (VPN, proxy, DNS) and retry',
    );
  }
  if (method === 'GET' && response.status === 404) return undefined;
  if (response.status === 401) {
    throw new EngineError(
      'tfc-token',
      'Terraform Cloud rejected the token (HTTP 401)',
      ExitCode.prerequisite,
      'run `terraform login` again',
    );
  }
  if (!response.ok) {
    throw new EngineError(
      'tfc-api',
      `Terraform Cloud ${method} ${route} answered HTTP ${response.status}`,
      ExitCode.failed,
      "check the organization name and the token's permissions",
    );
  }
  return response.status === 204 ? undefined : response.json();
}

/**
 * Sets every variable, sensitive unless named in `plain`; creates the workspace if it does
 * not exist yet.
 */
export async function setWorkspaceVariables(
  t: TfcTarget,
  variables: Readonly<Record<string, string>>,
  description: (key: string) => string,
  plain: readonly string[] = [],
): Promise<{ created: string[]; updated: string[] }> {
  const org = encodeURIComponent(t.organization);
  const name = encodeURIComponent(t.workspace);
  let ws = (await call(t, 'GET', `/api/v2/organizations/${org}/workspaces/${name}`)) as
    { data: { id: string } } | undefined;
  ws ??= (await call(t, 'POST', `/api/v2/organizations/${org}/workspaces`, {
    data: { type: 'workspaces', attributes: { name: t.workspace, 'tag-names': t.tags ?? [] } },
  })) as { data: { id: string } };
  const id = ws.data.id;
  const existing =
    ((await call(t, 'GET', `/api/v2/workspaces/${id}/vars`)) as { data: VarItem[] } | undefined)
      ?.data ?? [];
  const created: string[] = [];
  const updated: string[] = [];
  for (const [key, value] of Object.entries(variables)) {
    const found = existing.find(
      (v) => v.attributes.key === key && v.attributes.category === 'terraform',
    );
    const attributes = {
      key,
      value,
      category: 'terraform',
      hcl: false,
      sensitive: !plain.includes(key),
      description: description(key),
    };
    if (found) {
      await call(t, 'PATCH', `/api/v2/workspaces/${id}/vars/${found.id}`, {
        data: { type: 'vars', id: found.id, attributes },
      });
      updated.push(key);
    } else {
      await call(t, 'POST', `/api/v2/workspaces/${id}/vars`, {
        data: { type: 'vars', attributes },
      });
      created.push(key);
    }
  }
  return { created, updated };
}
