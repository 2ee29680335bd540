import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltInRoleName } from '@/core/access/permission-catalog';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  createUserWithRole,
  enrolMfa,
  login,
  startTestApp,
  type TestApp,
  type TestOrg,
} from '../helpers/test-app';

// What each built-in role may do with the resources that exist so far (users, roles, audit),
// as DESIGN.md's role table says. Every cell is a real request through the whole stack.
const READS = {
  users: '{ users(first: 5) { nodes { id } } }',
  roles: '{ roles { id } }',
  audit: '{ auditEntries(first: 5) { nodes { seq } } }',
  chain: '{ auditChainStatus { valid } }',
} as const;

const EXPECTED_READS: Record<BuiltInRoleName | 'HR', Record<keyof typeof READS, boolean>> = {
  Admin: { users: true, roles: true, audit: true, chain: true },
  Compliance: { users: false, roles: false, audit: true, chain: true },
  Viewer: { users: false, roles: false, audit: false, chain: false },
  Funder: { users: false, roles: false, audit: false, chain: false },
  Contractor: { users: false, roles: false, audit: false, chain: false },
  Employee: { users: false, roles: false, audit: false, chain: false },
  HR: { users: false, roles: false, audit: false, chain: false },
};

describe('built-in and custom role access', () => {
  let app: TestApp;
  let org: TestOrg;
  let adminToken: string;
  const tokens = {} as Record<BuiltInRoleName | 'HR', string>;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app);
    adminToken = (await adminWithMfa(app, org)).token;
    const hr = await app.gql<{ createRole: { id: string } }>(
      'mutation($input: CreateRoleInput!) { createRole(input: $input, justification: "HR needs an account, no data") { id } }',
      { input: { name: 'HR', permissions: [] } },
      adminToken,
    );
    const roleIds: Record<string, string> = { HR: hr.data!.createRole.id };
    for (const [name, role] of Object.entries(org.roles)) roleIds[name] = role.id;
    for (const name of Object.keys(EXPECTED_READS) as (BuiltInRoleName | 'HR')[]) {
      if (name === 'Admin') {
        tokens.Admin = adminToken;
        continue;
      }
      const user = await createUserWithRole(app, adminToken, roleIds[name]!, name.toLowerCase());
      tokens[name] = await login(app, user);
    }
  });
  afterAll(() => app?.stop());

  for (const [role, reads] of Object.entries(EXPECTED_READS)) {
    for (const [resource, allowed] of Object.entries(reads)) {
      it(`should ${allowed ? 'allow' : 'refuse'} ${role} reading ${resource}`, async () => {
        const res = await app.gql(READS[resource as keyof typeof READS], {}, tokens[role as BuiltInRoleName]);
        if (allowed) expect(res.errors).toBeUndefined();
        else {
          expect(codeOf(res)).toBe('FORBIDDEN');
          expect(res.data).toBeNull();
        }
      });
    }
  }

  it('should let every role, HR included, read only itself through me', async () => {
    for (const token of Object.values(tokens)) {
      const res = await app.gql<{ me: { user: { id: string } } }>('{ me { user { id } } }', {}, token);
      expect(res.errors).toBeUndefined();
    }
  });

  it('should refuse user and role writes to every role but Admin', async () => {
    const roleId = org.roles.Viewer.id;
    for (const [name, token] of Object.entries(tokens)) {
      if (name === 'Admin') continue;
      const res = await app.gql(
        'mutation($input: CreateUserInput!) { createUser(input: $input, justification: "trying to add a user") { id } }',
        { input: { email: `x-${name}@example.test`, name: 'X', roleId, password: 'long enough password' } },
        token,
      );
      expect(codeOf(res)).toBe('FORBIDDEN');
      const role = await app.gql(
        'mutation { createRole(input: { name: "Sneaky", permissions: ["users:read"] }, justification: "trying to add a role") { id } }',
        {},
        token,
      );
      expect(codeOf(role)).toBe('FORBIDDEN');
    }
    const count = await app.gql<{ users: { nodes: unknown[] } }>(
      '{ users(first: 200, search: "x-") { nodes { id } } }',
      {},
      adminToken,
    );
    expect(count.data!.users.nodes).toHaveLength(0);
  });

  it('should ask an Admin without MFA for a step-up before any Admin write', async () => {
    const fresh = await createTestOrg(app);
    const aal1 = await login(app, fresh.admin);
    const res = await app.gql(
      'mutation { createRole(input: { name: "Auditors", permissions: ["audit:read"] }, justification: "external auditors read the log") { id } }',
      {},
      aal1,
    );
    expect(codeOf(res)).toBe('MFA_REQUIRED');
    const { token } = await enrolMfa(app, aal1);
    const ok = await app.gql(
      'mutation { createRole(input: { name: "Auditors", permissions: ["audit:read"] }, justification: "external auditors read the log") { id } }',
      {},
      token,
    );
    expect(ok.errors).toBeUndefined();
  });

  it('should end the sessions of a user whose role changes', async () => {
    const user = await createUserWithRole(app, adminToken, org.roles.Viewer.id, 'mover');
    const session = await login(app, user);
    const moved = await app.gql(
      'mutation($u: ID!, $r: ID!) { assignRole(userId: $u, roleId: $r, justification: "moved to the compliance team") { role { name } } }',
      { u: user.id, r: org.roles.Compliance.id },
      adminToken,
    );
    expect(moved.errors).toBeUndefined();
    expect(codeOf(await app.gql('{ me { aal } }', {}, session))).toBe('UNAUTHENTICATED');
    const fresh = await login(app, user);
    expect((await app.gql(READS.audit, {}, fresh)).errors).toBeUndefined();
  });

  it("should end the sessions of a custom role's users when its permissions change", async () => {
    const role = await app.gql<{ createRole: { id: string } }>(
      'mutation { createRole(input: { name: "Readers", permissions: ["users:read"] }, justification: "team leads read the user list") { id } }',
      {},
      adminToken,
    );
    const roleId = role.data!.createRole.id;
    const user = await createUserWithRole(app, adminToken, roleId, 'reader');
    const session = await login(app, user);
    expect((await app.gql(READS.users, {}, session)).errors).toBeUndefined();
    const upd = await app.gql(
      'mutation($id: ID!) { updateRole(id: $id, input: { permissions: [] }, justification: "team leads no longer need it") { permissions } }',
      { id: roleId },
      adminToken,
    );
    expect(upd.data).toEqual({ updateRole: { permissions: [] } });
    expect(codeOf(await app.gql(READS.users, {}, session))).toBe('UNAUTHENTICATED');
    expect(codeOf(await app.gql(READS.users, {}, await login(app, user)))).toBe('FORBIDDEN');
  });

  it("should show each listed user's role with the same user count as the roles list", async () => {
    const users = await app.gql<{ users: { nodes: { createdAt: string; role: { id: string; userCount: number } }[] } }>(
      '{ users(first: 200) { nodes { createdAt role { id userCount } } } }',
      {},
      adminToken,
    );
    const roles = await app.gql<{ roles: { id: string; userCount: number }[] }>('{ roles { id userCount } }', {}, adminToken);
    const counts = new Map(roles.data!.roles.map((r) => [r.id, r.userCount]));
    const seen = new Map<string, number>();
    expect(users.errors).toBeUndefined();
    for (const { createdAt, role } of users.data!.users.nodes) {
      expect(Math.abs(Date.parse(createdAt) - Date.now())).toBeLessThan(600_000);
      expect(role.userCount).toBe(counts.get(role.id));
      seen.set(role.id, (seen.get(role.id) ?? 0) + 1);
    }
    for (const [id, n] of seen) expect(counts.get(id)).toBe(n);
  });

  it('should refuse changing a built-in role', async () => {
    const res = await app.gql(
      'mutation($id: ID!) { updateRole(id: $id, input: { permissions: [] }, justification: "strip viewer of everything") { id } }',
      { id: org.roles.Viewer.id },
      adminToken,
    );
    expect(codeOf(res)).toBe('FORBIDDEN');
    const roles = await app.gql<{ role: { permissions: string[] } }>(
      'query($id: ID!) { role(id: $id) { permissions } }',
      { id: org.roles.Viewer.id },
      adminToken,
    );
    expect(roles.data!.role.permissions.length).toBeGreaterThan(0);
  });
});
