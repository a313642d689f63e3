/**
 * The whole operator flow in a real browser against the real engine: Debian's Chromium driven
 * by playwright-core, the engine running cdktf and terraform 1.11 on the fixture app
 * (terraform_data resources, local state in a temp folder). Azure itself cannot exist here, so
 * the engine's Azure and health seams get stand-ins that record what they were asked.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createEngine, type AzureClient, type Engine, type HealthTarget } from '../../engine';
import { startDashboard, type Dashboard } from '../../dashboard/server';
import { preflightReady, SUBSCRIPTION_ENV } from '../support/azure-stand-in';

const REPO = path.join(__dirname, '..', '..');
const ARTIFACTS = path.join(REPO, 'test-artifacts');
const FIXTURE_APP = path.join(__dirname, '..', 'fixtures', 'app');
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const KEYS = { original: 'CANARY-e2e-orig-4a7b-99c1', spanish: 'CANARY-e2e-span-0d3e-12f8' };
const PASSPHRASE = 'CANARY-e2e-passphrase-77';
const RUN_TIMEOUT_MS = 150_000;

let tmp: string;
let dashboard: Dashboard;
const engines: Engine[] = [];
const dashboards: Dashboard[] = [];
let browser: Browser;
const probed: HealthTarget[] = [];
const pageErrors: string[] = [];

/** A real engine on the fixture app and a dashboard in front of it; extraEnv reaches terraform. */
async function startStack(
  projectDir: string,
  eventsDir: string,
  extraEnv: Record<string, string>,
): Promise<Dashboard> {
  const azure: AzureClient = {
    listResourceGroupsByTag: async () => [],
    getResourceGroup: async (name) => ({ name, location: 'westeurope', tags: {} }),
    listContainerGroups: async () => [],
    listVirtualMachines: async () => [],
    ...preflightReady,
  };
  const engine = createEngine({
    projectDir,
    eventsDir,
    stateDir: path.join(tmp, 'state'),
    logDir: path.join(tmp, 'logs'),
    lockDir: path.join(tmp, 'locks'),
    cdktfBin: path.join(REPO, 'node_modules', '.bin', 'cdktf'),
    azure,
    probe: async (target) => {
      probed.push(target);
      return { name: target.name, kind: target.kind, ready: true };
    },
    health: { attempts: 2, intervalMs: 10 },
    env: {
      ...process.env,
      CHECKPOINT_DISABLE: '1',
      DISABLE_VERSION_CHECK: '1',
      ...SUBSCRIPTION_ENV,
      // Long enough for a second operator to join mid-run.
      FIXTURE_SLEEP: '2',
      ...extraEnv,
    },
  });
  engines.push(engine);
  const started = await startDashboard({ engine, port: 0, log: () => undefined });
  dashboards.push(started);
  return started;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-e2e-'));
  const projectDir = path.join(tmp, 'app');
  fs.cpSync(FIXTURE_APP, projectDir, {
    recursive: true,
    filter: (src) => !src.includes('cdktf.out'),
  });
  const eventsDir = path.join(tmp, 'events');
  fs.mkdirSync(eventsDir);
  fs.writeFileSync(
    path.join(eventsDir, 'e2e-festival.json'),
    JSON.stringify({
      name: 'E2E Festival',
      environment: 'staging',
      languages: ['original', 'spanish'],
      // OBS mixers: the engine generates their admin password, which the page never gets.
      mixer: 'obs',
    }),
  );
  fs.writeFileSync(
    path.join(eventsDir, 'e2e-broken.json'),
    JSON.stringify({ name: 'E2E Broken', environment: 'development', languages: ['original'] }),
  );
  dashboard = await startStack(projectDir, eventsDir, {});
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  // A failed assertion can leave terraform running; stop it before its folder goes.
  const running = engines.flatMap((e) => e.runs().filter((r) => !r.finished));
  for (const run of running) run.cancel();
  await Promise.all(running.map((r) => r.result));
  await browser?.close();
  for (const d of dashboards) await d.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function openPage(width: number, height: number, on: Dashboard = dashboard): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(on.openUrl);
  await page.getByRole('heading', { name: 'Live events' }).waitFor();
  return page;
}

