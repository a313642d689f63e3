// Loads the project's TypeScript by transpiling each file with swc as it is required: no
// type-checking at run time (tsc does that in `npm test`), so synth starts in milliseconds
// instead of the seconds ts-node spends loading the TypeScript compiler.
//
// Transpiled output is cached under node_modules/.cache, keyed by path and content, so a
// repeated synth (every deploy, plan and test run) loads plain JavaScript and never even
// loads swc. Writes go to a temp file renamed into place: concurrent synths never see half a file.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const CACHE_DIR = path.join(__dirname, '..', 'node_modules', '.cache', 'stream-control-ts');
let swc;

function transpile(source, filename) {
  swc ??= require('@swc/core');
  return swc.transformSync(source, {
    filename,
    module: { type: 'commonjs' },
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  }).code;
}

function cached(filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto
    .createHash('sha256')
    .update(filename)
    .update('\0')
    .update(source)
    .digest('hex');
  const file = path.join(CACHE_DIR, `${key}.js`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    const code = transpile(source, filename);
    try {
      fs.mkdirSync(CACHE_DIR, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, code);
      fs.renameSync(temp, file);
    } catch {
      // A read-only checkout still works, only without the cache.
    }
    return code;
  }
}

require.extensions['.ts'] = function compileTs(module, filename) {
  module._compile(cached(filename), filename);
};
