import { describe, expect, it } from 'vitest';
import { evaluateCoinbaseScope } from '../venues/coinbase.scope';

const viewOnly = { can_view: true, can_trade: false, can_transfer: false, portfolio_uuid: 'p-1', portfolio_type: 'DEFAULT' };

describe('evaluateCoinbaseScope', () => {
  it('should accept can_view without can_trade and can_transfer', () => {
    expect(evaluateCoinbaseScope(viewOnly)).toMatchObject({ verdict: 'read_only', offending: [] });
  });

  it('should name can_trade and can_transfer', () => {
    expect(evaluateCoinbaseScope({ ...viewOnly, can_trade: true, can_transfer: true })).toMatchObject({
      verdict: 'too_broad',
      offending: ['can_trade', 'can_transfer'],
    });
  });

  it('should call a new can_* capability that is granted too broad, and ignore it when not granted', () => {
    expect(evaluateCoinbaseScope({ ...viewOnly, can_lend: true })).toMatchObject({
      verdict: 'too_broad',
      offending: ['can_lend'],
    });
    expect(evaluateCoinbaseScope({ ...viewOnly, can_lend: false }).verdict).toBe('read_only');
  });

  it('should be unknown when a flag is missing or not a boolean, or when the key cannot view', () => {
    expect(evaluateCoinbaseScope({ can_view: true, can_trade: false }).verdict).toBe('unknown');
    expect(evaluateCoinbaseScope({ ...viewOnly, can_trade: 0 }).verdict).toBe('unknown');
    expect(evaluateCoinbaseScope({ ...viewOnly, can_view: false }).verdict).toBe('unknown');
    expect(evaluateCoinbaseScope('UNAUTHENTICATED').verdict).toBe('unknown');
  });
});
