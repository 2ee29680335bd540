import { describe, expect, it } from 'vitest';
import { returnPathIn, returnStateFor } from './returnPath';

describe('returnPath', () => {
  it('should carry the page through router state when a session ended on it', () => {
    expect(returnPathIn(returnStateFor('/users?q=ada'))).toBe('/users?q=ada');
  });

  it('should carry nothing when there is no page or the state is something else', () => {
    expect(returnStateFor(undefined)).toBeNull();
    expect(returnPathIn(null)).toBeUndefined();
    expect(returnPathIn({ email: 'erin@acme.test' })).toBeUndefined();
    expect(returnPathIn({ from: 42 })).toBeUndefined();
    expect(returnPathIn('/users')).toBeUndefined();
  });
});
