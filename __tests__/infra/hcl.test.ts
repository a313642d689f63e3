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
    expect(hcl).toMatch(/resource "azurerm_container_group"/);
    expect(hcl).toMatch(/path = "..\/..\/..\/state\/production\/example-conference-2026.tfstate"/);
  });
});
