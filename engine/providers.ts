/**
 * Can terraform get the providers the app's stacks need? Answered before anything is locked,
 * from what terraform itself would use: a filesystem mirror or plugin cache named in its CLI
 * configuration (or the implied local folders), a network mirror, or the public registry.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Context, nodePath } from './context';

type Env = Readonly<Record<string, string | undefined>>;

export interface ProviderNeed {
  /** registry.terraform.io/hashicorp/azurerm */
  readonly source: string;
  readonly version: string;
}

/**
 * The app's prebuilt provider packages (@cdktf/provider-*) each name the provider and exact
 * version they were generated from; that is what `cdktf deploy` will ask terraform for.
 */
export function providersNeeded(ctx: Context): ProviderNeed[] {
  let deps: Record<string, string>;
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(ctx.projectDir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    deps = pkg.dependencies ?? {};
  } catch {
    return []; // an app without a package.json (the test fixture) pins no provider package
  }
  const paths = [ctx.projectDir, ...nodePath(ctx).NODE_PATH.split(path.delimiter)];
  const needs: ProviderNeed[] = [];
  for (const name of Object.keys(deps).filter((d) => d.startsWith('@cdktf/provider-'))) {
    try {
      const file = require.resolve(`${name}/package.json`, { paths });
      const meta = (
        JSON.parse(fs.readFileSync(file, 'utf8')) as {
          cdktf?: { provider?: { name?: string; version?: string } };
        }
      ).cdktf?.provider;
      if (meta?.name && meta.version) needs.push({ source: meta.name, version: meta.version });
    } catch {
      // not installed: synth reports it with npm's own words
    }
  }
  return needs.sort((a, b) => a.source.localeCompare(b.source));
}

/** The app creates Azure resources (the real app does; the test fixture does not). */
export function appUsesAzure(ctx: Context): boolean {
  return providersNeeded(ctx).some((n) => n.source.endsWith('/azurerm'));
}

interface CliConfig {
  readonly file?: string;
  readonly filesystemMirrors: string[];
  readonly networkMirrors: string[];
  /** False when a provider_installation block leaves out `direct`. */
  readonly direct: boolean;
  readonly pluginCache?: string;
}

/** The parts of terraform's CLI configuration that decide where providers come from. */
export function readCliConfig(env: Env): CliConfig {
  const home = env.HOME ?? os.homedir();
  const file = [env.TF_CLI_CONFIG_FILE, path.join(home, '.terraformrc')].find(
    (f) => f !== undefined && f !== '' && fs.existsSync(f),
  );
  const text = file ? fs.readFileSync(file, 'utf8').replace(/#.*$/gm, '') : '';
  const all = (re: RegExp) => [...text.matchAll(re)].map((m) => m[1]);
  const installation = /provider_installation\s*\{/.test(text);
  const implied = [
    path.join(home, '.terraform.d', 'plugins'),
    path.join(home, '.local', 'share', 'terraform', 'plugins'),
  ];
  return {
    file,
    filesystemMirrors: installation
      ? all(/filesystem_mirror\s*\{[^}]*?path\s*=\s*"([^"]+)"/g)
      : implied.filter((d) => fs.existsSync(d)),
    networkMirrors: all(/network_mirror\s*\{[^}]*?url\s*=\s*"([^"]+)"/g),
    direct: !installation || /\bdirect\s*\{/.test(text),
    pluginCache: env.TF_PLUGIN_CACHE_DIR || all(/plugin_cache_dir\s*=\s*"([^"]+)"/g)[0],
  };
}

function platformDir(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  return `${process.platform}_${arch}`;
}

/** A mirror or cache folder holds a provider unpacked (cache, mirror) or packed (mirror). */
function heldIn(dir: string, need: ProviderNeed): boolean {
  const base = path.join(dir, ...need.source.split('/'));
  const type = need.source.split('/').pop();
  return (
    fs.existsSync(path.join(base, need.version, platformDir())) ||
    fs.existsSync(
      path.join(base, `terraform-provider-${type}_${need.version}_${platformDir()}.zip`),
    )
  );
}

async function answers(url: string, timeoutMs: number): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok ? undefined : `HTTP ${response.status}`;
  } catch (err) {
    const e = err as { cause?: { code?: string }; name?: string; message?: string };
    return e.cause?.code ?? (e.name === 'TimeoutError' ? 'no answer in time' : e.message);
  }
}

/** One line per provider terraform could not get, each with the fix. */
export async function providerProblems(
  needs: readonly ProviderNeed[],
  env: Env,
  timeoutMs = 5000,
): Promise<string[]> {
  if (needs.length === 0) return [];
  const config = readCliConfig(env);
  const local = [...config.filesystemMirrors, ...(config.pluginCache ? [config.pluginCache] : [])];
  const problems: string[] = [];
  for (const need of needs) {
    if (local.some((dir) => heldIn(dir, need))) continue;
    const [host, namespace, type] = need.source.split('/');
    const tried: string[] = [];
    let ok = false;
    for (const mirror of config.networkMirrors) {
      const why = await answers(
        `${mirror.replace(/\/$/, '')}/${need.source}/index.json`,
        timeoutMs,
      );
      if (!why) {
        ok = true;
        break;
      }
      tried.push(`network mirror ${mirror} (${why})`);
    }
    if (!ok && config.direct) {
      const why = await answers(
        `https://${host}/v1/providers/${namespace}/${type}/versions`,
        timeoutMs,
      );
      if (!why) ok = true;
      else tried.push(`${host} (${why})`);
    }
    if (ok) continue;
    const where =
      local.length > 0
        ? `no mirror or plugin cache (${local.join(', ')})`
        : 'no mirror or plugin cache';
    problems.push(
      `terraform cannot get provider ${namespace}/${type} ${need.version}: ${where} holds it${tried.length ? ` and ${tried.join(', ')} did not answer` : ''}; fix: allow HTTPS to ${host}, or fill a mirror with \`terraform providers mirror DIR\` where it is reachable and name DIR in a provider_installation { filesystem_mirror } block of ${config.file ?? 'TF_CLI_CONFIG_FILE'} (help/cli.md, "Pre-flight")`,
    );
  }
  return problems;
}
