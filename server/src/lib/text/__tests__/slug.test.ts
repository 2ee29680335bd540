import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugFrom } from '../slug';

describe('slugFrom', () => {
  it('should make a name a slug that the pattern accepts', () => {
    for (const [name, slug] of [
      ['Acme Trading', 'acme-trading'],
      ['  --Vigil demo!! ', 'vigil-demo'],
      ['Über & Co. GmbH', 'ber-co-gmbh'],
      ['日本', 'org'],
      ['a'.repeat(80), 'a'.repeat(48)],
      [`${'b'.repeat(47)}-x`, 'b'.repeat(47)],
    ] as const) {
      expect(slugFrom(name)).toBe(slug);
      expect(SLUG_PATTERN.test(slugFrom(name))).toBe(true);
    }
  });

  it('should refuse what is not a slug', () => {
    for (const bad of ['', '-a', 'a-', 'A', 'a_b', 'a'.repeat(64), 'a b', 'a\u0000']) expect(SLUG_PATTERN.test(bad)).toBe(false);
    expect(SLUG_PATTERN.test('a'.repeat(63))).toBe(true);
  });
});
