/**
 * A throwaway project for one test file: a copy of the fixture app and its own state, log,
 * lock and events folders, so test files run in parallel without sharing anything.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { azureClientFromSdk } from '../../../engine/azure';
import type { EngineOptions, HealthProbe } from '../../../engine/types';
import { fakeSdk, SUBSCRIPTION } from './recorded-azure';

export const REPO = path.join(__dirname, '..', '..', '..');
export const FIXTURE_APP = path.join(REPO, '__tests__', 'fixtures', 'app');
export const CDKTF = path.join(REPO, 'node_modules', '.bin', 'cdktf');
export const LAUNCHER = path.join(REPO, 'stream-control');

/** Fails loudly, rather than skipping, when the machine lacks terraform. */
export function requireTerraform(): void {
  const r = spawnSync('terraform', ['version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(
      'these tests run the real terraform: install Terraform >= 1.5 and put it on PATH',
    );
  }
}

export interface Sandbox {
  readonly root: string;
  readonly projectDir: string;
  readonly eventsDir: string;
  readonly stateDir: string;
  readonly logDir: string;
  readonly lockDir: string;
  /**
   * Environment for a spawned ./stream-control pointing at this sandbox. A separate process
   * cannot be handed an Azure stand-in, so its pre-flight is skipped (the fixture never reaches
   * Azure); __tests__/cli/preflight.test.ts runs pre-flight through the CLI with stand-ins.
   */
  env(extra?: Record<string, string>): Record<string, string>;
  options(extra?: Partial<EngineOptions>): EngineOptions;
  writeEvent(slug: string, body: Record<string, unknown>): void;
  remove(): void;
}

export const readyProbe: HealthProbe = async (t) => ({ name: t.name, kind: t.kind, ready: true });

export function makeSandbox(prefix: string): Sandbox {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `sc-${prefix}-`));
  const projectDir = path.join(root, 'app');
  fs.cpSync(FIXTURE_APP, projectDir, {
    recursive: true,
    filter: (src) => !src.includes('cdktf.out'),
  });
  const dirs = {
    eventsDir: path.join(root, 'events'),
    stateDir: path.join(root, 'state'),
    logDir: path.join(root, 'logs'),
    lockDir: path.join(root, 'locks'),
  };
  fs.mkdirSync(dirs.eventsDir);
  const baseEnv = (): Record<string, string> => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) {
      if (
        v !== undefined &&
        !k.startsWith('STREAM_') &&
        !k.startsWith('TF_VAR_') &&
        !k.startsWith('FIXTURE_')
      )
        env[k] = v;
    }
    return { ...env, CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: '1', CI: 'true' };
  };
  return {
    root,
    projectDir,
    ...dirs,
    env: (extra = {}) => ({
      ...baseEnv(),
      STREAM_CONTROL_PROJECT_DIR: projectDir,
      STREAM_CONTROL_EVENTS_DIR: dirs.eventsDir,
      STREAM_CONTROL_STATE_DIR: dirs.stateDir,
      STREAM_CONTROL_LOG_DIR: dirs.logDir,
      STREAM_CONTROL_LOCK_DIR: dirs.lockDir,
      STREAM_CONTROL_CDKTF: CDKTF,
      STREAM_CONTROL_SKIP_PREFLIGHT: '1',
      ...extra,
    }),
    options: (extra = {}) => ({
      projectDir,
      ...dirs,
      cdktfBin: CDKTF,
      probe: readyProbe,
      health: { attempts: 3, intervalMs: 10 },
      // In-process engines run pre-flight against a recorded Azure that lets everything pass.
      azure: azureClientFromSdk(fakeSdk([])),
      ...extra,
      env: { ...baseEnv(), ARM_SUBSCRIPTION_ID: SUBSCRIPTION, ...(extra.env ?? {}) },
    }),
    writeEvent: (slug, body) =>
      fs.writeFileSync(path.join(dirs.eventsDir, `${slug}.json`), JSON.stringify(body)),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real launcher; resolves with its exit code and output. */
export function runCli(
  args: readonly string[],
  env: Record<string, string>,
  onPid?: (pid: number) => void,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(LAUNCHER, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    if (child.pid) onPid?.(child.pid);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Every file under a folder, recursively, as text. */
export function allText(dir: string): string {
  if (!fs.existsSync(dir)) return '';
  let text = '';
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      text += fs.readFileSync(path.join(entry.parentPath ?? entry.path, entry.name), 'utf8');
  }
  return text;
}

export function stateResources(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    resources: { type: string; name: string }[];
  };
  return json.resources.map((r) => `${r.type}.${r.name}`);
}

export const KEYS = [
  'canaryAAAA-original-1111',
  'canaryBBBB-spanish-2222',
  'canaryCCCC-french-3333',
];
