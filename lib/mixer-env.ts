/**
 * The container mixer's configuration, rendered from the mixer model: plain environment
 * variables, and the secure ones (ACI secureEnvironmentVariables) apart. Names: lib/contract.ts.
 */
import { ENV, HEALTH_PORT } from './contract';
import { MixerModel } from './mixer-model';

export interface MixerEnvSecrets {
  /** SRT passphrase the relay and the splitter use (a reference). */
  readonly passphrase: string;
  /** Bearer token for /status and /metrics (a reference). */
  readonly statusToken: string;
}

export interface MixerEnv {
  readonly env: Readonly<Record<string, string>>;
  /** Only these carry secrets; the stack puts them in secure variables, never in argv or logs. */
  readonly secureEnv: Readonly<Record<string, string>>;
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
  };
  if (model.expiresAt) env[ENV.expiresAt] = model.expiresAt.toISOString();
  return {
    env,
    secureEnv: {
      [ENV.streamKey]: model.streamKey,
      [ENV.passphrase]: secrets.passphrase,
      [ENV.statusToken]: secrets.statusToken,
    },
  };
}
