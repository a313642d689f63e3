/**
 * `./stream-control <command>`: one front end of the engine. Parses flags, gathers keys,
 * renders the run, and exits with the run's exit code (help/cli.md lists them). Data (the
 * result) goes to stdout; progress, the log path and diagnostics go to stderr, so
 * `outputs > venue.txt` and `plan | head` get data only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createEngine,
  Engine,
  EngineOptions,
  engineOptionsFromEnv,
  EventRef,
  ExitCode,
  Run,
  RunResult,
} from '../engine';
import {
  Args,
  COMMANDS,
  ParsedCommand,
  parseCommand,
  PLATFORM_COMMANDS,
  PlatformCommand,
} from './cli/args';
import { CliError } from './cli/errors';
import { renderHelp } from './cli/help';
import { collectKeys, readPassphrase } from './cli/keys';
import { Prompter, ttyPrompter } from './cli/prompt';
import { eventLine, summary } from './cli/render';
import { closest } from './cli/suggest';

type Env = Readonly<Record<string, string | undefined>>;

export interface CliDeps {
  readonly env?: Env;
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
  /** A terminal to ask on; undefined when stdin or stdout is not one. */
  readonly prompter?: Prompter;
  /** @default createEngine(engineOptionsFromEnv(env)) */
  readonly engine?: Engine;
  readonly engineOptions?: EngineOptions;
  readonly signals?: NodeJS.EventEmitter;
  /** Colour for the progress lines (stderr). */
  readonly color?: boolean;
}

const ROOT = path.join(__dirname, '..');

/** help/cli.md or help/cli/<command>.md, rendered for an 80-column terminal. */
function helpText(command?: string): string {
  const file = command
    ? path.join(ROOT, 'help', 'cli', `${command.split(' ')[0]}.md`)
    : path.join(ROOT, 'help', 'cli.md');
  return renderHelp(fs.readFileSync(file, 'utf8'));
}

function version(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return `stream-control ${pkg.version}`;
}

/** `platform <sub> ...` becomes "platform <sub>" and the rest; a missing sub is bad input. */
function platformCommand(rest: readonly string[]): {
  command: `platform ${PlatformCommand}` | undefined;
  argv: readonly string[];
} {
  const [sub, ...argv] = rest;
  if (sub === undefined || sub === '--help' || sub === '-h') return { command: undefined, argv };
  if (!(PLATFORM_COMMANDS as readonly string[]).includes(sub)) {
    const guess = closest(sub, PLATFORM_COMMANDS);
    throw new CliError(
      `unknown platform command "${sub}"`,
      `${guess ? `did you mean "platform ${guess}"? ` : ''}platform commands: ${PLATFORM_COMMANDS.join(', ')}; see ./stream-control platform --help`,
    );
  }
  return { command: `platform ${sub as PlatformCommand}`, argv };
}

export async function main(argv: readonly string[], deps: CliDeps = {}): Promise<number> {
  const env = deps.env ?? process.env;
  const out = deps.out ?? ((l: string) => process.stdout.write(`${l}\n`));
  const err = deps.err ?? ((l: string) => process.stderr.write(`${l}\n`));
  const debug = argv.includes('--debug');
  const wantsJson = argv.includes('--json');
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-V') {
      out(version());
      return ExitCode.ok;
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      // No command: the help is a diagnostic, so it goes where diagnostics go.
      (command === undefined ? err : out)(
        helpText(command === 'help' && rest[0] ? rest[0] : undefined),
      );
      return command === undefined ? ExitCode.badInput : ExitCode.ok;
    }
    if (!(COMMANDS as readonly string[]).includes(command)) {
      const guess = closest(command, COMMANDS);
      throw new CliError(
        `unknown command "${command}"`,
        `${guess ? `did you mean "${guess}"? ` : ''}commands: ${COMMANDS.join(', ')}; see ./stream-control --help`,
      );
    }
    if (command === 'dashboard') {
      // The launcher starts the dashboard itself, so this front end never loads the other.
      throw new CliError(
        'the dashboard starts through the launcher',
        'run ./stream-control dashboard (help/dashboard.md)',
      );
    }
    let parsed: ParsedCommand;
    let argv: readonly string[] = rest;
    if (command === 'platform') {
      const p = platformCommand(rest);
      if (!p.command) {
        (rest.length === 0 ? err : out)(helpText('platform'));
        return rest.length === 0 ? ExitCode.badInput : ExitCode.ok;
      }
      parsed = p.command;
      argv = p.argv;
    } else {
      parsed = command as ParsedCommand;
    }
    const args = parseCommand(parsed, argv);
    if (args.help) {
      out(helpText(parsed));
      return ExitCode.ok;
    }
    const json = Boolean(args.json);
    const plain = json || env.CI === 'true' || env.CI === '1';
    const options = deps.engineOptions ?? engineOptionsFromEnv(env, debug);
    const engine = deps.engine ?? createEngine(options);
    const run = await start(parsed, args, {
      engine,
      options,
      env,
      deps,
      err,
      json,
    });
    if (!run) return ExitCode.ok;
    return await render(run, {
      out,
      err,
      json,
      color: !plain && deps.color === true,
      debug,
      signals: deps.signals ?? process,
    });
  } catch (e) {
    const ee = e as {
      code?: string;
      message?: string;
      hint?: string;
      exitCode?: number;
      stack?: string;
    };
    const known = e instanceof CliError || ee?.code === 'bad-input' || ee?.exitCode !== undefined;
    const error = known
      ? {
          code: e instanceof CliError ? 'bad-input' : (ee.code ?? 'failed'),
          message: ee.message ?? String(e),
          ...(ee.hint ? { hint: ee.hint } : {}),
        }
      : {
          code: 'failed',
          message: (ee?.message ?? String(e)).split('\n')[0],
          hint: 'run again with --debug for details',
        };
    const exitCode = known ? (ee.exitCode ?? ExitCode.badInput) : ExitCode.failed;
    // --json promises one document on stdout, even when the run never started.
    if (wantsJson) out(JSON.stringify({ ok: false, exitCode, error }, null, 2));
    err(`error: ${error.message}`);
    if (error.hint) err(`hint: ${error.hint}`);
    if (debug && ee?.stack) err(ee.stack);
    return exitCode;
  }
}

