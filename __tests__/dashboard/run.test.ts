import { EventEmitter } from 'node:events';
import { runDashboard } from '../../dashboard/run';
import { FakeEngine } from './support/fake-engine';
import { request } from './support/http';

function harness(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const signals = new EventEmitter();
  const engine = new FakeEngine();
  const options = {
    env,
    signals,
    engine,
    out: (l: string) => out.push(l),
    err: (l: string) => err.push(l),
  };
  return { out, err, signals, engine, options };
}

/** Resolves once the dashboard has printed the URL to open. */
function openUrl(out: string[]): Promise<string> {
  return new Promise((resolve) => {
    const look = () => {
      const line = out.find((l) => l.startsWith('Open: '));
      if (line) resolve(line.slice('Open: '.length));
      else setImmediate(look);
    };
    look();
  });
}

describe('runDashboard', () => {
  it.each([
    [['--port', 'eighty'], /--port "eighty" must be a number from 0 to 65535/],
    [['--port', '70000'], /--port "70000" must be a number/],
    [['--verbose'], /unknown option --verbose/],
    [['extra'], /unexpected argument "extra"/],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const h = harness();
    expect(await runDashboard(argv, h.options)).toBe(2);
    expect(h.err).toHaveLength(1);
    expect(h.err[0]).toMatch(message);
    expect(h.engine.calls).toEqual([]);
  });

  it('refuses a short token from the environment', async () => {
    const h = harness({ STREAM_CONTROL_DASHBOARD_TOKEN: 'short' });
    expect(await runDashboard(['--port', '0'], h.options)).toBe(2);
    expect(h.err[0]).toMatch(/STREAM_CONTROL_DASHBOARD_TOKEN is shorter than 24 characters/);
  });

  it('prints the help text', async () => {
    const h = harness();
    expect(await runDashboard(['--help'], h.options)).toBe(0);
    expect(h.out.join('\n')).toMatch(/--port N/);
  });

  it('prints a URL whose token opens the API, and stops on Ctrl-C', async () => {
    const token = 'env-token-abcdefghijklmnopqrstuvwxyz';
    const h = harness({ STREAM_CONTROL_DASHBOARD_TOKEN: token });
    const done = runDashboard(['--port', '0'], h.options);
    const url = await openUrl(h.out);
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/#token=${token}$`));
    const base = url.slice(0, url.indexOf('/#'));
    const res = await request(base, 'GET', '/api/events', {
      headers: { 'x-stream-control-token': token },
    });
    expect(res.status).toBe(200);
    expect(h.err).toEqual([]);
    h.signals.emit('SIGINT');
    expect(await done).toBe(0);
    await expect(request(base, 'GET', '/')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('generates a fresh token when none is set', async () => {
    const h = harness();
    const done = runDashboard(['--port', '0'], h.options);
    const url = await openUrl(h.out);
    expect(url).toMatch(/#token=[A-Za-z0-9_-]{43}$/);
    h.signals.emit('SIGTERM');
    expect(await done).toBe(0);
  });

  it('warns when bound beyond loopback', async () => {
    const h = harness();
    const done = runDashboard(['--port', '0', '--host', '0.0.0.0'], h.options);
    await openUrl(h.out);
    expect(h.err.join('\n')).toMatch(/warning: the dashboard listens on 0\.0\.0\.0/);
    h.signals.emit('SIGINT');
    expect(await done).toBe(0);
  });

  it('warns on the first Ctrl-C during a run and cancels it on the second', async () => {
    const h = harness();
    const done = runDashboard(['--port', '0'], h.options);
    await openUrl(h.out);
    const run = h.engine.deploy({ event: 'spring-summit', youtubeKeys: ['k1234567'] }) as never as {
      cancelled: boolean;
      finished: boolean;
    };
    h.signals.emit('SIGINT');
    expect(h.out.join('\n')).toMatch(/A run is in progress \(deploy spring-summit\)/);
    expect(run.cancelled).toBe(false);
    h.signals.emit('SIGINT');
    expect(await done).toBe(130);
    expect(run.cancelled).toBe(true);
  });

  it('cancels a run at once on SIGTERM', async () => {
    const h = harness();
    const done = runDashboard(['--port', '0'], h.options);
    await openUrl(h.out);
    const run = h.engine.deploy({ event: 'spring-summit', youtubeKeys: ['k1234567'] }) as never as {
      cancelled: boolean;
    };
    h.signals.emit('SIGTERM');
    expect(await done).toBe(130);
    expect(run.cancelled).toBe(true);
  });
});
