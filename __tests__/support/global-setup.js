// Each jest run gets its own temp folder (TMPDIR, which os.tmpdir() and the children read), so
// cleaning up after one run never touches the files of another run on the same machine.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stream-control-jest-'));
  process.env.STREAM_CONTROL_JEST_TMP = dir;
  process.env.TMPDIR = dir;
};
