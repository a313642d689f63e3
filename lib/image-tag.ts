/**
 * The tag of the relay and splitter images this version of the app deploys: the app's own
 * version. scripts/acr-build.sh pushes the same tag (it reads package.json), so a release and
 * its images move together. Never "latest": ACI caches images by tag, a moving tag makes two
 * deploys of one release differ, and ACI's troubleshooting guide advises against it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

// Read, not imported: lib/ imports nothing above it (package.json is data, like config/).
const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
  version: string;
};

export const IMAGE_TAG: string = pkg.version;
