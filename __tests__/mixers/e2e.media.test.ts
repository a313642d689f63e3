import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENV, MIXER_INPUT_PORTS } from '../../lib/contract';
import { layoutRects, YOUTUBE_RTMPS_URL } from '../../lib/mixer-model';
import { MixerStatus } from '../../lib/mixer-status';
import { VAULT_SECRETS } from '../../lib/secrets';
import { callerUri, freeTcpPort, freeUdpPort } from '../containers/support/media';
import { killAll, waitFor } from '../containers/support/procs';
import { RunningRelay, startRelay } from '../containers/support/relay';
import { startVenue, TONES_HZ } from '../containers/support/venue';
import { resourcesOf, synthEventStack } from '../infra/helpers';
import { KeyVaultStandIn, READER_CLIENT_ID } from '../support/key-vault-stand-in';
import { grayFrame, keyframeIntervals, regionMean, streamInfo, toneHz } from './support/analyze';
import {
  exitedWithin,
  pushSlides,
  RunningMixer,
  startContainerMixer,
  startRtmpReceiver,
} from './support/mixer';
import { obsSetupFromCustomData, startObsWith, withObsPorts } from './support/obs';

const PASS = 'e2e-passphrase-91c3';
const TOKEN = 'e2eStatusToken5b0123';
const LANGUAGES = ['original', 'spanish', 'french'];
const key = (language: string): string => `key-${language}-e2e`;
let dir: string;
let vault: KeyVaultStandIn;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mixers-e2e-'));
  // The event's vault as the stack fills it: the passphrase, the status token and each
  // language's key.
  vault = await KeyVaultStandIn.start({
    secrets: Object.fromEntries([
      [VAULT_SECRETS.passphrase, PASS],
      [VAULT_SECRETS.statusToken, TOKEN],
      ...LANGUAGES.map((l) => [VAULT_SECRETS.streamKey(l), key(l)]),
    ]),
  });
});
afterAll(async () => {
  await killAll();
  await vault?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Env = Record<string, string>;
/**
 * Plain variables as synthesized, minus those that name where things listen (rewritten), with
 * the vault and IMDS pointed at the loopback stand-in; the secret names stay as synthesized.
 */
const without = (env: Env, ...names: string[]): Env => ({
  ...Object.fromEntries(
    Object.entries(env).filter(
      ([k]) => !names.includes(k) && k !== ENV.keyVaultUrl && k !== ENV.azureClientId,
    ),
  ),
  ...vault.partEnv(READER_CLIENT_ID),
});

describe('end to end, container mixers: venue -> relay + splitter -> mixers -> RTMP', () => {
  it('each language reaches its own RTMP listener with its tone, YouTube settings and the slides', async () => {
    const { doc } = synthEventStack({ mixer: 'container', languages: LANGUAGES });
    const groups = resourcesOf(doc, 'azurerm_container_group');
    const env = (name: string, language?: string): Env =>
      groups.find(
        (g) =>
          g.container[0].name === name &&
          (!language || g.container[0].environment_variables[ENV.mixerLanguage] === language),
      ).container[0].environment_variables;

    const files = LANGUAGES.map((l) => join(dir, `${l}.flv`));
    const receivers: ReturnType<typeof startRtmpReceiver>[] = [];
    const mixers: RunningMixer[] = [];
    for (const [i, language] of LANGUAGES.entries()) {
      const rtmpPort = await freeTcpPort();
      receivers.push(startRtmpReceiver(rtmpPort, key(language), files[i], 12));
      mixers.push(
        await startContainerMixer({
          // EXPIRES_AT is the test event's (in the past); HEALTH_PORT and RTMP_URL listen here.
          ...without(env('language-mixer', language), ENV.healthPort, ENV.expiresAt),
          [ENV.destinationUrl]: `rtmp://127.0.0.1:${rtmpPort}/live`,
          [ENV.latencyMs]: '120',
          // YouTube's settings stay; only x264's effort is lowered for a shared 2-core machine.
          [ENV.x264Preset]: 'ultrafast',
        }),
      );
    }
    const feed = (name: 'srt-relay' | 'slide-splitter', port: (m: RunningMixer) => number) =>
      startRelay(name, 3, {
        ...without(env(name), ENV.ingestPort, ENV.healthPort, ENV.outputTargets),
        [ENV.outputTargets]: mixers.map((m) => `127.0.0.1:${port(m)}`).join(','),
        [ENV.latencyMs]: '120',
      });
    const relay: RunningRelay = await feed('srt-relay', (m) => m.programPort);
    const splitter: RunningRelay = await feed('slide-splitter', (m) => m.slidesPort);
    startVenue(callerUri(relay.ingestPort, 120, PASS), 'tracks');
    pushSlides(callerUri(splitter.ingestPort, 120, PASS), 120, '3840x1080');

    const status = async (m: RunningMixer): Promise<MixerStatus> =>
      JSON.parse((await m.get('/status', TOKEN)).body) as MixerStatus;
    for (const m of mixers) {
      await waitFor(
        'on air with slides',
        async () => {
          const s = await status(m);
          return s.onAir && s.picture === 'composite';
        },
        120000,
      );
    }
    expect(
      await Promise.all(receivers.map((r) => exitedWithin(r, 60000, 'an RTMP listener'))),
    ).toEqual([0, 0, 0]);

    // Every mixer read its own key, and the parts the passphrase and the status token, from
    // the vault by the synthesized names (no key, passphrase or token was in any part's
    // environment); /status above answered to the vault's token.
    const read = new Set(
      vault
        .calls('vault')
        .filter((r) => r.status === 200)
        .map((r) => r.path),
    );
    for (const l of LANGUAGES) expect(read).toContain(`/secrets/${VAULT_SECRETS.streamKey(l)}`);
    expect(read).toContain(`/secrets/${VAULT_SECRETS.passphrase}`);
    expect(read).toContain(`/secrets/${VAULT_SECRETS.statusToken}`);

    const { slides } = layoutRects('inset', 1920, 1080);
    for (const [i, file] of files.entries()) {
      const info = await streamInfo(file);
      expect(info).toMatchObject({ width: 1920, height: 1080, sampleRate: 48000, channels: 2 });
      expect(Math.abs((await toneHz(file, 2, 4)) - TONES_HZ[i])).toBeLessThan(10);
      expect(Math.max(...(await keyframeIntervals(file)))).toBeLessThanOrEqual(2.01);
      const px = await grayFrame(file, 0.5, 1920, 1080);
      expect(regionMean(px, slides)).toBeGreaterThan(230);
      expect(regionMean(px, { x: 100, y: 100, width: 800, height: 400 })).toBeLessThan(200);
    }
  }, 420000);
});

describe('end to end, OBS: venue -> relay + splitter -> OBS (the VM files) -> RTMP', () => {
  it('Spanish reaches its RTMP listener with its tone, YouTube settings and the slides', async () => {
    await withObsPorts(async () => {
      const { doc } = synthEventStack({ mixer: 'obs', languages: LANGUAGES });
      const groups = resourcesOf(doc, 'azurerm_container_group');
      const env = (name: string): Env =>
        groups.find((g) => g.container[0].name === name).container[0].environment_variables;
      const vm = Object.entries(doc.resource.azurerm_windows_virtual_machine).find(([id]) =>
        id.includes('spanish'),
      )![1] as { custom_data: string };
      const setup = obsSetupFromCustomData(vm.custom_data);
      // The VM's files, with only the destination pointed at a local listener.
      const rtmpPort = await freeTcpPort();
      const service = 'basic/profiles/spanish/service.json';
      const files = {
        ...setup.files,
        [service]: setup.files[service].replace(
          YOUTUBE_RTMPS_URL,
          `rtmp://127.0.0.1:${rtmpPort}/live`,
        ),
      };
      expect(files[service]).not.toBe(setup.files[service]);
      const file = join(dir, 'obs-spanish.flv');
      // OBS streams (black) from its start, before the feeds come through the relay and the
      // splitter; 30 s leave a loaded machine time to bring the slides in before the end.
      const receiver = startRtmpReceiver(rtmpPort, key('spanish'), file, 30);
      const obs = startObsWith(
        join(dir, 'obs'),
        files,
        { passphrase: PASS, streamKey: key('spanish') },
        setup.args,
      );
      await waitFor('OBS streaming', async () => /Starting stream/.test(obs.log()), 120000);
      // Only Spanish's OBS runs (its listeners are the fixed 10001/10002); the others' targets
      // are free ports nobody answers, as if those mixers were still booting.
      const unused = [await freeUdpPort(), await freeUdpPort()];
      const targets = (port: number): string =>
        [`127.0.0.1:${unused[0]}`, `127.0.0.1:${port}`, `127.0.0.1:${unused[1]}`].join(',');
      const feed = (name: 'srt-relay' | 'slide-splitter', port: number) =>
        startRelay(name, 3, {
          ...without(env(name), ENV.ingestPort, ENV.healthPort, ENV.outputTargets),
          [ENV.outputTargets]: targets(port),
          [ENV.latencyMs]: '120',
        });
      const relay = await feed('srt-relay', MIXER_INPUT_PORTS.program);
      const splitter = await feed('slide-splitter', MIXER_INPUT_PORTS.slides);
      startVenue(callerUri(relay.ingestPort, 120, PASS), 'tracks');
      pushSlides(callerUri(splitter.ingestPort, 120, PASS), 120, '3840x1080');
      expect(await exitedWithin(receiver, 150000, 'the RTMP listener')).toBe(0);

      const info = await streamInfo(file);
      expect(info).toMatchObject({ width: 1920, height: 1080, sampleRate: 48000, channels: 2 });
      expect(Math.abs((await toneHz(file, 20, 5)) - TONES_HZ[1])).toBeLessThan(10);
      expect(Math.max(...(await keyframeIntervals(file)))).toBeLessThanOrEqual(2.01);
      const px = await grayFrame(file, 0.5, 1920, 1080);
      const { slides } = layoutRects('inset', 1920, 1080);
      expect(regionMean(px, slides)).toBeGreaterThan(230);
      expect(regionMean(px, { x: 100, y: 100, width: 800, height: 400 })).toBeLessThan(200);
    });
  }, 300000);
});
