import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GENERATED_DIR, renderEventHcl } from '../../stacks/hcl';

describe('generated HCL', () => {
  it('is what the app synthesizes today (run `npm run generate:hcl` when this fails)', () => {
    const rendered = renderEventHcl();
    expect(rendered.length).toBeGreaterThan(0);
    for (const { slug, hcl } of rendered) {
      const committed = fs.readFileSync(
        path.join(GENERATED_DIR, 'stacks', slug, 'main.tf'),
        'utf8',
      );
      expect(committed).toEqual(hcl);
    }
  });

  it('passes terraform fmt -check', () => {
    expect(() =>
      execFileSync('terraform', ['fmt', '-check', '-recursive', GENERATED_DIR], { stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('reads as plain Terraform: variables, resources and the per-event local state', () => {
    const hcl = fs.readFileSync(
      path.join(GENERATED_DIR, 'stacks', 'example-conference-2026', 'main.tf'),
      'utf8',
    );
    expect(hcl).toMatch(/variable "youtube_key_spanish" \{[^}]*sensitive\s+= true/s);
    // cdktf has no ephemeral option; the override must survive into the HCL a user applies.
    for (const name of ['srt_passphrase', 'youtube_key_original', 'youtube_key_spanish'])
      expect(hcl).toMatch(
        new RegExp(`variable "${name}" \\{[^{}]*(\\{[^{}]*\\}[^{}]*)*ephemeral\\s+= true`, 's'),
      );
    // Outside their own validation, the secrets reach only the vault's write-only values.
    const uses = hcl
      .split('\n')
      .filter(
        (line) => /var\.(srt_passphrase|youtube_key_)/.test(line) && !/condition\s+=/.test(line),
      );
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/^\s*value_wo\s+= var\.[a-z_]+$/);
    expect(hcl).toMatch(/resource "azurerm_container_group"/);
    expect(hcl).toMatch(/path = "..\/..\/..\/state\/production\/example-conference-2026.tfstate"/);
  });
});
