import { ConfigError } from '../shared/config';
import { serveHealth } from '../shared/http';
import { log } from '../shared/log';
import { parseMixerConfig } from './config';
import { renderMixerMetrics } from './metrics';
import { Mixer } from './mixer';

/** Config errors exit 2 with one line each; SIGTERM or EXPIRES_AT stop everything. */
async function main(): Promise<void> {
  let cfg;
  try {
    cfg = parseMixerConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    for (const p of err.problems) process.stderr.write(`language-mixer: ${p}\n`);
    process.exit(2);
  }
  const mixer = new Mixer(cfg);
  const server = await serveHealth(
    {
      live: () => mixer.live(),
      status: () => mixer.status(),
      metrics: () => renderMixerMetrics(mixer.status()),
    },
    cfg.statusToken,
    cfg.healthPort,
  );
  let stopping = false;
  const stop = async (why: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log('info', 'stopping', { why });
    server.close();
    await mixer.stop();
    log('info', 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  if (cfg.expiresAt) {
    // Checked every few seconds: setTimeout cannot wait more than 24.8 days.
    const expiresAt = cfg.expiresAt.getTime();
    setInterval(() => {
      if (Date.now() >= expiresAt) void stop('expired');
    }, 2000).unref();
    if (Date.now() >= expiresAt) return void stop('expired');
  }
  await mixer.start();
}

void main();
