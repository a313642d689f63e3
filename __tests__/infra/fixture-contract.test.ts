/**
 * The engine's tests run a fixture app instead of the real stacks (terraform applies it
 * offline). That is only honest while the fixture declares what the real stacks declare: the
 * same output names and the same secret variables, event and platform alike. A rename in a
 * stack fails here, not in production.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EVENT_OUTPUTS, PLATFORM_OUTPUTS } from '../../lib/stack-outputs';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURE = path.join(ROOT, '__tests__', 'fixtures', 'app');

interface StackJson {
  output?: Record<string, { sensitive?: boolean }>;
  variable?: Record<string, { sensitive?: boolean; ephemeral?: boolean; type?: string }>;
}

/** Synthesizes one stack with an app, the way the engine runs it (lib/app-env.ts). */
function synth(app: 'real' | 'fixture', stack: string, env: Record<string, string>): StackJson {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `contract-${app}-`));
  try {
    const [cwd, argv] =
      app === 'real' ? [ROOT, ['-r', './tools/register-ts.js', 'main.ts']] : [FIXTURE, ['main.js']];
    execFileSync(process.execPath, argv, {
      cwd,
      env: {
        ...process.env,
        ...env,
        CDKTF_OUTDIR: outdir,
        NODE_PATH: path.join(ROOT, 'node_modules'),
        STREAM_CONTROL_STATE_DIR: outdir,
      },
      stdio: 'pipe',
    });
    return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const shape = (json: StackJson) => ({
  outputs: Object.fromEntries(
    Object.entries(json.output ?? {}).map(([k, v]) => [k, v.sensitive === true]),
  ),
  // Ephemeral too: a fixture whose keys terraform would store could not catch a leak to state.
  variables: Object.fromEntries(
    Object.entries(json.variable ?? {}).map(([k, v]) => [
      k,
      { sensitive: v.sensitive === true, ephemeral: v.ephemeral === true, type: v.type },
    ]),
  ),
});

describe('the fixture app declares what the real stacks declare', () => {
  it('event stack: the same outputs (and which are sensitive) and the same secret variables', () => {
    const env = { STREAM_CONTROL_EVENT: 'contract-show', STREAM_CONTROL_ENV: 'staging' };
    const real = shape(synth('real', 'contract-show', env));
    const fixture = shape(synth('fixture', 'contract-show', env));
    expect(fixture).toEqual(real);
    expect(Object.keys(real.outputs).sort()).toEqual(Object.values(EVENT_OUTPUTS).sort());
    expect(Object.keys(real.variables).sort()).toEqual([
      'secrets_version',
      'srt_passphrase',
      'status_token',
      'youtube_key_french',
      'youtube_key_original',
      'youtube_key_spanish',
    ]);
  });

  it('event stack with OBS mixers: the admin password variable too, in both', () => {
    const events = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-events-'));
    try {
      fs.writeFileSync(
        path.join(events, 'obs-contract.json'),
        JSON.stringify({ name: 'OBS Contract', mixer: 'obs', languages: ['original', 'spanish'] }),
      );
      const env = {
        STREAM_CONTROL_EVENT: 'obs-contract',
        STREAM_CONTROL_ENV: 'staging',
        STREAM_CONTROL_EVENTS_DIR: events,
      };
      const real = shape(synth('real', 'obs-contract', env));
      const fixture = shape(synth('fixture', 'obs-contract', env));
      expect(fixture).toEqual(real);
      expect(real.variables.mixer_admin_password).toEqual({
        sensitive: true,
        ephemeral: true,
        type: 'string',
      });
    } finally {
      fs.rmSync(events, { recursive: true, force: true });
    }
  });

  it('platform stack: the same outputs', () => {
    const env = { STREAM_CONTROL_PLATFORM: 'production' };
    const real = shape(synth('real', 'platform-production', env));
    const fixture = shape(synth('fixture', 'platform-production', env));
    expect(fixture).toEqual(real);
    expect(Object.keys(real.outputs).sort()).toEqual(Object.values(PLATFORM_OUTPUTS).sort());
  });
});
