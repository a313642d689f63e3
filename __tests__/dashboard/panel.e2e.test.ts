/**
 * The dashboard as a control panel, in Chromium against the real engine (cdktf and terraform
 * on the fixture app): the token gate, problems said once next to their fields, keys kept
 * after a refusal yet never sent back, cost and time before Deploy, cancelling a deploy that
 * terraform is in the middle of, and the pipeline picture with each part's state. The parts
 * behind the pipeline are stand-ins here (their /status shapes are the images' own); the real
 * relay drives the live test in live.e2e.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { request } from './support/http';
import { TOKEN_HEADER } from '../../dashboard/security';
import {
  launchChromium,
  openPage,
  processesUnder,
  shot,
  startStack,
  type Stack,
} from './support/browser';
import { feedStatus, mixerStatus, statusStandIn, type StatusStandIn } from './support/parts';
import type { MediaStatus } from '../../lib/media-status';
import type { MixerStatus } from '../../lib/mixer-status';

const KEYS = { original: 'CANARY-panel-orig-5e1b-77a0', spanish: 'CANARY-panel-span-c3d4-19ff' };
// The shape the engine generates; written beside the state before the deploy, which keeps it.
const STATUS_TOKEN = 'CANARYpanelStatusToken8d2e41Aa00';
const RUN_TIMEOUT_MS = 150_000;

let browser: Browser;
const stacks: Stack[] = [];
const standIns: StatusStandIn<unknown>[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const s of stacks) await s.close();
  for (const s of standIns) await s.close();
});

async function stack(prefix: string, env: Record<string, string> = {}): Promise<Stack> {
  const s = await startStack(prefix, env);
  stacks.push(s);
  s.writeEvent('panel-festival', {
    name: 'Panel Festival',
    environment: 'staging',
    languages: ['original', 'spanish'],
  });
  return s;
}

/** The visible text of the whole page. */
const pageText = (page: Page) => page.locator('body').innerText();

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('the token gate', () => {
  it('shows only the token card until a token is accepted', async () => {
    const s = await stack('gate');
    const { page } = await openPage(
      browser,
      s.dashboard,
      { width: 1280, height: 800 },
      {
        token: false,
      },
    );
    await page.getByLabel('Token', { exact: true }).waitFor();
    for (const name of ['Deploy System', 'Check Status', 'Teardown System']) {
      expect(await page.getByRole('button', { name }).isVisible()).toBe(false);
    }
    expect(await page.getByLabel('Event name').isVisible()).toBe(false);
    expect(await page.locator('#app').evaluate((e) => getComputedStyle(e).display)).toBe('none');
    await shot(page, 'dashboard-token-gate.png');
    await page.getByLabel('Token', { exact: true }).fill(s.dashboard.token);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.getByRole('button', { name: 'Deploy System' }).waitFor();
    expect(await page.locator('#token-gate').isVisible()).toBe(false);
    await page.context().close();
  });
});

