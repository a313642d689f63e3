// cdktf's Testing helpers write synth output to fresh temp folders and never remove them.
// Remove every folder they made during this run (their names start with "cdktf.outdir.").
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async () => {
  const tmp = os.tmpdir();
  for (const entry of fs.readdirSync(tmp)) {
    if (entry.startsWith('cdktf.outdir.')) {
      fs.rmSync(path.join(tmp, entry), { recursive: true, force: true });
    }
  }
};
