// Regenerates generated/stacks/<event>/main.tf: the example event as plain, formatted HCL,
// so a reviewer or a plain Terraform user can read and run it without CDKTF.
// `--check` compares instead of writing and exits 1 when the committed HCL is stale.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderEventHcl, EXAMPLE_CREATED_AT, GENERATED_DIR } from '../stacks/hcl';

const check = process.argv.includes('--check');
let stale = 0;
for (const { slug, hcl } of renderEventHcl()) {
  const file = path.join(GENERATED_DIR, 'stacks', slug, 'main.tf');
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (check) {
    if (current !== hcl) {
      console.error(`stale: ${path.relative(process.cwd(), file)} (run npm run generate:hcl)`);
      stale += 1;
    }
    continue;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, hcl);
  console.log(`wrote ${path.relative(process.cwd(), file)} (created-at ${EXAMPLE_CREATED_AT})`);
}
process.exitCode = stale > 0 ? 1 : 0;