interface StartContext {
  engine: Engine;
  options: EngineOptions;
  env: Env;
  deps: CliDeps;
  err: (l: string) => void;
  json: boolean;
}

async function eventRef(args: Args, c: StartContext, allowDefault: boolean): Promise<EventRef> {
  const environment = args.env as EventRef['environment'];
  if (args.event !== undefined) return { event: args.event, environment };
  if (!allowDefault)
    throw new CliError('--event is required', 'name the event, e.g. --event "Conference-2025"');
  // The seed's `status` and `teardown --confirm` name no event: fine while only one is live.
  const live = (await c.engine.list().result).events.filter(
    (e) => !environment || e.environment === environment,
  );
  if (live.length === 1) {
    c.err(`using the only live event: ${live[0].event} (${live[0].environment})`);
    return { event: live[0].event, environment: live[0].environment };
  }
  throw new CliError(
    live.length === 0
      ? '--event is required (no live event to pick)'
      : `--event is required: ${live.length} events are live (${live.map((e) => e.event).join(', ')})`,
    'name the event, e.g. --event "Conference-2025"',
  );
}

async function start(
  command: ParsedCommand,
  args: Args,
  c: StartContext,
): Promise<Run | undefined> {
  const { engine } = c;
  const environment = args.env as EventRef['environment'];
  switch (command) {
    case 'deploy': {
      const ref = await eventRef(args, c, false);
      const event = engine.describeEvent(ref);
      const youtubeKeys = await collectKeys({
        file: args['youtube-keys-file'],
        argv: args['youtube-keys'],
        env: c.env,
        prompter: c.deps.prompter,
        languages: event.languages,
        warn: c.err,
      });
      const request = {
        ...ref,
        youtubeKeys,
        srtPassphrase: readPassphrase(args['srt-passphrase-file'], c.env),
        rollback: args.rollback !== false,
        waitForHealth: args.wait !== false,
      };
      // Bad keys or passphrase: one line, before a run (and its log) exists.
      engine.checkDeploy(request);
      return engine.deploy(request);
    }
    case 'teardown': {
      const ref = await eventRef(args, c, true);
      if (!args.confirm) {
        const event = engine.describeEvent(ref);
        if (!c.deps.prompter) {
          throw new CliError(
            `refusing to tear down ${event.slug} (${event.environment}) without --confirm: no terminal to ask`,
            `add --confirm: ./stream-control teardown --event ${event.slug} --env ${event.environment} --confirm`,
          );
        }
        const answer = await c.deps.prompter.ask(
          `This destroys every resource of ${event.slug} (${event.environment}). Type the event name to confirm: `,
        );
        if (answer !== event.slug && answer !== event.displayName) {
          throw new CliError(`"${answer}" is not ${event.slug}; nothing was touched`);
        }
      }
      return engine.teardown({ ...ref, confirm: true });
    }
    case 'status':
      return engine.status(await eventRef(args, c, true));
    case 'plan':
      return engine.plan(await eventRef(args, c, false));
    case 'outputs':
      return engine.outputs({
        ...(await eventRef(args, c, true)),
        showSecrets: Boolean(args['show-secrets']),
      });
    case 'list':
      return engine.list({ azure: Boolean(args.azure) });
    case 'cleanup':
      return engine.cleanup({ dryRun: Boolean(args['dry-run']) });
    case 'platform deploy':
      return engine.platformDeploy({ environment });
    case 'platform status':
      return engine.platformStatus({ environment });
    case 'platform destroy': {
      const shown = environment ?? 'production';
      if (!args.confirm) {
        if (!c.deps.prompter) {
          throw new CliError(
            `refusing to destroy the ${shown} platform without --confirm: no terminal to ask`,
            `add --confirm: ./stream-control platform destroy --env ${shown} --confirm`,
          );
        }
        const answer = await c.deps.prompter.ask(
          `This destroys the ${shown} platform and every event state it holds. Type the environment name to confirm: `,
        );
        if (answer !== shown)
          throw new CliError(`"${answer}" is not ${shown}; nothing was touched`);
      }
      return engine.platformDestroy({ environment, confirm: true });
    }
    case 'platform build-image':
      return engine.platformBuildImage({ environment, version: args['image-version'] });
  }
}

