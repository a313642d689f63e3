/**
 * The real slide splitter reading its passphrase from Key Vault (the loopback stand-in) and
 * refreshing it: slides pushed with the vault's passphrase reach a mixer's SRT listener as
 * 1920x1080; after the passphrase changes in the vault, the venue gets in only with the new
 * one and the splitter calls the mixer with the new one; neither value shows outside it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENV } from '../../lib/contract';
import { VAULT_SECRETS } from '../../lib/secrets';
import { callerUri, fileSize, probe, startSource } from '../containers/support/media';
import { killAll, waitFor } from '../containers/support/procs';
import { RunningRelay, STATUS_TOKEN, startRelay } from '../containers/support/relay';
import { startMixer } from '../containers/support/venue';
import { exitedWithin } from '../mixers/support/mixer';
import { processText } from './support/exposed';
import { KeyVaultStandIn } from '../support/key-vault-stand-in';

// Canaries: the vault's passphrases, before and after the change.
const FIRST = 'canary-splitter-pass-1';
const SECOND = 'canary-splitter-pass-2';
const LATENCY_MS = 120;

let kv: KeyVaultStandIn;
let splitter: RunningRelay;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'splitter-vault-'));
  kv = await KeyVaultStandIn.start({
    secrets: { [VAULT_SECRETS.passphrase]: FIRST, [VAULT_SECRETS.statusToken]: STATUS_TOKEN },
  });
  splitter = await startRelay('slide-splitter', 1, {
    ...kv.partEnv(),
    [ENV.passphraseSecret]: VAULT_SECRETS.passphrase,
    [ENV.statusTokenSecret]: VAULT_SECRETS.statusToken,
    [ENV.secretsRefreshSeconds]: '2',
    [ENV.latencyMs]: String(LATENCY_MS),
    [ENV.peerIdleTimeoutMs]: '1500',
    [ENV.slideFit]: 'crop',
  });
}, 30000);
afterAll(async () => {
  await killAll();
  await kv.close();
  rmSync(dir, { recursive: true, force: true });
});

/** 3840x1080 slides pushed with `venuePass`; what a mixer listening with `mixerPass` records in 4 s. */
async function slidesThrough(venuePass: string, mixerPass: string, name: string) {
  const file = join(dir, `${name}.ts`);
  const mixer = startMixer(splitter.outputPorts[0], mixerPass, file, 4);
  const venue = startSource(callerUri(splitter.ingestPort, LATENCY_MS, venuePass), {
    size: '3840x1080',
    fps: 5,
    audio: false,
    seconds: 40,
  });
  try {
    return { code: await exitedWithin(mixer, 30000, `the ${name} mixer`), file };
  } finally {
    // Gone before the canary check, which reads every process's command line.
    venue.kill('SIGKILL');
    await exitedWithin(venue, 10000, `the ${name} venue`);
  }
}

/** Decoded: the splitter's output size and how many frames came out of the decoder. */
async function expectSlides(file: string): Promise<void> {
  const p = await probe(file);
  expect(p.video).toMatchObject({ codec: 'h264', width: 1920, height: 1080 });
  expect(p.video!.frames).toBeGreaterThanOrEqual(10);
}

describe('slide-splitter with KEY_VAULT_URL, passphrase refresh', () => {
  it("takes slides pushed with the vault's passphrase and calls the mixer with it", async () => {
    const { code, file } = await slidesThrough(FIRST, FIRST, 'first');
    expect(code).toBe(0);
    await expectSlides(file);
    expect((await splitter.status()).encrypted).toBe(true);
  }, 60000);

  it('after a passphrase change in the vault, takes the venue and reaches the mixer only with the new one', async () => {
    kv.setSecret(VAULT_SECRETS.passphrase, SECOND);
    await waitFor('the change', () => splitter.logs().includes('SRT children restarted'), 15000);
    const change = splitter
      .logs()
      .split('\n')
      .find((l) => l.includes('"msg":"secret changed"'));
    expect(JSON.parse(change!)).toMatchObject({ secrets: VAULT_SECRETS.passphrase });

    // The venue with the old passphrase is refused at the handshake.
    const refused = (await splitter.status()).input.rejectedCallers;
    const old = startSource(callerUri(splitter.ingestPort, LATENCY_MS, FIRST), {
      size: '3840x1080',
      fps: 5,
      audio: false,
      seconds: 10,
    });
    expect(await exitedWithin(old, 15000, 'the venue with the old passphrase')).not.toBe(0);
    await waitFor('the old one refused', async () => {
      return (await splitter.status()).input.rejectedCallers > refused;
    });

    // One venue with the new passphrase: a mixer still on the old one gets nothing of it...
    const venue = startSource(callerUri(splitter.ingestPort, LATENCY_MS, SECOND), {
      size: '3840x1080',
      fps: 5,
      audio: false,
      seconds: 60,
    });
    try {
      await waitFor(
        'the new venue in',
        async () => (await splitter.status()).input.connected,
        20000,
      );
      const calls = (await splitter.status()).outputs[0].rejectedCalls;
      const stale = join(dir, 'stale.ts');
      const staleMixer = startMixer(splitter.outputPorts[0], FIRST, stale, 4);
      await waitFor(
        'the splitter refused by the old-passphrase mixer',
        async () => (await splitter.status()).outputs[0].rejectedCalls > calls,
        20000,
      );
      staleMixer.kill('SIGKILL');
      await exitedWithin(staleMixer, 10000, 'the stale mixer');
      expect(fileSize(stale)).toBe(0);

      // ...and one on the new passphrase records decodable 1920x1080 slides.
      const file = join(dir, 'second.ts');
      const mixer = startMixer(splitter.outputPorts[0], SECOND, file, 4);
      expect(await exitedWithin(mixer, 30000, 'the new-passphrase mixer')).toBe(0);
      await expectSlides(file);
    } finally {
      venue.kill('SIGKILL');
      await exitedWithin(venue, 10000, 'the new venue');
    }
  }, 120000);

  it('never shows either passphrase in a process argv or environment, the logs, /status or /metrics', async () => {
    const text = [
      processText(splitter.proc.pid!),
      splitter.logs(),
      (await splitter.get('/status')).body,
      (await splitter.get('/metrics')).body,
    ].join('\n');
    expect(text).toContain('ffmpeg');
    expect(text).not.toContain(FIRST);
    expect(text).not.toContain(SECOND);
  });
});