describe('the event form', () => {
  it('says each problem once, next to its field, in the words on the page', async () => {
    const s = await stack('problems');
    const { page, errors } = await openPage(browser, s.dashboard, { width: 1280, height: 900 });
    const name = page.getByLabel('Event name');
    await name.fill('Conférence 2025!');
    const note = page.locator('#event-name-error');
    await note.waitFor();
    const problem = (await note.innerText()).trim();
    expect(problem).toMatch(/Conférence 2025!/);
    expect(occurrences(await pageText(page), problem)).toBe(1);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.getAttribute('aria-describedby')).toContain('event-name-error');
    // Deploying anyway: the server says the same, and the page still says it once.
    await page.getByRole('button', { name: 'Deploy System' }).click();
    await page.locator('#message').waitFor();
    expect(occurrences(await pageText(page), problem)).toBe(1);
    expect(await page.locator('#message').innerText()).toBe('Not deployed. Fix the marked field.');
    await shot(page, 'dashboard-bad-name.png');

    // Empty keys: one note per key field, a count above the form, no API paths anywhere.
    await name.fill('Panel Festival');
    await page.locator('#key-spanish').waitFor();
    await page.locator('#event-name-error').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Deploy System' }).click();
    await page.locator('#key-spanish-error').waitFor();
    expect(await page.locator('.field-error').count()).toBe(2);
    expect(await page.locator('#message').innerText()).toBe(
      'Not deployed. Fix the 2 marked fields.',
    );
    const text = await pageText(page);
    expect(text).not.toMatch(/youtubeKeys|srtPassphrase/);
    expect(
      occurrences(text, 'Required: paste the YouTube stream key of the spanish channel.'),
    ).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it(
    'keeps the typed keys after the server refuses them, and never sends a key back',
    async () => {
      const s = await stack('keys');
      const { page, bodies, errors } = await openPage(browser, s.dashboard, {
        width: 1280,
        height: 900,
      });
      await page.getByLabel('Event name').fill('Panel Festival');
      await page.getByLabel('Key for spanish').waitFor();
      await page.getByLabel('Key for original').fill(KEYS.original);
      await page.getByLabel('Key for spanish').fill(KEYS.original); // the same key twice
      await page.getByLabel(/SRT passphrase/).fill('short');
      await page.getByRole('button', { name: 'Deploy System' }).click();
      await page.locator('#srt-passphrase-error').waitFor();
      // The server's answer is attached to the two fields it names, once each.
      expect(await page.locator('#key-spanish-error').innerText()).toMatch(/same key as/);
      expect(await page.locator('.field-error').count()).toBe(2);
      expect(await page.locator('#message').innerText()).toBe(
        'Not deployed. Fix the 2 marked fields.',
      );
      // Nothing was lost: one typo does not mean typing every key again.
      expect(await page.getByLabel('Key for original').inputValue()).toBe(KEYS.original);
      expect(await page.getByLabel('Key for spanish').inputValue()).toBe(KEYS.original);
      expect(s.engine.runs().filter((r) => r.command === 'deploy')).toEqual([]);
      await page.getByLabel('Key for spanish').fill(KEYS.spanish);
      await page.getByLabel(/SRT passphrase/).fill('');
      await page.getByRole('button', { name: 'Deploy System' }).click();
      await page.locator('#run-result').waitFor({ timeout: RUN_TIMEOUT_MS });
      expect(await page.locator('#run-result').innerText()).toMatch(
        /^deploy of panel-festival finished/,
      );
      // Accepted: now the keys leave the page.
      expect(await page.getByLabel('Key for original').inputValue()).toBe('');
      expect(await page.getByLabel('Key for spanish').inputValue()).toBe('');

      // No response, stream or log carries a key: the page's own responses, the run's whole
      // event stream replayed over HTTP, the page itself and the run's log file.
      const run = s.engine.runs().find((r) => r.command === 'deploy')!;
      const stream = await request(s.dashboard.url, 'GET', `/api/runs/${run.id}/stream`, {
        headers: { [TOKEN_HEADER]: s.dashboard.token },
      });
      expect(stream.text).toContain('event: done');
      await page.waitForTimeout(200); // let the last response bodies arrive
      expect(bodies.length).toBeGreaterThan(5);
      for (const text of [...bodies, stream.text, await page.content()]) {
        expect(text).not.toContain(KEYS.original);
        expect(text).not.toContain(KEYS.spanish);
      }
      for (const file of fs.readdirSync(s.logDir)) {
        expect(fs.readFileSync(path.join(s.logDir, file), 'utf8')).not.toMatch(/CANARY-panel/);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    },
    2 * RUN_TIMEOUT_MS,
  );

  it("shows the engine's cost and time to stream-ready before Deploy", async () => {
    const s = await stack('preview');
    const { page } = await openPage(browser, s.dashboard, { width: 1280, height: 900 });
    await page.getByLabel('Event name').fill('Panel Festival');
    const facts = page.locator('#preview-facts');
    await facts
      .getByText(/per hour/)
      .first()
      .waitFor({ timeout: 60_000 });
    const plan = await s.engine.plan({ event: 'panel-festival', environment: 'staging' }).result;
    expect(plan.ok).toBe(true);
    const text = await facts.innerText();
    expect(text).toContain(`$${plan.cost.perHour.toFixed(2)} per hour`);
    expect(text).toContain(`at most $${plan.cost.perEvent.toFixed(2)} until it expires (24 h)`);
    expect(text).toContain(`about ${Math.round(plan.timeToReady.seconds / 60)} min after Deploy`);
    expect(text).toContain(`${plan.resources.length} resources in staging`);
    // One line for the other mixer kind, with the engine's figures for it.
    const alt = plan.alternative!;
    if ('unavailable' in alt) throw new Error(`no alternative: ${alt.unavailable}`);
    expect(alt.mixer).not.toBe(plan.mixer);
    expect(text).toContain(
      `Alternative\n${alt.mixer} mixers instead of ${plan.mixer}: $${alt.cost.perHour.toFixed(2)} per hour, about ${Math.round(alt.timeToReady.seconds / 60)} min to stream-ready`,
    );
    expect(await page.locator('#preview-note').innerText()).toContain(
      `./stream-control plan --event panel-festival --env staging`,
    );
    await page.context().close();
  }, 90_000);
});

describe('cancel', () => {
  it(
    'stops a deploy while terraform runs, like Ctrl-C: exit 130, what remains listed, nothing left running',
    async () => {
      // The relay's local-exec sleeps: terraform is mid-apply for two minutes.
      const s = await stack('cancel', { FIXTURE_SLEEP: '120' });
      const { page, errors } = await openPage(browser, s.dashboard, { width: 1280, height: 900 });
      await page.getByLabel('Event name').fill('Panel Festival');
      await page.getByLabel('Key for spanish').waitFor();
      await page.getByLabel('Key for original').fill(KEYS.original);
      await page.getByLabel('Key for spanish').fill(KEYS.spanish);
      await page.getByRole('button', { name: 'Deploy System' }).click();
      await page
        .locator('#log')
        .getByText(/terraform_data\.relay.*(Provisioning with 'local-exec'|Still creating)/)
        .first()
        .waitFor({ timeout: RUN_TIMEOUT_MS });
      expect(processesUnder(s.root).some((p) => /terraform/.test(p))).toBe(true);

      // The dialog asks first; keeping it running changes nothing.
      const cancel = page.getByRole('button', { name: 'Cancel deploy' });
      await cancel.click();
      await page.getByRole('heading', { name: 'Cancel the deploy of panel-festival?' }).waitFor();
      await page.getByRole('button', { name: 'Keep it running' }).click();
      const run = s.engine.runs().find((r) => r.command === 'deploy')!;
      expect(run.finished).toBe(false);

      await cancel.click();
      await shot(page, 'dashboard-cancel-confirm.png');
      const asked = Date.now();
      await page.getByRole('button', { name: 'Stop it now' }).click();
      const outcome = page.locator('#run-result');
      await outcome.waitFor({ timeout: 60_000 });
      const stoppedInMs = Date.now() - asked;
      const result = await run.result;
      expect(result.exitCode).toBe(130);
      expect(stoppedInMs).toBeLessThan(60_000);
      const text = await outcome.innerText();
      expect(text).toMatch(
        /^deploy of panel-festival stopped: interrupted; \d+ resource\(s\) remain/,
      );
      // What remains is what the state really holds, and the page lists all of it.
      const state = JSON.parse(
        fs.readFileSync(path.join(s.stateDir, 'staging', 'panel-festival.tfstate'), 'utf8'),
      ) as { resources: { type: string; name: string }[] };
      const inState = state.resources.map((r) => `${r.type}.${r.name}`).sort();
      expect(inState.length).toBeGreaterThan(0);
      expect([...('remaining' in result ? (result.remaining ?? []) : [])].sort()).toEqual(inState);
      for (const address of inState) expect(text).toContain(address);
      expect(text).toMatch(/teardown --event panel-festival --env staging --confirm/);
      expect(await cancel.isVisible()).toBe(false);
      expect(await page.title()).toBe('✗ deploy panel-festival — stream-control');
      // Terraform's whole process group is gone, the sleeping provisioner with it.
      expect(processesUnder(s.root)).toEqual([]);
      await shot(page, 'dashboard-cancelled.png');
      expect(errors).toEqual([]);
      await page.context().close();
    },
    3 * RUN_TIMEOUT_MS,
  );
});

describe('the pipeline picture', () => {
  it(
    "shows each part's state and follows it without a click, on a desktop and on a phone",
    async () => {
      const languages = ['original', 'spanish'];
      const relay = await statusStandIn<MediaStatus>(
        STATUS_TOKEN,
        feedStatus('program', languages, { connected: true, present: true, audio: [-12.5, -80] }),
      );
      const splitter = await statusStandIn<MediaStatus>(
        STATUS_TOKEN,
        feedStatus('slides', languages),
      );
      const mixers = await Promise.all([
        statusStandIn<MixerStatus>(
          STATUS_TOKEN,
          mixerStatus('original', { program: true, slides: true, onAir: true }),
        ),
        statusStandIn<MixerStatus>(
          STATUS_TOKEN,
          mixerStatus('spanish', { program: true, lastError: 'RTMP: connection refused' }),
        ),
      ]);
      standIns.push(relay, splitter, ...mixers);
      const s = await stack('pipeline', {
        FIXTURE_RELAY_STATUS_URL: relay.url,
        FIXTURE_SPLITTER_STATUS_URL: splitter.url,
        FIXTURE_MIXER_STATUS_URLS: mixers.map((m) => m.url).join(','),
      });
      // The parts answer to the token the engine keeps for the event: a redeploy reuses it.
      const dir = path.join(s.stateDir, 'staging');
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(path.join(dir, 'panel-festival.status-token'), `${STATUS_TOKEN}\n`, {
        mode: 0o600,
      });
      const deployed = await s.engine.deploy({ event: 'panel-festival', youtubeKeys: KEYS }).result;
      expect(deployed.ok).toBe(true);

      const desktop = await openPage(browser, s.dashboard, { width: 1280, height: 900 });
      const phone = await openPage(
        browser,
        s.dashboard,
        { width: 390, height: 844 },
        {
          colorScheme: 'dark',
        },
      );
      const part = (p: Page, name: string) => p.locator(`.pipeline [data-part="${name}"]`);
      for (const { page } of [desktop, phone]) {
        await part(page, 'relay').waitFor({ timeout: 30_000 });
        expect(await page.getByRole('figure', { name: 'Pipeline of panel-festival' }).count()).toBe(
          1,
        );
        const states = await page
          .locator('.pipeline [data-part]')
          .evaluateAll((nodes) =>
            nodes.map((n) => [n.getAttribute('data-part'), n.getAttribute('data-state')]),
          );
        expect(Object.fromEntries(states)).toEqual({
          venue: 'warn',
          relay: 'ok',
          splitter: 'warn',
          'mixer-original': 'ok',
          'youtube-original': 'ok',
          'mixer-spanish': 'bad',
          'youtube-spanish': 'warn',
        });
        expect(await part(page, 'relay').innerText()).toContain('program feed in, 6.2 Mbit/s');
        expect(await part(page, 'splitter').innerText()).toContain(
          'waiting for the venue’s slides feed',
        );
        expect(await part(page, 'mixer-original').innerText()).toMatch(/track 1: peak -12\.5 dBFS/);
        expect(await part(page, 'mixer-spanish').innerText()).toMatch(
          /track 2: silent \(peak -80 dBFS\)/,
        );
        expect(await part(page, 'mixer-spanish').innerText()).toContain(
          'input connected, not on air: RTMP: connection refused',
        );
      }
      // The phone shows it in one column, with nothing wider than the screen.
      expect(
        await phone.page.evaluate(() => document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(390);
      await shot(desktop.page, 'dashboard-desktop-failed.png');
      await shot(phone.page, 'dashboard-phone-failed.png');

      // The venue starts the slides and spanish's mixer gets on air: the page follows by itself.
      splitter.body = feedStatus('slides', languages, { connected: true, present: true });
      mixers[1].body = mixerStatus('spanish', { program: true, slides: true, onAir: true });
      relay.body = feedStatus('program', languages, {
        connected: true,
        present: true,
        audio: [-12.5, -16],
      });
      for (const { page } of [desktop, phone]) {
        await page.locator('.pipeline[data-state="ok"]').waitFor({ timeout: 30_000 });
        const states = await page
          .locator('.pipeline [data-part]')
          .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-state')));
        expect(states.every((st) => st === 'ok')).toBe(true);
      }
      await shot(desktop.page, 'dashboard-desktop-live.png');
      await shot(phone.page, 'dashboard-phone-live.png');
      // Every read carried the token from the stack's sensitive output; the page never did.
      for (const standIn of [relay, splitter, ...mixers]) {
        expect(standIn.asked.length).toBeGreaterThan(1);
        expect(new Set(standIn.asked.map((a) => a.authorization))).toEqual(
          new Set([`Bearer ${STATUS_TOKEN}`]),
        );
      }
      for (const { page, bodies, errors } of [desktop, phone]) {
        for (const text of [...bodies, await page.content()])
          expect(text).not.toContain(STATUS_TOKEN);
        expect(errors).toEqual([]);
        await page.context().close();
      }
    },
    2 * RUN_TIMEOUT_MS,
  );
});
