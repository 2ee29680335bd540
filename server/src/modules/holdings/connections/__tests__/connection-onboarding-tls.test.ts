import { describe, expect, it } from 'vitest';
import type { UserActor } from '@/core/actor';
import { ObjectAccess } from '@/core/access/require-access';
import type { RequestDb } from '@/lib/db/request-db';
import type { ExchangeAdapter } from '../../exchanges/exchange-adapter';
import { ConnectionOnboarding, fingerprintOf } from '../connection-onboarding';

// H11, the service's own half: in production a key that did not arrive over TLS is refused before
// anything else happens, even when the edge (which refuses plain-HTTP writes first) is
// misconfigured. The edge's half: http-hardening.test.ts.
const employee: UserActor = {
  kind: 'user',
  userId: '11111111-1111-4111-8111-111111111111',
  orgId: '22222222-2222-4222-8222-222222222222',
  roleId: '33333333-3333-4333-8333-333333333333',
  roleName: 'Employee',
  permissions: new Set(['connections:read', 'connections:write']),
  aal: 1,
  mfaAt: null,
  session: { jti: 'j', expiresAt: new Date(Date.now() + 60_000), issuedAtMs: Date.now() },
};

function onboardingWith(requireTls: boolean) {
  const touched: string[] = [];
  const db = new Proxy({} as RequestDb, {
    get: (_t, prop) => {
      touched.push(`db.${String(prop)}`);
      throw new Error('the database must not be reached');
    },
  });
  const onboarding = new ConnectionOnboarding({
    db,
    access: new ObjectAccess(new Map(), () => db),
    secrets: {} as never,
    auditMac: {} as never,
    adapterFor: (venue) => {
      touched.push(`venue ${venue}`);
      return undefined as ExchangeAdapter | undefined;
    },
    requireTls,
  });
  return { onboarding, touched };
}

describe('connecting a key over plain HTTP', () => {
  it('should refuse with FORBIDDEN and reach neither the venue nor the database when TLS is required', async () => {
    const { onboarding, touched } = onboardingWith(true);
    const input = { venue: 'binance', apiKey: 'k'.repeat(16), secret: 's'.repeat(16) };
    await expect(onboarding.onboard(employee, input, { secure: false })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: /HTTPS only/,
    });
    expect(touched).toEqual([]);
  });

  it('should go on to the employee check when the request came over TLS', async () => {
    const { onboarding, touched } = onboardingWith(true);
    const input = { venue: 'binance', apiKey: 'k'.repeat(16), secret: 's'.repeat(16) };
    await expect(onboarding.onboard(employee, input, { secure: true })).rejects.toThrow('the database must not be reached');
    expect(touched).toEqual(['db.readRows']);
  });

  it('should show four characters of a key and no more', () => {
    expect(fingerprintOf('abcdefghijklmnop')).toBe('…mnop');
  });
});
