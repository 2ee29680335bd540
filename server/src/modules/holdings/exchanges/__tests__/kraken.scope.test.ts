import { describe, expect, it } from 'vitest';
import { evaluateKrakenScope } from '../venues/kraken.scope';

const answer = (permissions: unknown, extra: Record<string, unknown> = {}) => ({
  error: [],
  result: { api_key_name: 'vigil', api_key: 'SECRET-KEY-MATERIAL', iban: 'AB12', permissions, valid_until: '0', ...extra },
});
const READ = ['query-funds', 'query-open-trades', 'query-closed-trades', 'query-ledger', 'export-data'];

describe('evaluateKrakenScope', () => {
  it('should accept query-* and export-data only, and keep neither the key nor the IBAN', () => {
    const result = evaluateKrakenScope(answer(READ));
    expect(result).toMatchObject({ verdict: 'read_only', offending: [] });
    expect(JSON.stringify(result.venueAnswer)).not.toMatch(/SECRET-KEY-MATERIAL|AB12/);
  });

  it('should name every other permission, new ones included', () => {
    expect(
      evaluateKrakenScope(answer([...READ, 'withdraw-funds', 'modify-trades', 'access-websockets', 'future-thing'])),
    ).toMatchObject({
      verdict: 'too_broad',
      offending: ['access-websockets', 'future-thing', 'modify-trades', 'withdraw-funds'],
    });
  });

  it('should be unknown for an error answer, a missing or odd permission list, or no permissions at all', () => {
    expect(evaluateKrakenScope({ error: ['EAPI:Invalid key'], result: {} }).verdict).toBe('unknown');
    expect(evaluateKrakenScope(answer(undefined)).verdict).toBe('unknown');
    expect(evaluateKrakenScope(answer('query-funds')).verdict).toBe('unknown');
    expect(evaluateKrakenScope(answer([...READ, 7])).verdict).toBe('unknown');
    expect(evaluateKrakenScope(answer([])).verdict).toBe('unknown');
    expect(evaluateKrakenScope({ error: [] }).verdict).toBe('unknown');
  });

  it('should read valid_until as the expiry (0 is never)', () => {
    expect(evaluateKrakenScope(answer(READ, { valid_until: '1900000000' })).expiresAt).toEqual(new Date(1_900_000_000_000));
    expect(evaluateKrakenScope(answer(READ)).expiresAt).toBeUndefined();
  });
});
