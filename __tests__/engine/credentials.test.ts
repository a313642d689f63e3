/**
 * The credentials the engine generates per event: the shapes the stack's variables validate
 * and Windows' password complexity wants, drawn afresh each time.
 */
import {
  ADMIN_PASSWORD_SYMBOLS,
  generateAdminPassword,
  generateStatusToken,
} from '../../engine/credentials';

const SAMPLES = 500;

describe('generated credentials', () => {
  it('status token: 32 of A-Z a-z 0-9, never the same twice', () => {
    const tokens = Array.from({ length: SAMPLES }, generateStatusToken);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(new Set(tokens).size).toBe(SAMPLES);
  });

  it('admin password: 24 characters, at least 2 of each class, every symbol in use over many', () => {
    const passwords = Array.from({ length: SAMPLES }, generateAdminPassword);
    const classes = [/[A-Z]/g, /[a-z]/g, /[0-9]/g, /[!#%*_=+?-]/g];
    for (const p of passwords) {
      expect(p).toMatch(/^[A-Za-z0-9!#%*_=+?-]{24}$/);
      for (const c of classes) expect((p.match(c) ?? []).length).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(passwords).size).toBe(SAMPLES);
    const used = new Set(passwords.join(''));
    for (const symbol of ADMIN_PASSWORD_SYMBOLS) expect(used.has(symbol)).toBe(true);
    // The guaranteed two of each class are shuffled in, not always leading the password.
    expect(passwords.filter((p) => /^[A-Z]{2}[a-z]{2}/.test(p)).length).toBeLessThan(SAMPLES / 10);
  });
});
