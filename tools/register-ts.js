// Loads the project's TypeScript by transpiling each file with swc as it is required: no
// type-checking at run time (tsc does that in `npm test`), so synth starts in milliseconds
// instead of the seconds ts-node spends loading the TypeScript compiler.
const { transformSync } = require('@swc/core');
const fs = require('node:fs');

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    module: { type: 'commonjs' },
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  });
  module._compile(code, filename);
};
