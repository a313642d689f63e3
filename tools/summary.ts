// Synthesizes the declared events offline (the bundled example when nothing else is declared)
// and prints what each stack would create. The README's first command.
import { App } from 'cdktf';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EventValidationError } from '../lib/event-model';
import { formatSummary, summarizeStack } from '../lib/stack-summary';
import { addEventStacks, selectEvents } from '../stacks/event-app';

function main(): number {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'stream-control-summary-'));
  try {
    const started = process.hrtime.bigint();
    const app = new App({ outdir });
    const stacks = addEventStacks(app, selectEvents());
    app.synth();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    for (const stack of stacks) {
      const file = path.join(outdir, 'stacks', stack.node.id, 'cdk.tf.json');
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      console.log(formatSummary(summarizeStack(stack.node.id, json)));
      console.log(
        `  languages: ${stack.event.languages.join(', ')}; expires ${stack.event.expiresAt.toISOString()}`,
      );
    }
    console.log(`synthesized ${stacks.length} stack(s) offline in ${ms.toFixed(0)} ms`);
    return 0;
  } catch (err) {
    if (!(err instanceof EventValidationError)) throw err;
    for (const problem of err.problems) console.error(`error: ${problem}`);
    return 2;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

process.exitCode = main();
