import { describe, expect, it } from 'vitest';
import { scopePreamble } from '@/lib/db/db-scope';
import { auditActorOf, dbScopeOf, requireUser, type ApiKeyActor, type SystemActor, type UserActor } from '../actor';

const ORG = '6f1c6a9a-0000-4000-8000-000000000001';
const user: UserActor = {
  kind: 'user',
  userId: '6f1c6a9a-0000-4000-8000-000000000002',
  orgId: ORG,
  roleId: '6f1c6a9a-0000-4000-8000-000000000003',
  roleName: 'Compliance',
  permissions: new Set(['audit:read']),
  aal: 2,
  mfaAt: 1,
  session: { jti: 'j', expiresAt: new Date(), issuedAtMs: 1 },
};
const apiKey: ApiKeyActor = {
  kind: 'api_key',
  keyId: '6f1c6a9a-0000-4000-8000-000000000004',
  orgId: ORG,
  name: 'Payments partner',
  permissions: new Set(['releases:write']),
  aal: 1,
};
const system: SystemActor = { kind: 'system', source: 'job:holdings.poll', orgId: ORG, permissions: new Set() };

describe('actor', () => {
  it('should derive who an audit entry names from each kind of actor', () => {
    expect(auditActorOf(user)).toEqual({ actorType: 'user', actorId: user.userId, actorRole: 'Compliance', systemSource: null });
    expect(auditActorOf(apiKey)).toEqual({
      actorType: 'api_key',
      actorId: apiKey.keyId,
      actorRole: 'Payments partner',
      systemSource: null,
    });
    expect(auditActorOf(system)).toEqual({
      actorType: 'system',
      actorId: null,
      actorRole: null,
      systemSource: 'job:holdings.poll',
    });
  });

  it('should carry the actor type into the database settings of its scope', () => {
    expect(scopePreamble(dbScopeOf(user))).toContain("set_config('app.actor_type', 'user', true)");
    expect(scopePreamble(dbScopeOf(apiKey))).toContain("set_config('app.actor_type', 'api_key', true)");
    expect(scopePreamble(dbScopeOf(apiKey))).toContain(`set_config('app.actor_id', '${apiKey.keyId}', true)`);
    expect(scopePreamble(dbScopeOf(system))).toMatch(/^SET LOCAL ROLE vigil_system; .*'app.actor_type', 'system'/);
  });

  it('should refuse person-only flows to an API key and to the system', () => {
    expect(requireUser(user)).toBe(user);
    expect(() => requireUser(apiKey)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => requireUser(system)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('should refuse a scope whose actor type is not one it knows, even if a caller forges one', () => {
    const forged = { ...dbScopeOf(user), actorType: "user', true); SELECT 1; --" } as unknown as Parameters<
      typeof scopePreamble
    >[0];
    expect(() => scopePreamble(forged)).toThrow(/bad actor type/);
  });
});