const logText = (page: Page) => page.locator('#log').innerText();

describe('dashboard in Chromium with the real engine', () => {
  it('asks for the token when opened without one, and refuses a wrong one', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${dashboard.url}/`);
    const token = page.getByLabel('Token', { exact: true });
    await token.waitFor();
    await token.fill('not-the-token');
    await token.press('Enter');
    await page.getByText('The token was not accepted').waitFor();
    await token.fill(dashboard.token);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.getByRole('heading', { name: 'Live events' }).waitFor();
    expect(await token.isVisible()).toBe(false);
    await context.close();
  });

  it(
    'deploys an event with live progress, shows it in status and tears it down',
    async () => {
      const page = await openPage(1280, 900);
      // The token moved from the address bar into session storage.
      expect(page.url()).toBe(`${dashboard.url}/`);

      await page.getByLabel('Event name').fill('E2E Festival');
      await page.getByLabel('Key for spanish').waitFor();
      expect(await page.locator('#key-fields input').count()).toBe(2);
      expect(await page.getByLabel('Environment').inputValue()).toBe('staging');
      // A key the server refuses: the field is marked, and what was typed stays.
      await page.getByLabel('Key for original').fill(KEYS.original);
      await page.getByLabel('Key for spanish').fill('has a space');
      await page.getByRole('button', { name: 'Deploy System' }).click();
      await page.locator('#key-spanish[aria-invalid="true"]').waitFor();
      expect(await page.locator('#key-spanish-error').innerText()).toMatch(/must be 8 to 128/);
      expect(await page.locator('#message').innerText()).toBe(
        'Not deployed. Fix the marked field.',
      );
      expect(await page.getByLabel('Key for original').inputValue()).toBe(KEYS.original);

      await page.getByLabel('Key for spanish').fill(KEYS.spanish);
      await page.getByLabel(/SRT passphrase/).fill(PASSPHRASE);
      await page.getByLabel('Key for spanish').press('Enter'); // keyboard submit

      // A second operator joins once the run has started and gets the whole log so far.
      await page
        .locator('#log')
        .getByText(/deploy e2e-festival started/)
        .waitFor();
      const second = await openPage(390, 844);
      await second
        .locator('#log')
        .getByText(/deploy e2e-festival started/)
        .waitFor();

      // Wait for the outcome, whatever it is, so a failure shows the engine's message.
      for (const p of [page, second]) {
        await p.locator('#run-result').waitFor({ timeout: RUN_TIMEOUT_MS });
        expect(await p.locator('#run-result').innerText()).toMatch(
          /^deploy of e2e-festival finished/,
        );
        await p.getByRole('heading', { name: 'e2e-festival is live' }).waitFor();
      }
      expect(await page.title()).toBe('✓ deploy e2e-festival — stream-control');
      for (const input of await page.locator('#key-fields input, #srt-passphrase').all()) {
        expect(await input.inputValue()).toBe('');
      }
      const info = await page.locator('#connection-info').innerText();
      expect(info).toContain('srt://127.0.0.7:9998?mode=caller');
      expect(info).toContain('127.0.0.12:3389');
      expect(info).toContain(
        'RDP password\nin a terminal on this machine: ./stream-control outputs --event e2e-festival --env staging --show-secrets',
      );
      const password = fs
        .readFileSync(
          path.join(tmp, 'state', 'staging', 'e2e-festival.mixer-admin-password'),
          'utf8',
        )
        .trim();
      expect(password).toHaveLength(24);
      expect(await page.locator('body').innerText()).not.toContain(password);
      const log = await logText(page);
      expect(log).toMatch(/deploy e2e-festival started; log file .*logs/);
      expect(log).toMatch(/✓ deploy finished/);
      expect(await logText(second)).toContain('✓ deploy finished');
      expect(probed.map((p) => p.kind)).toContain('relay');

      await page.getByRole('button', { name: 'Check Status' }).click();
      const card = page.getByRole('article', { name: 'e2e-festival' });
      await card.waitFor();
      const cardText = await card.innerText();
      expect(cardText).toContain('staging');
      expect(cardText).toContain('srt://127.0.0.7:9997?mode=caller');
      expect(cardText).toMatch(/original:\s*127\.0\.0\.11:3389/);
      await page.screenshot({
        path: path.join(ARTIFACTS, 'dashboard-desktop.png'),
        fullPage: true,
      });
      await second.getByRole('article', { name: 'e2e-festival' }).waitFor();
      await second.screenshot({
        path: path.join(ARTIFACTS, 'dashboard-phone.png'),
        fullPage: true,
      });

      const stateFiles = fs.readdirSync(path.join(tmp, 'state'), { recursive: true }) as string[];
      const states = stateFiles.filter((f) => f.endsWith('.tfstate'));
      expect(states).toEqual([path.join('staging', 'e2e-festival.tfstate')]);
      for (const file of states) {
        expect(fs.readFileSync(path.join(tmp, 'state', file), 'utf8')).not.toMatch(/CANARY/);
      }

      // Teardown: the button stays disabled until the exact name is typed.
      await page.getByRole('button', { name: 'Teardown System' }).click();
      const confirm = page.getByLabel(/Type e2e-festival to confirm/);
      await confirm.fill('e2e-festiva');
      expect(await page.getByRole('button', { name: 'Tear down', exact: true }).isDisabled()).toBe(
        true,
      );
      await confirm.fill('e2e-festival');
      await page.getByRole('button', { name: 'Tear down', exact: true }).click();
      await page
        .getByText(/teardown of e2e-festival finished/)
        .waitFor({ timeout: RUN_TIMEOUT_MS });
      await page.getByText('No live events.').waitFor();

      for (const p of [page, second]) expect(await p.content()).not.toMatch(/CANARY/);
      expect(pageErrors).toEqual([]);
      for (const file of fs.readdirSync(path.join(tmp, 'logs'))) {
        expect(fs.readFileSync(path.join(tmp, 'logs', file), 'utf8')).not.toMatch(/CANARY/);
      }
    },
    4 * RUN_TIMEOUT_MS,
  );

  it(
    'shows a failed deploy as a readable message with its log file, after rolling back',
    async () => {
      const failing = await startStack(path.join(tmp, 'app'), path.join(tmp, 'events'), {
        FIXTURE_FAIL: '1',
        FIXTURE_SLEEP: '0',
      });
      const page = await openPage(1280, 900, failing);
      await page.getByLabel('Event name').fill('E2E Broken');
      await page.getByLabel('Key for original').waitFor();
      expect(await page.locator('#key-fields input').count()).toBe(1);
      await page.getByLabel('Key for original').fill(KEYS.original);
      await page.getByRole('button', { name: 'Deploy System' }).click();

      const outcome = page.locator('#run-result');
      await outcome.waitFor({ timeout: RUN_TIMEOUT_MS });
      const text = await outcome.innerText();
      expect(text).toMatch(/^deploy failed: (?!deploy failed)/);
      const logFile = /Log file: (\S+)/.exec(text)?.[1] as string;
      expect(logFile).toMatch(/deploy-e2e-broken\.log$/);
      expect(fs.existsSync(logFile)).toBe(true);
      expect(fs.readFileSync(logFile, 'utf8')).not.toMatch(/CANARY/);
      expect(await page.locator('#connection-info').isVisible()).toBe(false);
      expect(text).toMatch(/How to fix: /);
      // Rolled back: its state holds no resources.
      const stateFile = path.join(tmp, 'state', 'development', 'e2e-broken.tfstate');
      const state = fs.existsSync(stateFile)
        ? (JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { resources: unknown[] })
        : { resources: [] };
      expect(state.resources).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-failed-deploy.png') });
      expect(await page.content()).not.toMatch(/CANARY/);
      expect(pageErrors).toEqual([]);
    },
    2 * RUN_TIMEOUT_MS,
  );
});
