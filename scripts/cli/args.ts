/** Per-command flags with minimist; anything unknown is bad input, never silently ignored. */
import minimist from 'minimist';
import { CliError } from './errors';
import { closest } from './suggest';

export const COMMANDS = [
  'deploy',
  'status',
  'teardown',
  'plan',
  'list',
  'outputs',
  'cleanup',
  'platform',
  'dashboard',
] as const;
export type Command = (typeof COMMANDS)[number];

/** `stream-control platform <sub>`. */
export const PLATFORM_COMMANDS = ['deploy', 'status', 'destroy', 'build-image'] as const;
export type PlatformCommand = (typeof PLATFORM_COMMANDS)[number];

/** What parseCommand takes: a command, or a platform subcommand as "platform <sub>". */
export type ParsedCommand =
  Exclude<Command, 'dashboard' | 'platform'> | `platform ${PlatformCommand}`;

const COMMON = { string: [] as string[], boolean: ['json', 'debug', 'help'] };

const SPEC: Record<ParsedCommand, { string: string[]; boolean: string[] }> = {
  deploy: {
    string: ['event', 'env', 'youtube-keys-file', 'youtube-keys', 'srt-passphrase-file'],
    boolean: ['rollback', 'wait'],
  },
  status: { string: ['event', 'env'], boolean: [] },
  teardown: { string: ['event', 'env'], boolean: ['confirm'] },
  plan: { string: ['event', 'env'], boolean: [] },
  list: { string: [], boolean: ['azure'] },
  outputs: { string: ['event', 'env'], boolean: ['show-secrets'] },
  cleanup: { string: [], boolean: ['dry-run'] },
  'platform deploy': { string: ['env'], boolean: [] },
  'platform status': { string: ['env'], boolean: [] },
  'platform destroy': { string: ['env'], boolean: ['confirm'] },
  'platform build-image': { string: ['env', 'image-version'], boolean: [] },
};

export type Args = minimist.ParsedArgs;

export function parseCommand(command: ParsedCommand, argv: readonly string[]): Args {
  const spec = SPEC[command];
  const known = new Set([...spec.string, ...spec.boolean, ...COMMON.boolean, 'h']);
  let unknown: string | undefined;
  const args = minimist([...argv], {
    string: spec.string,
    boolean: [...spec.boolean, ...COMMON.boolean],
    alias: { h: 'help' },
    default: { rollback: true, wait: true },
    unknown: (arg) => {
      if (!arg.startsWith('-')) return true;
      const name = arg.replace(/^--?(no-)?/, '').replace(/=.*/, '');
      if (!known.has(name)) unknown ??= arg;
      return true;
    },
  });
  if (unknown) {
    const flag = unknown.replace(/=.*/, '');
    const guess = closest(flag.replace(/^--?(no-)?/, ''), [
      ...spec.string,
      ...spec.boolean,
      ...COMMON.boolean,
    ]);
    throw new CliError(
      `unknown option ${flag} for ${command}`,
      `${guess ? `did you mean --${guess}? ` : ''}see ./stream-control ${command} --help`,
    );
  }
  if (args._.length > 0) {
    throw new CliError(
      `unexpected argument "${args._[0]}" for ${command}`,
      `options take the form --name value; see ./stream-control ${command} --help`,
    );
  }
  for (const name of spec.string) {
    const value = args[name];
    if (Array.isArray(value)) throw new CliError(`--${name} is given more than once`);
    if (value === '' && argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`))) {
      throw new CliError(`--${name} needs a value`, `see ./stream-control ${command} --help`);
    }
  }
  return args;
}
