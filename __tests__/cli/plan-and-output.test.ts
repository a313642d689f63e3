import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEngine } from '../../engine';
import { loadPrices } from '../../engine/plan';
import { main } from '../../scripts/cli';
import { renderHelp } from '../../scripts/cli/help';
import { KEYS, makeSandbox, REPO, runCli, Sandbox } from './support/sandbox';

let box: Sandbox;
let logDir: string;
beforeAll(() => {
  box = makeSandbox('plan');
  logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-plan-logs-'));
});
afterAll(() => {
  box.remove();
  fs.rmSync(logDir, { recursive: true, force: true });
});

describe('plan: offline dry run of the real example event', () => {
  it('lists resources, prices them from the dated table and finds the critical path', async () => {
    const prices = loadPrices();
    const engine = createEngine({ projectDir: REPO, logDir, stateDir: path.join(logDir, 'state') });
    const r = await engine.plan({ event: 'example-conference' }).result;
    expect(r.error).toBeUndefined();
    expect(r.event).toBe('example-conference-2026');
    const count = (type: string) => r.resources.filter((x) => x.type === type).length;
    expect(count('azurerm_windows_virtual_machine')).toBe(3);
    expect(count('azurerm_container_group')).toBe(2);
    const vm = r.resources.find((x) => x.type === 'azurerm_windows_virtual_machine')!;
    expect(vm.costPerHour).toBeCloseTo(
      prices.vmPerHour.Standard_D2s_v3 + prices.osDiskPerHour.StandardSSD_LRS,
      4,
    );
    const expected = r.resources.reduce((s, x) => s + x.costPerHour, 0);
    expect(r.cost.perHour).toBeCloseTo(expected, 2);
    expect(r.cost.perHour).toBeGreaterThan(3 * prices.vmPerHour.Standard_D2s_v3);
    expect(r.cost).toMatchObject({
      priceDate: prices.priceDate,
      region: prices.region,
      perEvent: Math.round(r.cost.perHour * 24 * 100) / 100,
    });
    const path_ = r.timeToReady.criticalPath;
    expect(path_[0]).toMatch(/^azurerm_resource_group\./);
    expect(path_[path_.length - 1]).toMatch(/^azurerm_virtual_machine_extension\./);
    const byAddress = new Map(r.resources.map((x) => [x.address, x.createSeconds]));
    const sum = path_.reduce((s, a) => s + byAddress.get(a)!, 0);
    expect(r.timeToReady.seconds).toBe(sum + prices.readySecondsByMixer!.obs!);
  });

  it('prints cost per hour and time to ready through the CLI', async () => {
    const r = await runCli(['plan', '--event', 'example-conference'], {
      ...box.env(),
      STREAM_CONTROL_PROJECT_DIR: REPO,
      STREAM_CONTROL_EVENTS_DIR: path.join(REPO, 'events'),
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 × azurerm_windows_virtual_machine/);
    expect(r.stdout).toMatch(
      /Estimated cost: \$\d+\.\d\d\/hour, at most \$\d+\.\d\d until expiry \(USD list prices, westeurope, \d{4}-\d\d-\d\d/,
    );
    expect(r.stdout).toMatch(
      /Estimated time to stream-ready: \d+m\d\ds \(critical path: azurerm_resource_group/,
    );
  });
});

describe('machine-readable output', () => {
  it('--json prints exactly one JSON document on stdout, and a read keeps no log', async () => {
    const r = await runCli(['list', '--json'], box.env());
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ command: 'list', ok: true, exitCode: 0, events: [] });
    expect(doc).not.toHaveProperty('logFile');
    expect(r.stderr).toBe('');
    expect(fs.existsSync(box.logDir)).toBe(false);
  });

  it('--json on a failure carries the error and the exit code, without a stack unless --debug', async () => {
    const out: string[] = [];
    const code = await main(['deploy', '--event', 'json-fail', '--json'], {
      env: box.env({ STREAM_YOUTUBE_KEYS: KEYS.join(','), PATH: '/nonexistent' }),
      engineOptions: box.options({ env: { PATH: '/nonexistent' } }),
      out: (l) => out.push(l),
      err: () => undefined,
    });
    expect(code).toBe(7);
    const doc = JSON.parse(out.join('\n'));
    expect(doc.error).toEqual({
      code: 'terraform-missing',
      message: 'terraform is not on PATH',
      hint: expect.stringMatching(/install Terraform/),
    });
  });

  it('text output under CI=true has no colour codes or spinner frames', async () => {
    const r = await runCli(
      ['teardown', '--event', 'quiet-show', '--confirm'],
      box.env({ CI: 'true' }),
    );
    expect(r.code).toBe(0);
    for (const text of [r.stdout, r.stderr]) {
      expect(text).not.toContain(String.fromCharCode(27));
      expect(text).not.toContain('\r');
    }
    // Teardown changes something, so it keeps a log, named first on stderr.
    expect(r.stderr.split('\n')[0]).toMatch(/^Log: /);
    expect(r.stdout).toBe('Nothing left to tear down for quiet-show (production).\n');
  });
});

describe('help', () => {
  it.each(['deploy', 'status', 'teardown', 'plan', 'list', 'outputs', 'cleanup', 'platform'])(
    '%s --help prints help/cli/%s.md, rendered for the terminal',
    async (command) => {
      const out: string[] = [];
      const code = await main([command, '--help'], {
        env: box.env(),
        out: (l) => out.push(l),
        err: () => undefined,
      });
      expect(code).toBe(0);
      expect(out.join('\n')).toBe(
        renderHelp(fs.readFileSync(path.join(REPO, 'help', 'cli', `${command}.md`), 'utf8')),
      );
    },
  );

  it('with no command prints the overview on stderr and exits 2', async () => {
    const err: string[] = [];
    expect(await main([], { out: () => undefined, err: (l) => err.push(l) })).toBe(2);
    expect(err.join('\n')).toMatch(/EXIT CODES/);
  });
});
