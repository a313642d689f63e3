import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'cdktf';
import { readEventFile } from '../lib/event-files';
import { EventConfig, resolveEvent } from '../lib/event-model';
import { addEventStacks } from './event-app';

/** Fixed deploy time for committed HCL, so regenerating it is reproducible. */
export const EXAMPLE_CREATED_AT = '2026-01-01T00:00:00Z';
export const GENERATED_DIR = path.join(__dirname, '..', 'generated');
/**
 * The committed HCL covers this example only: a crew adding its own event files must not
 * find the repository's tests failing for HCL nobody asked to commit.
 */
export const EXAMPLE_EVENT_FILE = path.join(__dirname, '..', 'events', 'example-conference.json');

/** The example event as the committed HCL shows it: fixed time, local state, no platform. */
export function exampleEvent(): EventConfig {
  return resolveEvent(readEventFile(EXAMPLE_EVENT_FILE), {
    now: new Date(EXAMPLE_CREATED_AT),
    env: { STREAM_STATE_BACKEND: 'local' },
    platform: null,
  });
}

/**
 * Synthesizes events as HCL (cdktf's own HCL output) and formats it with `terraform fmt`,
 * the form a Terraform user expects to read. Local state only: the committed files must not
 * name anyone's storage account.
 */
export function renderEventHcl(
  events: readonly EventConfig[] = [exampleEvent()],
): Array<{ slug: string; hcl: string }> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'stream-control-hcl-'));
  // cdktf's stacks read this switch when they are constructed, not from the App's config.
  const previous = process.env.SYNTH_HCL_OUTPUT;
  process.env.SYNTH_HCL_OUTPUT = 'true';
  try {
    const app = new App({ outdir, hclOutput: true });
    addEventStacks(app, events);
    app.synth();
    return events.map((event) => {
      const raw = fs.readFileSync(path.join(outdir, 'stacks', event.slug, 'cdk.tf'), 'utf8');
      const hcl = execFileSync('terraform', ['fmt', '-'], {
        input: raw,
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      return { slug: event.slug, hcl };
    });
  } finally {
    if (previous === undefined) delete process.env.SYNTH_HCL_OUTPUT;
    else process.env.SYNTH_HCL_OUTPUT = previous;
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
