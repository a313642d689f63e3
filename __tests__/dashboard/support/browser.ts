/**
 * What the browser tests share: Debian's Chromium driven by playwright-core, and a real engine
 * on a copy of the fixture app (terraform_data resources, local state in a temp folder) with
 * a dashboard in front of it. Azure cannot exist here, so the engine's Azure and health seams
 * get stand-ins; everything else (cdktf, terraform, the HTTP API, the page) is real.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createEngine, type AzureClient, type Engine } from '../../../engine';
import { startDashboard, type Dashboard } from '../../../dashboard/server';
import { preflightReady, SUBSCRIPTION_ENV } from '../../support/azure-stand-in';

export const REPO = path.join(__dirname, '..', '..', '..');
export const ARTIFACTS = path.join(REPO, 'test-artifacts');
const FIXTURE_APP = path.join(REPO, '__tests__', 'fixtures', 'app');

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

export interface Stack {
  readonly root: string;
  readonly engine: Engine;
  readonly dashboard: Dashboard;
  readonly stateDir: string;
  readonly logDir: string;
  /** Writes events/<slug>.json. */
  writeEvent(slug: string, body: Record<string, unknown>): void;
  /** Stops every run still going, the dashboard, and removes the folder. */
  close(): Promise<void>;
}

const azure: AzureClient = {
  listResourceGroupsByTag: async () => [],
  getResourceGroup: async (name) => ({ name, location: 'westeurope', tags: {} }),
  listContainerGroups: async () => [],
  listVirtualMachines: async () => [],
  ...preflightReady,
};

/** A sandbox of its own (app copy, events, state, logs, locks); extraEnv reaches terraform. */
export async function startStack(
  prefix: string,
  extraEnv: Record<string, string> = {},
  live = { intervalMs: 500, timeoutMs: 1500 },
): Promise<Stack> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `dashboard-${prefix}-`));
  const projectDir = path.join(root, 'app');
  fs.cpSync(FIXTURE_APP, projectDir, {
    recursive: true,
    filter: (src) => !src.includes('cdktf.out'),
  });
  const eventsDir = path.join(root, 'events');
  fs.mkdirSync(eventsDir);
  const stateDir = path.join(root, 'state');
  const logDir = path.join(root, 'logs');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('FIXTURE_') && !k.startsWith('TF_VAR_')) env[k] = v;
  const engine = createEngine({
    projectDir,
    eventsDir,
    stateDir,
    logDir,
    lockDir: path.join(root, 'locks'),
    cdktfBin: path.join(REPO, 'node_modules', '.bin', 'cdktf'),
    azure,
    probe: async (target) => ({ name: target.name, kind: target.kind, ready: true }),
    health: { attempts: 2, intervalMs: 10 },
    live,
    env: {
      ...env,
      CHECKPOINT_DISABLE: '1',
      DISABLE_VERSION_CHECK: '1',
      ...SUBSCRIPTION_ENV,
      ...extraEnv,
    },
  });
  const dashboard = await startDashboard({ engine, port: 0, log: () => undefined });
  return {
    root,
    engine,
    dashboard,
    stateDir,
    logDir,
    writeEvent: (slug, body) =>
      fs.writeFileSync(path.join(eventsDir, `${slug}.json`), JSON.stringify(body)),
    close: async () => {
      // A failed assertion can leave terraform running; stop it before its folder goes.
      const running = engine.runs().filter((r) => !r.finished);
      for (const run of running) run.cancel();
      await Promise.all(running.map((r) => r.result));
      await dashboard.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface OpenPage {
  readonly page: Page;
  /** Every response body the page received (JSON and event streams), for canary checks. */
  readonly bodies: string[];
  readonly errors: string[];
}

/** A fresh browser context at this size, on the dashboard's URL with the token. */
export async function openPage(
  browser: Browser,
  dashboard: Dashboard,
  viewport: { width: number; height: number },
  options: { token?: boolean; colorScheme?: 'light' | 'dark' } = {},
): Promise<OpenPage> {
  const context = await browser.newContext({ viewport, colorScheme: options.colorScheme });
  const page = await context.newPage();
  const bodies: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('response', (response) => {
    // Event streams never end while the page is open; their frames are checked in the DOM.
    if ((response.headers()['content-type'] ?? '').startsWith('text/event-stream')) return;
    response.text().then(
      (text) => bodies.push(text),
      () => undefined,
    );
  });
  await page.goto(options.token === false ? `${dashboard.url}/` : dashboard.openUrl);
  return { page, bodies, errors };
}

/** Every process whose working folder lies under root (terraform, its shells, sleeps). */
export function processesUnder(root: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      if (cwd.startsWith(root)) {
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
        found.push(`${pid} ${cmd}`);
      }
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

export function shot(page: Page, name: string): Promise<Buffer> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}
