import { describe, expect, it } from 'vitest';
import { validateJustification } from './validateJustification';

describe('validateJustification', () => {
  it('should refuse an empty or blank justification', () => {
    expect(validateJustification('')).toMatch(/required/);
    expect(validateJustification('    \n ')).toMatch(/required/);
  });

  it('should refuse a justification shorter than ten characters after trimming', () => {
    expect(validateJustification('   because   ')).toMatch(/at least 10/);
  });

  it('should accept a justification that explains the change', () => {
    expect(validateJustification('Ticket OPS-142: new compliance analyst')).toBeNull();
  });

  it('should refuse a justification longer than the limit', () => {
    expect(validateJustification('x'.repeat(2001))).toMatch(/under 2000/);
  });
});
