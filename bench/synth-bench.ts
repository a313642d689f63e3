// npm run bench: synth wall time and peak memory of the example event, our app against the
// naive variant (bench/naive), both measured in this run on this machine. Prints ratios and
// the targets; it asserts nothing, because timings belong to benchmarks, not tests.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');
const TARGET_SPEEDUP = 20;
const TARGET_MEMORY = 7;

interface Variant {
  readonly name: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly runs: number;
}

const variants: Variant[] = [
  {
    name: 'ours: deep imports, cached swc transpile',
    args: ['-r', './tools/register-ts.js', 'main.ts'],
    env: {},
    runs: 7,
  },
  {
    name: 'naive: provider barrel, ts-node type-check',
    args: ['-r', 'ts-node/register', 'bench/naive/main.ts'],
    env: { TS_NODE_PROJECT: 'bench/naive/tsconfig.json' },
    runs: 3,
  },
];

function measure(variant: Variant): { ms: number; rssMiB: number } {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-bench-'));
  const samples: Array<{ ms: number; rssMiB: number }> = [];
  try {
    // One unmeasured run first: it fills our transpile cache (and the OS file cache for both),
    // so the samples show what every later synth costs.
    for (let i = -1; i < variant.runs; i += 1) {
      const rssFile = path.join(scratch, 'rss');
      const started = process.hrtime.bigint();
      const result = spawnSync('node', ['-r', './bench/max-rss.js', ...variant.args], {
        cwd: ROOT,
        env: {
          ...process.env,
          ...variant.env,
          // The example event alone, as the CLI synthesizes one event per deploy or plan.
          STREAM_CONTROL_EVENT: 'example-conference-2026',
          CDKTF_OUTDIR: path.join(scratch, 'out'),
          BENCH_RSS_FILE: rssFile,
        },
        encoding: 'utf8',
      });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (result.status !== 0) throw new Error(`${variant.name} failed: ${result.stderr}`);
      const stacks = fs.readdirSync(path.join(scratch, 'out', 'stacks'));
      if (!stacks.includes('example-conference-2026'))
        throw new Error(`${variant.name} did not synthesize the example`);
      if (i >= 0) samples.push({ ms, rssMiB: Number(fs.readFileSync(rssFile, 'utf8')) / 1024 });
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ms: median(samples.map((s) => s.ms)), rssMiB: median(samples.map((s) => s.rssMiB)) };
}

const [ours, naive] = variants.map((v) => ({ variant: v, ...measure(v) }));
for (const r of [ours, naive]) {
  console.log(
    `${r.variant.name.padEnd(44)} ${r.ms.toFixed(0).padStart(6)} ms  ${r.rssMiB.toFixed(0).padStart(5)} MiB  (median of ${r.variant.runs})`,
  );
}
const speedup = naive.ms / ours.ms;
const memory = naive.rssMiB / ours.rssMiB;
console.log(
  `speed-up ${speedup.toFixed(1)}x (target >= ${TARGET_SPEEDUP}x: ${speedup >= TARGET_SPEEDUP ? 'met' : 'NOT met'})`,
);
console.log(
  `memory   ${memory.toFixed(1)}x less (target >= ${TARGET_MEMORY}x: ${memory >= TARGET_MEMORY ? 'met' : 'NOT met'})`,
);
