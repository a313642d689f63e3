import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENV, MIXER_INPUT_PORTS } from '../../lib/contract';
import { VAULT_SECRETS } from '../../lib/secrets';
import { resourcesOf, synthEventStack } from '../infra/helpers';
import { KeyVaultStandIn, READER_CLIENT_ID } from '../support/key-vault-stand-in';
import { callerUri, probe, startSource } from './support/media';
import { exited, killAll } from './support/procs';
import { RunningRelay, STATUS_TOKEN, startRelay } from './support/relay';
import { audioStreams, decodeLeft, toneDb, zeroCrossingHz } from './support/tone';
import { TONES_HZ, startMixer, startVenue } from './support/venue';

const PASSPHRASE = 'as-deployed-passphrase';
let relay: RunningRelay;
let splitter: RunningRelay;
let vault: KeyVaultStandIn;
let dir: string;
let synthesized: Record<string, string>;

/**
 * Every value as the stack wrote it, except where things listen: the mixers' public IPs
 * (Terraform references) and the ports become free ones on 127.0.0.1 (startRelay's), the
 * vault and IMDS the loopback stand-in (as the reader identity's client id). The passphrase
 * and the status token come from the stand-in vault under the secret names the stack wrote;
 * the stack writes no secure variable.
 */
function asDeployed(env: Record<string, string>): Record<string, string> {
  const kept = Object.entries(env).filter(
    ([k]) =>
      k !== ENV.ingestPort &&
      k !== ENV.healthPort &&
      k !== ENV.outputTargets &&
      k !== ENV.keyVaultUrl &&
      k !== ENV.azureClientId,
  );
  return { ...Object.fromEntries(kept), ...vault.partEnv(READER_CLIENT_ID) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'as-deployed-'));
  vault = await KeyVaultStandIn.start({
    secrets: { [VAULT_SECRETS.passphrase]: PASSPHRASE, [VAULT_SECRETS.statusToken]: STATUS_TOKEN },
  });
  const { doc } = synthEventStack({
    languages: [
      'original',
      { name: 'spanish', audio: { track: 2 }, floorMixDb: -12 },
      { name: 'french', audio: { track: 3 } },
    ],
  });
  const env = (name: string): Record<string, string> =>
    resourcesOf(doc, 'azurerm_container_group').find((g) => g.container[0].name === name)
      .container[0].environment_variables;
  synthesized = env('srt-relay');
  relay = await startRelay('srt-relay', 3, asDeployed(synthesized));
  splitter = await startRelay('slide-splitter', 3, asDeployed(env('slide-splitter')));
}, 120000);

afterAll(async () => {
  await killAll();
  await vault?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('relay and splitter configured exactly as the synthesized stack configures them', () => {
  it('read the passphrase and the status token from the vault by the secret names the stack wrote, as the reader identity', async () => {
    expect(synthesized[ENV.passphrase]).toBeUndefined();
    expect(synthesized[ENV.statusToken]).toBeUndefined();
    expect(synthesized[ENV.passphraseSecret]).toBe(VAULT_SECRETS.passphrase);
    expect(synthesized[ENV.statusTokenSecret]).toBe(VAULT_SECRETS.statusToken);
    const reads = vault.calls('vault').filter((r) => r.status === 200);
    // Each of the relay and the splitter read both at least once.
    const count = (name: string) => reads.filter((r) => r.path === `/secrets/${name}`).length;
    expect(count(VAULT_SECRETS.passphrase)).toBeGreaterThanOrEqual(2);
    expect(count(VAULT_SECRETS.statusToken)).toBeGreaterThanOrEqual(2);
    expect(reads.length).toBe(count(VAULT_SECRETS.passphrase) + count(VAULT_SECRETS.statusToken));
    for (const r of vault.calls('imds')) expect(r.query.client_id).toBe(READER_CLIENT_ID);
    // The vault's token opens /status on both; another does not.
    for (const part of [relay, splitter]) {
      expect((await part.get('/status')).code).toBe(200);
      expect((await part.get('/status', 'not-the-status-token-0000')).code).toBe(401);
    }
  });

  it('pushes to every mixer on its program port', () => {
    const targets = synthesized[ENV.outputTargets].split(',');
    expect(targets).toHaveLength(3);
    for (const t of targets) expect(t).toMatch(new RegExp(`:${MIXER_INPUT_PORTS.program}$`));
    expect(synthesized[ENV.outputNames]).toBe('original,spanish,french');
  });

  it("gives each language's mixer its own tone, Spanish with the floor 12 dB under it", async () => {
    const file = (i: number): string => join(dir, `deployed-${i}.ts`);
    const mixers = [0, 1, 2].map((i) => startMixer(relay.outputPorts[i], PASSPHRASE, file(i), 5));
    startVenue(callerUri(relay.ingestPort, 120, PASSPHRASE), 'tracks');
    expect(await Promise.all(mixers.map(exited))).toEqual([0, 0, 0]);
    const decoded: Float64Array[] = [];
    for (const i of [0, 1, 2]) {
      expect(await audioStreams(file(i))).toEqual([
        { codec: 'aac', channels: 2, sampleRate: 48000 },
      ]);
      decoded.push(await decodeLeft(file(i)));
    }
    expect(Math.abs(zeroCrossingHz(decoded[0]) - TONES_HZ[0])).toBeLessThan(5);
    expect(Math.abs(zeroCrossingHz(decoded[2]) - TONES_HZ[2])).toBeLessThan(5);
    const floor = toneDb(decoded[1], TONES_HZ[0]) - toneDb(decoded[1], TONES_HZ[1]);
    expect(Math.abs(floor - -12)).toBeLessThan(2);
  });

  it('splits the slides to every mixer at the size the stack asks for', async () => {
    const files = [0, 1, 2].map((i) => join(dir, `slides-${i}.ts`));
    const mixers = files.map((f, i) => startMixer(splitter.outputPorts[i], PASSPHRASE, f, 4));
    startSource(callerUri(splitter.ingestPort, 120, PASSPHRASE), {
      size: '3840x1080',
      fps: 5,
      audio: false,
    });
    expect(await Promise.all(mixers.map(exited))).toEqual([0, 0, 0]);
    for (const f of files) {
      expect((await probe(f)).video).toMatchObject({ codec: 'h264', width: 1920, height: 1080 });
    }
  });
});
