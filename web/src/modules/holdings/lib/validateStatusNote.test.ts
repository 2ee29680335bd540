import { describe, expect, it } from 'vitest';
import { validateStatusNote } from './validateStatusNote';

describe('validateStatusNote', () => {
  it('should ask why when the note is empty or only spaces', () => {
    expect(validateStatusNote('')).toMatch(/Say why/);
    expect(validateStatusNote('   ab  ')).toMatch(/at least 3/);
  });

  it('should accept a short reason and refuse an essay past the server limit', () => {
    expect(validateStatusNote('key shared')).toBeNull();
    expect(validateStatusNote('x'.repeat(2001))).toMatch(/2000/);
  });
});
