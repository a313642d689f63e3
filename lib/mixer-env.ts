/**
 * The container mixer's configuration, rendered from the mixer model: plain environment
 * variables only (names: lib/contract.ts). The stream key, the passphrase and the status token
 * are not among them: the mixer reads them from the event's Key Vault, named here by secret, so
 * no resource attribute (and no Terraform state) holds them.
 */
import { ENV, HEALTH_PORT } from './contract';
import { MixerModel } from './mixer-model';
import { VaultAccess, vaultReaderEnv } from './secrets';

export interface MixerEnvSecrets {
  /** The event's vault and the reader identity's client id (references). */
  readonly vault: VaultAccess;
}

export interface MixerEnv {
  readonly env: Readonly<Record<string, string>>;
}

export function renderMixerEnv(model: MixerModel, secrets: MixerEnvSecrets): MixerEnv {
  const o = model.output;
  const env: Record<string, string> = {
    [ENV.eventName]: model.eventName,
    [ENV.mixerLanguage]: model.language,
    [ENV.mixerLayout]: model.layout,
    [ENV.latencyMs]: String(model.srtLatencyMs),
    [ENV.destinationUrl]: model.destinationUrl,
    [ENV.outputSize]: `${o.width}x${o.height}`,
    [ENV.outputFps]: String(o.fps),
    [ENV.videoBitrateKbps]: String(o.videoBitrateKbps),
    [ENV.keyframeSeconds]: String(o.keyframeSeconds),
    [ENV.audioBitrateKbps]: String(o.audioBitrateKbps),
    [ENV.audioSampleRateHz]: String(o.audioSampleRateHz),
    [ENV.x264Preset]: o.x264Preset,
    [ENV.healthPort]: String(HEALTH_PORT),
    ...vaultReaderEnv(secrets.vault, model.language),
  };
  if (model.expiresAt) env[ENV.expiresAt] = model.expiresAt.toISOString();
  return { env };
}
