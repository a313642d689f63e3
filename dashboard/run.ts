/**
 * `./stream-control dashboard [--port N] [--host H]`: starts the server on the real engine,
 * prints the URL to open, and stays up until Ctrl-C. Errors are one line and exit code 2,
 * like every other command.
 */
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import minimist from 'minimist';
import { createEngine, engineOptionsFromEnv, type Engine } from '../engine';
import { isLoopback } from './security';
import { DEFAULT_HOST, DEFAULT_PORT, startDashboard } from './server';

export interface RunDashboardDeps {
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** @default process.stdout / process.stderr */
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
  /** @default the CLI's engine: createEngine(engineOptionsFromEnv(env)) */
  readonly engine?: Engine;
  /** Where SIGINT / SIGTERM arrive. @default process */
  readonly signals?: EventEmitter;
}

/** Shorter tokens from the environment could be guessed by a script on the venue network. */
const MIN_TOKEN_LENGTH = 24;

function parse(
  argv: readonly string[],
): { ok: true; port: number; host: string; help: boolean } | { ok: false; problem: string } {
  const args = minimist([...argv], {
    string: ['port', 'host'],
    boolean: ['help'],
    alias: { h: 'help', p: 'port' },
    unknown: (a) => !a.startsWith('-'),
  });
  const unknown = argv.find((a) => a.startsWith('-') && !/^--?(port|host|help|h|p)(=.*)?$/.test(a));
  if (unknown) return { ok: false, problem: `unknown option ${unknown}; see --help` };
  if (args._.length > 0)
    return { ok: false, problem: `unexpected argument "${args._[0]}"; see --help` };
  const portText = args.port ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65535) {
    return { ok: false, problem: `--port "${portText}" must be a number from 0 to 65535` };
  }
  const host = args.host ?? DEFAULT_HOST;
  if (host.trim() === '') return { ok: false, problem: '--host is empty; use e.g. 127.0.0.1' };
  return { ok: true, port, host, help: Boolean(args.help) };
}

export async function runDashboard(
  argv: readonly string[],
  deps: RunDashboardDeps = {},
): Promise<number> {
  const env = deps.env ?? process.env;
  const out = deps.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = deps.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const signals = deps.signals ?? process;
  const parsed = parse(argv);
  if (!parsed.ok) {
    err(`stream-control dashboard: ${parsed.problem}`);
    return 2;
  }
  if (parsed.help) {
    out(fs.readFileSync(path.join(__dirname, '..', 'help', 'dashboard.md'), 'utf8').trimEnd());
    return 0;
  }
  const envToken = env.STREAM_CONTROL_DASHBOARD_TOKEN;
  if (envToken !== undefined && envToken.length < MIN_TOKEN_LENGTH) {
    err(
      `stream-control dashboard: STREAM_CONTROL_DASHBOARD_TOKEN is shorter than ${MIN_TOKEN_LENGTH} characters; use e.g. "openssl rand -base64 32" or unset it to get a generated one`,
    );
    return 2;
  }
  // The same engine the CLI builds, from the same STREAM_CONTROL_* overrides, so the dashboard
  // and the CLI see one set of events, state, locks and logs.
  const engine = deps.engine ?? createEngine(engineOptionsFromEnv(env));
  let dashboard;
  try {
    dashboard = await startDashboard({
      engine,
      port: parsed.port,
      host: parsed.host,
      ...(envToken ? { token: envToken } : {}),
      log: out,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE'
        ? `port ${parsed.port} is in use; pick another with --port`
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
          ? `--host ${parsed.host} is not an address of this machine`
          : `cannot listen on ${parsed.host}:${parsed.port} (${code ?? (e as Error).message})`;
    err(`stream-control dashboard: ${why}`);
    return 2;
  }
  if (!isLoopback(parsed.host)) {
    err(
      `warning: the dashboard listens on ${parsed.host}, reachable from other machines over plain HTTP; anyone who sees the token can deploy and tear down. Prefer the default 127.0.0.1 with an SSH tunnel.`,
    );
  }
  out(`stream-control dashboard listening on ${dashboard.url}`);
  out(`Open: ${dashboard.openUrl}`);
  out('Press Ctrl-C to stop.');
  return waitForStop(engine, signals, out, () => dashboard.close());
}

/**
 * Ctrl-C while a deploy or teardown runs would leave it half done; the first press says so,
 * the second cancels the runs (terraform gets SIGINT) and waits for them to wind down.
 */
function waitForStop(
  engine: Engine,
  signals: EventEmitter,
  out: (line: string) => void,
  close: () => Promise<void>,
): Promise<number> {
  return new Promise<number>((resolve) => {
    let warned = false;
    // SIGTERM comes from a service manager that will not ask twice, SIGHUP from a closed
    // terminal that cannot: both cancel at once (terraform saves its state, outcomes are logged).
    const onSignal = async (signal: NodeJS.Signals) => {
      const active = engine.runs().filter((r) => !r.finished);
      if (active.length > 0 && !warned && signal === 'SIGINT') {
        warned = true;
        const what = active.map((r) => `${r.command} ${r.event ?? ''}`.trim()).join(', ');
        out(`A run is in progress (${what}). Press Ctrl-C again to cancel it and stop.`);
        return;
      }
      signals.off('SIGINT', onInt);
      signals.off('SIGTERM', onTerm);
      signals.off('SIGHUP', onHup);
      for (const run of active) run.cancel();
      await Promise.all(active.map((r) => r.result));
      await close();
      out('stream-control dashboard stopped.');
      resolve(active.length > 0 ? 130 : 0);
    };
    const onInt = () => void onSignal('SIGINT');
    const onTerm = () => void onSignal('SIGTERM');
    const onHup = () => void onSignal('SIGHUP');
    signals.on('SIGINT', onInt);
    signals.on('SIGTERM', onTerm);
    signals.on('SIGHUP', onHup);
  });
}

// `./stream-control dashboard` starts this file directly (the launcher), not through the CLI.
if (require.main === module) {
  // A hung-up terminal fails writes with EIO (a closed pipe with EPIPE): runs must go on.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  runDashboard(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: Error) => {
      process.stderr.write(`stream-control dashboard: ${e.message}\n`);
      process.exitCode = 1;
    },
  );
}
