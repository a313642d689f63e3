import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../scripts/cli';
import { KEYS, makeSandbox, runCli, Sandbox } from './support/sandbox';

let box: Sandbox;
beforeAll(() => {
  box = makeSandbox('bad');
  box.writeEvent('two-langs', { name: 'two-langs', languages: ['original', 'spanish'] });
  fs.writeFileSync(
    path.join(box.root, 'keys.txt'),
    `original=${KEYS[0]}\n# comment\nspanish=${KEYS[1]}\n`,
  );
});
afterAll(() => box.remove());

async function cli(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    env: box.env(env),
    engineOptions: box.options(),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

const keysFile = () => path.join(box.root, 'keys.txt');

describe('bad input exits 2 with one line naming the problem, touching nothing', () => {
  const cases: [string, string[], Record<string, string>, RegExp][] = [
    ['an unknown command', ['deploi'], {}, /unknown command "deploi"/],
    [
      'an unknown option',
      ['deploy', '--event', 'x-event', '--yes'],
      {},
      /unknown option --yes for deploy/,
    ],
    ['a stray argument', ['status', 'conference'], {}, /unexpected argument "conference"/],
    ['deploy without --event', ['deploy'], {}, /--event is required/],
    ['an empty --event', ['plan', '--event'], {}, /--event needs a value/],
    [
      'an event name with punctuation',
      ['plan', '--event', 'Conf 2025!'],
      {},
      /event name "Conf 2025!" has characters other than a-z/,
    ],
    [
      'an unknown environment',
      ['plan', '--event', 'conf-2025', '--env', 'prod'],
      {},
      /environment "prod" is unknown/,
    ],
    [
      'too few keys',
      ['deploy', '--event', 'conf-2025'],
      { STREAM_YOUTUBE_KEYS: KEYS[0] },
      /1 stream key\(s\) given; this event needs 3/,
    ],
    [
      'a key with spaces',
      ['deploy', '--event', 'two-langs'],
      { STREAM_YOUTUBE_KEYS: 'has space key1,abcdefgh-2' },
      /stream key for "original" must be 8-128 characters/,
    ],
    [
      'a key for a language the event lacks',
      ['deploy', '--event', 'two-langs'],
      { STREAM_YOUTUBE_KEYS: `original=${KEYS[0]},german=${KEYS[1]}` },
      /"german" matches no language/,
    ],
    [
      'mixed key forms',
      ['deploy', '--event', 'two-langs'],
      { STREAM_YOUTUBE_KEYS: `original=${KEYS[0]},${KEYS[1]}` },
      /mix "language=key" lines with bare keys/,
    ],
    [
      'a missing keys file',
      ['deploy', '--event', 'two-langs', '--youtube-keys-file', '/nonexistent/keys'],
      {},
      /cannot read --youtube-keys-file \/nonexistent\/keys: ENOENT/,
    ],
    [
      'both key flags',
      ['deploy', '--event', 'two-langs', '--youtube-keys-file', 'k', '--youtube-keys', 'a,b'],
      {},
      /both given/,
    ],
    [
      'no keys and no terminal',
      ['deploy', '--event', 'two-langs'],
      {},
      /no YouTube stream keys given; this event needs 2 \(original, spanish\)/,
    ],
    [
      'a short SRT passphrase',
      ['deploy', '--event', 'two-langs', '--youtube-keys-file', '@keys'],
      { STREAM_SRT_PASSPHRASE: 'short' },
      /SRT passphrase must be 10-79 characters/,
    ],
    [
      'teardown without --confirm and no terminal',
      ['teardown', '--event', 'two-langs'],
      {},
      /refusing to tear down two-langs \(production\) without --confirm/,
    ],
    [
      'an event file that breaks the rules',
      ['plan', '--event', 'broken'],
      {},
      /ttlHours 0 must be a whole number/,
    ],
  ];
  beforeAll(() => box.writeEvent('broken', { name: 'broken', ttlHours: 0 }));

  it.each(cases)('%s', async (_name, argv, env, message) => {
    const args = argv.map((a) => (a === '@keys' ? keysFile() : a));
    const r = await cli(args, env);
    expect(r.code).toBe(2);
    const errors = r.err.filter((l) => l.startsWith('error: '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
    expect(r.err.every((l) => /^(error|hint): /.test(l))).toBe(true);
    expect(r.err.join('\n')).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(box.stateDir)).toBe(false);
    expect(fs.existsSync(box.lockDir)).toBe(false);
  });

  it('exits 2 as a real process too, with no stack trace', async () => {
    const r = await runCli(['deploy', '--event', 'Conf 2025!'], box.env());
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')[0]).toMatch(/^error: event name "Conf 2025!"/);
    expect(r.stderr).not.toMatch(/\s+at /);
  });

  it('warns that --youtube-keys is readable by every local user, and still validates them', async () => {
    const r = await cli(['deploy', '--event', 'two-langs', '--youtube-keys', 'a,b']);
    expect(r.err[0]).toMatch(
      /^warning: --youtube-keys puts the keys in the process list, readable by every local user/,
    );
    expect(r.code).toBe(2);
  });

  it('asks for each key by language name, hidden, when a terminal is there', async () => {
    const asked: string[] = [];
    const code = await main(['deploy', '--event', 'two-langs', '--env', 'staging'], {
      env: box.env({ PATH: '/nonexistent' }),
      engineOptions: box.options({ env: { PATH: '/nonexistent' } }),
      out: () => undefined,
      err: () => undefined,
      prompter: {
        ask: async () => 'unused',
        askHidden: async (q) => {
          asked.push(q);
          return KEYS[asked.length - 1];
        },
      },
    });
    expect(asked).toEqual([
      'YouTube stream key for original (hidden): ',
      'YouTube stream key for spanish (hidden): ',
    ]);
    // Keys accepted; it stops at the missing terraform (PATH emptied), exit 7.
    expect(code).toBe(7);
  });
});

describe('teardown confirmation on a terminal', () => {
  it('touches nothing when the typed name does not match', async () => {
    const err: string[] = [];
    const code = await main(['teardown', '--event', 'two-langs'], {
      env: box.env(),
      engineOptions: box.options(),
      out: () => undefined,
      err: (l) => err.push(l),
      prompter: { ask: async () => 'other-event', askHidden: async () => '' },
    });
    expect(code).toBe(2);
    expect(err[0]).toBe('error: "other-event" is not two-langs; nothing was touched');
  });

  it('proceeds when the operator types the event name', async () => {
    const out: string[] = [];
    const questions: string[] = [];
    const code = await main(['teardown', '--event', 'two-langs'], {
      env: box.env(),
      engineOptions: box.options(),
      out: (l) => out.push(l),
      err: () => undefined,
      prompter: { ask: async (q) => (questions.push(q), 'two-langs'), askHidden: async () => '' },
    });
    expect(questions[0]).toMatch(
      /destroys every resource of two-langs \(production\)\. Type the event name/,
    );
    expect(code).toBe(0);
    expect(out).toContain('Nothing left to tear down for two-langs (production).');
  });
});
