import { describe, expect, it } from 'vitest';
import { evaluateOkxScope } from '../venues/okx.scope';

const answer = (perm: unknown, extra: Record<string, unknown> = {}) => ({
  code: '0',
  msg: '',
  data: [{ uid: '1', perm, label: 'vigil', ip: '', ...extra }],
});

describe('evaluateOkxScope', () => {
  it('should accept perm exactly read_only', () => {
    expect(evaluateOkxScope(answer('read_only'))).toMatchObject({ verdict: 'read_only', offending: [] });
  });

  it('should name trade, withdraw and any new permission', () => {
    expect(evaluateOkxScope(answer('read_only,trade,withdraw'))).toMatchObject({
      verdict: 'too_broad',
      offending: ['trade', 'withdraw'],
    });
    expect(evaluateOkxScope(answer('read_only,lend'))).toMatchObject({ verdict: 'too_broad', offending: ['lend'] });
    expect(evaluateOkxScope(answer('trade'))).toMatchObject({ verdict: 'too_broad', offending: ['trade'] });
  });

  it('should be unknown for a non-zero code, no data, two configs, or a missing or empty perm', () => {
    expect(evaluateOkxScope({ code: '50111', msg: 'Invalid OK-ACCESS-KEY', data: [] }).verdict).toBe('unknown');
    expect(evaluateOkxScope({ code: '0', data: [] }).verdict).toBe('unknown');
    expect(evaluateOkxScope({ code: '0', data: [{ perm: 'read_only' }, { perm: 'read_only' }] }).verdict).toBe('unknown');
    expect(evaluateOkxScope(answer(undefined)).verdict).toBe('unknown');
    expect(evaluateOkxScope(answer(' , ')).verdict).toBe('unknown');
    expect(evaluateOkxScope({ code: 0, data: [{ perm: 'read_only' }] }).verdict).toBe('unknown');
  });
});