async function render(
  run: Run,
  o: {
    out: (l: string) => void;
    err: (l: string) => void;
    json: boolean;
    color: boolean;
    debug: boolean;
    signals: NodeJS.EventEmitter;
  },
): Promise<number> {
  // Commands that change something keep a log and show their progress; the log path comes
  // first, so an operator can `tail -f` it while the run goes on. Reads print their answer.
  const changes = run.logFile !== undefined;
  if (run.logFile) o.err(`Log: ${run.logFile}`);
  const unsubscribe =
    o.json || !changes
      ? () => undefined
      : run.subscribe((e) => {
          const line = eventLine(e, o.color);
          if (line !== undefined) o.err(line);
        });
  let interrupted = 0;
  const onSignal = () => {
    interrupted += 1;
    o.err(
      interrupted === 1
        ? 'interrupting: terraform stops after its current step (Ctrl-C again to force)'
        : 'forcing stop',
    );
    run.cancel();
    if (interrupted > 1) process.exit(ExitCode.interrupted);
  };
  // A closed terminal (SIGHUP) stops the run like Ctrl-C: terraform saves its state and the
  // outcome is still worked out (and logged) even if nobody is left to read it.
  o.signals.on('SIGINT', onSignal);
  o.signals.on('SIGTERM', onSignal);
  o.signals.on('SIGHUP', onSignal);
  let result: RunResult;
  try {
    result = await run.result;
  } finally {
    unsubscribe();
    o.signals.removeListener('SIGINT', onSignal);
    o.signals.removeListener('SIGTERM', onSignal);
    o.signals.removeListener('SIGHUP', onSignal);
  }
  if (o.json) {
    const { error, ...rest } = result;
    const shown = error
      ? { ...rest, error: { ...error, stack: o.debug ? error.stack : undefined } }
      : rest;
    o.out(JSON.stringify(shown, null, 2));
  } else {
    for (const line of summary(result)) o.out(line);
  }
  // A damaged state file is named on stderr; the events that could be read are the data.
  if (result.command === 'list') for (const p of result.problems ?? []) o.err(`warning: ${p}`);
  if (result.error) {
    // Pre-flight problems are independent, each with its own fix: one line each.
    const lines =
      result.error.code === 'preflight' && result.error.problems?.length
        ? result.error.problems
        : [result.error.message];
    for (const line of lines) o.err(`error: ${line}`);
    if (result.error.hint) o.err(`hint: ${result.error.hint}`);
    if (o.debug && result.error.stack) o.err(result.error.stack);
  }
  return result.exitCode;
}

/**
 * Writes lines to a stream until its reader goes away: `plan | head -5` closes the pipe early,
 * and the rest of the output then has nowhere to go. That is not an error; the run goes on
 * (a deploy must not stop half-way because a pager closed) and ends with its own exit code.
 */
function lineWriter(stream: NodeJS.WriteStream): (line: string) => void {
  let closed = false;
  // EPIPE (a closed pipe) or EIO (a hung-up terminal): nobody reads any more; the run goes on.
  stream.on('error', () => {
    closed = true;
  });
  return (line) => {
    if (!closed) stream.write(`${line}\n`);
  };
}

if (require.main === module) {
  const tty = Boolean(process.stdin.isTTY && process.stderr.isTTY) && process.env.CI !== 'true';
  const err = lineWriter(process.stderr);
  main(process.argv.slice(2), {
    out: lineWriter(process.stdout),
    err,
    prompter: tty ? ttyPrompter(process.stdin, process.stderr) : undefined,
    color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: Error) => {
      err(`error: ${e.message}`);
      process.exitCode = 1;
    },
  );
}
