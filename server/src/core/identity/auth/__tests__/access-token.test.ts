import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AccessTokens, ACCESS_TOKEN_TTL_SECONDS } from '../access-token';

const claims = {
  userId: '7d0f3a52-58f4-4c5e-9a7e-6f1c6a9a0001',
  orgId: 'a1b2c3d4-0000-4000-8000-000000000001',
  roleId: 'a1b2c3d4-0000-4000-8000-000000000002',
  roleName: 'Admin',
  permissions: ['users:read'],
  aal: 1 as const,
  mfaAt: null,
};

describe('AccessTokens', () => {
  it('should refuse a token once 24 hours have passed, even after it was verified and remembered', async () => {
    let now = Date.UTC(2026, 10, 28, 12);
    const tokens = new AccessTokens(randomBytes(32), () => now);
    const { token } = await tokens.issue(claims);
    expect((await tokens.verify(token)).userId).toBe(claims.userId);
    now += (ACCESS_TOKEN_TTL_SECONDS - 1) * 1000;
    expect((await tokens.verify(token)).userId).toBe(claims.userId);
    now += 2000;
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Session expired' });
  });

  it('should check the signature of any other string, however close to a remembered token', async () => {
    const tokens = new AccessTokens(randomBytes(32));
    const { token } = await tokens.issue(claims);
    await tokens.verify(token);
    const [h, p, sig] = token.split('.') as [string, string, string];
    const flipped = `${h}.${p}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(tokens.verify(flipped)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('should issue a token strictly after a revocation cutoff given for the same millisecond', async () => {
    const now = Date.UTC(2026, 10, 28, 12);
    const tokens = new AccessTokens(randomBytes(32), () => now);
    const { issuedAtMs } = await tokens.issue(claims, now);
    expect(issuedAtMs).toBe(now + 1);
  });
});
