/**
 * The floors of the house (help/architecture.md) are lint rules; these probes prove each rule
 * refuses the import it exists for and allows the one it must, so deleting or loosening a rule
 * fails here. `npm test` then lints every real file with the same rules.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.join(__dirname, '..');

type Probe = [file: string, specifier: string];

const REFUSED: Probe[] = [
  ['lib/probe.ts', '../platform/settings'],
  ['lib/probe.ts', '../engine'],
  ['lib/probe.ts', '../stacks/event-stack'],
  ['scripts/cli.ts', '../lib/naming'],
  ['scripts/cli.ts', '../engine/types'],
  ['scripts/cli/probe.ts', '../../engine/keys'],
  ['scripts/cli.ts', '../dashboard/run'],
  ['dashboard/probe.ts', '../lib/event-model'],
  ['dashboard/probe.ts', '../engine/redact'],
  ['dashboard/probe.ts', '../scripts/cli'],
  ['engine/probe.ts', '../stacks/event-stack'],
  ['engine/platform/probe.ts', '../../dashboard/api'],
  ['containers/shared/probe.ts', '../../engine'],
  ['lib/probe.ts', '@cdktf/provider-azurerm'],
];

const ALLOWED: Probe[] = [
  ['lib/probe.ts', './naming'],
  ['lib/probe.ts', '../config/environments.json'],
  ['scripts/cli.ts', '../engine'],
  ['scripts/cli/probe.ts', '../../engine'],
  ['dashboard/probe.ts', '../engine'],
  ['engine/probe.ts', '../lib/event-model'],
  ['containers/shared/probe.ts', '../../lib/contract'],
  ['containers/shared/probe.ts', './config'],
];

// ESLint loads its ESM config with a dynamic import, which jest's VM cannot do: lint the
// probes in one plain node process with the project's own config.
const LINT = `
const { ESLint } = require('eslint');
const path = require('node:path');
const probes = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const [file, specifier] of probes) {
    const [r] = await eslint.lintText("import '" + specifier + "';\\n", { filePath: path.resolve(file) });
    out.push(r.messages.some((m) => m.ruleId === 'no-restricted-imports'));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

let refused: boolean[] = [];
beforeAll(() => {
  const r = spawnSync(process.execPath, ['-e', LINT], {
    cwd: REPO,
    input: JSON.stringify([...REFUSED, ...ALLOWED]),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`eslint probe failed: ${r.stderr}`);
  refused = JSON.parse(r.stdout);
});

describe('import boundaries', () => {
  it.each(REFUSED.map((p, i) => [...p, i] as const))(
    '%s may not import %s',
    (_file, _specifier, i) => {
      expect(refused[i]).toBe(true);
    },
  );

  it.each(ALLOWED.map((p, i) => [...p, REFUSED.length + i] as const))(
    '%s may import %s',
    (_file, _specifier, i) => {
      expect(refused[i]).toBe(false);
    },
  );

  it('platform/ holds Packer assets only, no TypeScript', () => {
    const ts = fs
      .readdirSync(path.join(REPO, 'platform'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'));
    expect(ts).toEqual([]);
  });
});
