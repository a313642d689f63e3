// cdktf's Testing helpers write synth output to fresh temp folders and never remove them; they
// and everything else this run left in its own temp folder (global-setup.js) go together.
const fs = require('node:fs');

module.exports = async () => {
  const dir = process.env.STREAM_CONTROL_JEST_TMP;
  if (dir && dir.includes('stream-control-jest-')) fs.rmSync(dir, { recursive: true, force: true });
};
