import { describe, expect, it } from 'vitest';
import { evaluateKucoinScope } from '../venues/kucoin.scope';

const answer = (permission: unknown) => ({
  code: '200000',
  data: {
    remark: 'vigil',
    apiKey: 'THE-API-KEY',
    apiVersion: 3,
    permission,
    ipWhitelist: '',
    createdAt: 1,
    uid: 2,
    isMaster: true,
  },
});

describe('evaluateKucoinScope', () => {
  it('should accept permission exactly General, and never keep the key', () => {
    const result = evaluateKucoinScope(answer('General'));
    expect(result).toMatchObject({ verdict: 'read_only', offending: [] });
    expect(JSON.stringify(result.venueAnswer)).not.toContain('THE-API-KEY');
  });

  it('should name every permission besides General, new ones included', () => {
    expect(evaluateKucoinScope(answer('General,Spot,Withdrawal'))).toMatchObject({
      verdict: 'too_broad',
      offending: ['Spot', 'Withdrawal'],
    });
    expect(evaluateKucoinScope(answer('General,Earn'))).toMatchObject({ verdict: 'too_broad', offending: ['Earn'] });
  });

  it('should be unknown for another code, a missing or empty permission', () => {
    expect(evaluateKucoinScope({ code: '400003', msg: 'KC-API-KEY not exists' }).verdict).toBe('unknown');
    expect(evaluateKucoinScope(answer(undefined)).verdict).toBe('unknown');
    expect(evaluateKucoinScope(answer('')).verdict).toBe('unknown');
    expect(evaluateKucoinScope(answer(['General'])).verdict).toBe('unknown');
  });
});
