import { describe, expect, it } from 'vitest';
import { evaluateBybitScope } from '../venues/bybit.scope';

const NONE = {
  ContractTrade: [],
  Spot: [],
  Wallet: [],
  Options: [],
  Derivatives: [],
  CopyTrading: [],
  BlockTrade: [],
  Exchange: [],
  NFT: [],
  Affiliate: [],
};
const answer = (result: Record<string, unknown>) => ({
  retCode: 0,
  retMsg: '',
  time: 1,
  result: {
    id: '1',
    apiKey: 'THE-API-KEY',
    secret: '',
    readOnly: 1,
    permissions: NONE,
    ips: ['*'],
    deadlineDay: -2,
    expiredAt: '',
    ...result,
  },
});

describe('evaluateBybitScope', () => {
  it('should accept readOnly 1 without Wallet permissions, and never keep the key', () => {
    const result = evaluateBybitScope(answer({}));
    expect(result).toMatchObject({ verdict: 'read_only', offending: [] });
    expect(JSON.stringify(result.venueAnswer)).not.toContain('THE-API-KEY');
  });

  it('should name Wallet permissions even on a read-only key', () => {
    expect(evaluateBybitScope(answer({ permissions: { ...NONE, Wallet: ['AccountTransfer'] } }))).toMatchObject({
      verdict: 'too_broad',
      offending: ['Wallet: AccountTransfer'],
    });
  });

  it('should name Read-Write and what it lets the key do', () => {
    expect(evaluateBybitScope(answer({ readOnly: 0, permissions: { ...NONE, Spot: ['SpotTrade'] } }))).toMatchObject({
      verdict: 'too_broad',
      offending: ['Read-Write', 'Spot: SpotTrade'],
    });
  });

  it('should be unknown for a non-zero retCode, an odd readOnly, or malformed permissions', () => {
    expect(evaluateBybitScope({ retCode: 10003, retMsg: 'API key is invalid.', result: {} }).verdict).toBe('unknown');
    expect(evaluateBybitScope(answer({ readOnly: '1' })).verdict).toBe('unknown');
    expect(evaluateBybitScope(answer({ readOnly: 2 })).verdict).toBe('unknown');
    expect(evaluateBybitScope(answer({ permissions: undefined })).verdict).toBe('unknown');
    expect(evaluateBybitScope(answer({ permissions: { ...NONE, Wallet: 'Withdraw' } })).verdict).toBe('unknown');
  });

  it('should take the expiry from expiredAt, else from deadlineDay', () => {
    expect(evaluateBybitScope(answer({ expiredAt: '2031-05-15T03:21:05Z' })).expiresAt).toEqual(new Date('2031-05-15T03:21:05Z'));
    expect(evaluateBybitScope(answer({ deadlineDay: 10 }), 1_000).expiresAt).toEqual(new Date(1_000 + 10 * 86_400_000));
    expect(evaluateBybitScope(answer({})).expiresAt).toBeUndefined();
  });
});
