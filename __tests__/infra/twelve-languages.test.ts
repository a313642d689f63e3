/**
 * Issue 9's scale target: a 12-language event synthesizes with the real app, passes the rule
 * pack (ACI's 5 public ports per group among it), and plans, with each language's audio and
 * what protects the ingest in the plan's own words.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEngine } from '../../engine';
import { main } from '../../scripts/cli';
import { makeSandbox, REPO, Sandbox } from '../cli/support/sandbox';

const LANGUAGES = [
  'original',
  { name: 'spanish', audio: { track: 2 }, floorMixDb: -18 },
  'french',
  'german',
  { name: 'italian', audio: { channels: [5, 6] } },
  'dutch',
  'polish',
  'czech',
  'greek',
  'finnish',
  'swedish',
  { name: 'danish', audio: { track: 12 }, floorMixDb: -24 },
];

let box: Sandbox;
let logDir: string;
beforeAll(() => {
  box = makeSandbox('twelve');
  logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-twelve-logs-'));
  box.writeEvent('twelve-languages', {
    name: 'Twelve Languages',
    // 12 OBS VMs: the heavier layout (the container kind is one group per language).
    mixer: 'obs',
    languages: LANGUAGES,
  });
});
afterAll(() => {
  box.remove();
  fs.rmSync(logDir, { recursive: true, force: true });
});

// The real app's synth of 12 mixers takes a few seconds; more on a busy machine.
jest.setTimeout(180_000);

describe('a 12-language event', () => {
  it('synthesizes with the real app and plans: 12 mixers, 2 container groups of 2 public ports', async () => {
    const engine = createEngine({
      projectDir: REPO,
      eventsDir: box.eventsDir,
      logDir,
      stateDir: path.join(logDir, 'state'),
    });
    const r = await engine.plan({ event: 'twelve-languages' }).result;
    expect(r.error).toBeUndefined();
    const count = (type: string) => r.resources.filter((x) => x.type === type).length;
    expect(count('azurerm_windows_virtual_machine')).toBe(12);
    expect(count('azurerm_public_ip')).toBe(12);
    expect(count('azurerm_container_group')).toBe(2);

    const planned = path.join(REPO, 'cdktf.out', 'plans', 'production', 'twelve-languages');
    const json = JSON.parse(
      fs.readFileSync(path.join(planned, 'stacks', 'twelve-languages', 'cdk.tf.json'), 'utf8'),
    );
    for (const group of Object.values(json.resource.azurerm_container_group) as any[]) {
      expect(group.exposed_port).toHaveLength(2);
      expect(group.container[0].environment_variables.SRT_OUTPUT_TARGETS.split(',')).toHaveLength(
        12,
      );
    }
    fs.rmSync(planned, { recursive: true, force: true });

    expect(r.audio).toEqual([
      'original: track 1',
      'spanish: track 2, floor at -18 dB',
      'french: track 3',
      'german: track 4',
      'italian: channels 5+6 of track 1',
      'dutch: track 6',
      'polish: track 7',
      'czech: track 8',
      'greek: track 9',
      'finnish: track 10',
      'swedish: track 11',
      'danish: track 12, floor at -24 dB',
    ]);
    expect(r.protection).toMatch(/the SRT passphrase \(encryption enforced\) is what keeps/);
  });

  it("plan prints each language's audio and says the passphrase protects the ingest", async () => {
    // The fixture app synthesizes quickly; the mapping and the sentence come from the event.
    const out: string[] = [];
    const code = await main(['plan', '--event', 'twelve-languages'], {
      env: box.env(),
      engineOptions: box.options(),
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^Audio from the program feed:$/m);
    expect(text).toMatch(/^ {2}spanish: track 2, floor at -18 dB$/m);
    expect(text).toMatch(/^ {2}italian: channels 5\+6 of track 1$/m);
    expect(text).toMatch(
      /^Ingest protection: anyone on the Internet can reach the relay and splitter ingest ports; the SRT passphrase \(encryption enforced\) is what keeps other senders out\./m,
    );
  });
});
