/**
 * Reading the fixture app's Key Vault stand-in (FIXTURE_VAULT_DIR: one file per secret, named
 * as the vault secret) and searching what stream-control wrote for canary values.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The stand-in vault's secrets by name; empty when it holds none (or does not exist). */
export function readVault(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(
    fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]),
  );
}

/**
 * "file: canary" for every file under the folders that holds one of the canaries, so a
 * failure names the file. Binary files are searched as bytes too.
 */
export function filesHolding(dirs: readonly string[], canaries: readonly string[]): string[] {
  const found: string[] = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
      // node_modules is a symlink in the sandboxes that have one: not ours to search.
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath ?? entry.path, entry.name);
      const bytes = fs.readFileSync(file);
      for (const canary of canaries) if (bytes.includes(canary)) found.push(`${file}: ${canary}`);
    }
  }
  return found;
}
