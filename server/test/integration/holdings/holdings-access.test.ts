import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onboardedEmployee, type TestEmployee } from '../../helpers/holdings-kit';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  createUserWithRole,
  login,
  startTestApp,
  type TestApp,
  type TestOrg,
} from '../../helpers/test-app';

// Every holdings root field, for every kind of reader (DESIGN.md's role table): Admin,
// Compliance, Viewer, a real Employee (made from an invitation) and a custom role with no
// permissions ("HR": sees nothing). A cell is "allowed" when the guard lets the request through
// (the answer may still be NOT_FOUND or BAD_USER_INPUT for the test's arguments); "refused" is
// FORBIDDEN with no data.
type Reader = 'Admin' | 'Compliance' | 'Viewer' | 'Employee' | 'HR';
const J = 'access walk of the holdings fields';
const NIL = '00000000-0000-4000-8000-000000000000';

const FIELDS: Record<
  string,
  { doc: string; vars?: (ctx: { employeeId: string }) => Record<string, unknown>; allowed: Reader[] }
> = {
  employees: { doc: '{ employees(first: 5) { nodes { id } } }', allowed: ['Admin', 'Compliance', 'Viewer'] },
  employee: {
    doc: 'query($id: ID!) { employee(id: $id) { id } }',
    vars: (c) => ({ id: c.employeeId }),
    allowed: ['Admin', 'Compliance', 'Viewer'],
  },
  myEmployee: { doc: '{ myEmployee { id } }', allowed: ['Admin', 'Compliance', 'Viewer', 'Employee', 'HR'] },
  exchangeVenues: { doc: '{ exchangeVenues { id } }', allowed: ['Admin', 'Compliance', 'Viewer', 'Employee', 'HR'] },
  connections: {
    doc: 'query($e: ID) { connections(employeeId: $e) { id } }',
    vars: (c) => ({ e: c.employeeId }),
    allowed: ['Admin', 'Compliance', 'Viewer', 'Employee'],
  },
  employeeBalances: {
    doc: 'query($e: ID!) { employeeBalances(employeeId: $e) { asset } }',
    vars: (c) => ({ e: c.employeeId }),
    allowed: ['Admin', 'Compliance', 'Viewer'],
  },
  employeeBalanceHistory: {
    doc: 'query($e: ID!) { employeeBalanceHistory(employeeId: $e, days: 7) { asset } }',
    vars: (c) => ({ e: c.employeeId }),
    allowed: ['Admin', 'Compliance', 'Viewer'],
  },
  referenceCurrency: { doc: '{ referenceCurrency }', allowed: ['Admin', 'Compliance', 'Viewer', 'Employee', 'HR'] },
  employeeValueHistory: {
    doc: 'query($e: ID!) { employeeValueHistory(employeeId: $e, days: 7) { at value unpricedAssets } }',
    vars: (c) => ({ e: c.employeeId }),
    allowed: ['Admin', 'Compliance', 'Viewer'],
  },
  // A Viewer sees no transactions (DESIGN.md).
  employeeTrades: {
    doc: 'query($e: ID!) { employeeTrades(employeeId: $e, first: 5) { nodes { id } } }',
    vars: (c) => ({ e: c.employeeId }),
    allowed: ['Admin', 'Compliance'],
  },
  employeeTransfers: {
    doc: 'query($e: ID!) { employeeTransfers(employeeId: $e, first: 5) { nodes { id } } }',
    vars: (c) => ({ e: c.employeeId }),
    allowed: ['Admin', 'Compliance'],
  },
  pollRuns: {
    doc: 'query($id: ID!) { pollRuns(connectionId: $id) { id } }',
    vars: () => ({ id: NIL }),
    allowed: ['Admin', 'Compliance', 'Viewer', 'Employee'],
  },
  feedHealth: { doc: '{ feedHealth { connectionId } }', allowed: ['Admin', 'Compliance', 'Viewer', 'Employee'] },
  chains: { doc: '{ chains { chainId } }', allowed: ['Admin', 'Compliance', 'Viewer', 'Employee', 'HR'] },
  wallets: {
    doc: 'query($e: ID) { wallets(employeeId: $e) { id } }',
    vars: (c) => ({ e: c.employeeId }),
    allowed: ['Admin', 'Compliance', 'Viewer', 'Employee'],
  },
  walletBalances: {
    doc: 'query($e: ID!) { walletBalances(employeeId: $e) { asset } }',
    vars: (c) => ({ e: c.employeeId }),
    allowed: ['Admin', 'Compliance', 'Viewer'],
  },
  walletTransfers: {
    doc: 'query($e: ID!) { walletTransfers(employeeId: $e, first: 5) { nodes { id } } }',
    vars: (c) => ({ e: c.employeeId }),
    allowed: ['Admin', 'Compliance'],
  },
  walletHealth: { doc: '{ walletHealth { walletId } }', allowed: ['Admin', 'Compliance', 'Viewer', 'Employee'] },
  inviteEmployee: {
    doc: `mutation { inviteEmployee(input: { name: "Walk", email: "walk-${Date.now()}@example.test" }, justification: "${J}") { link } }`,
    allowed: ['Admin'],
  },
  reissueInvitation: {
    doc: `mutation($id: ID!) { reissueInvitation(id: $id, justification: "${J}") { link } }`,
    vars: () => ({ id: NIL }),
    allowed: ['Admin'],
  },
  updateEmployee: {
    doc: `mutation($id: ID!) { updateEmployee(id: $id, input: { department: "Desk" }, justification: "${J}") { id } }`,
    vars: () => ({ id: NIL }),
    allowed: ['Admin'],
  },
  offboardEmployee: {
    doc: `mutation($id: ID!) { offboardEmployee(id: $id, justification: "${J}") { id } }`,
    vars: () => ({ id: NIL }),
    allowed: ['Admin'],
  },
  requireReonboarding: {
    doc: 'mutation($id: ID!) { requireReonboarding(id: $id, note: "stale key") { id } }',
    vars: () => ({ id: NIL }),
    allowed: ['Compliance'],
  },
  connectExchange: {
    doc: 'mutation { connectExchange(input: { venue: "nasdaq", apiKey: "kkkkkkkkkkkk", secret: "ssssssssssss" }) { connection { id } } }',
    allowed: ['Employee'],
  },
  // Only an employee adds or removes its own wallets (Compliance holds connections:write, and is refused by the service).
  addWallet: {
    doc: 'mutation { addWallet(input: { chainId: 999999, address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" }) { id } }',
    allowed: ['Employee'],
  },
  removeWallet: {
    doc: 'mutation($id: ID!) { removeWallet(id: $id) { id } }',
    vars: () => ({ id: NIL }),
    allowed: ['Employee'],
  },
};

describe('holdings fields by role', () => {
  let app: TestApp;
  let org: TestOrg;
  let employee: TestEmployee;
  const tokens = {} as Record<Reader, string>;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app);
    tokens.Admin = (await adminWithMfa(app, org)).token;
    const hr = await app.gql<{ createRole: { id: string } }>(
      'mutation($input: CreateRoleInput!) { createRole(input: $input, justification: "HR needs an account, no data") { id } }',
      { input: { name: 'HR', permissions: [] } },
      tokens.Admin,
    );
    tokens.HR = await login(app, await createUserWithRole(app, tokens.Admin, hr.data!.createRole.id, 'hr'));
    tokens.Compliance = await login(app, await createUserWithRole(app, tokens.Admin, org.roles.Compliance.id, 'compliance'));
    tokens.Viewer = await login(app, await createUserWithRole(app, tokens.Admin, org.roles.Viewer.id, 'viewer'));
    employee = await onboardedEmployee(app, tokens.Admin);
    tokens.Employee = employee.token;
  });
  afterAll(() => app?.stop());

  for (const [field, spec] of Object.entries(FIELDS)) {
    for (const reader of ['Admin', 'Compliance', 'Viewer', 'Employee', 'HR'] as Reader[]) {
      const allowed = spec.allowed.includes(reader);
      it(`should ${allowed ? 'let' : 'refuse'} ${reader} ${allowed ? 'use' : ''} ${field}`, async () => {
        const res = await app.gql(spec.doc, spec.vars?.({ employeeId: employee.id }) ?? {}, tokens[reader]);
        if (allowed) {
          expect(['FORBIDDEN', 'UNAUTHENTICATED', 'MFA_REQUIRED', 'INTERNAL_SERVER_ERROR']).not.toContain(codeOf(res));
        } else {
          expect(codeOf(res)).toBe('FORBIDDEN');
          expect(res.data?.[field as keyof typeof res.data] ?? null).toBeNull();
        }
      });
    }
  }

  it('should refuse every signed-in field to an anonymous caller', async () => {
    for (const [field, spec] of Object.entries(FIELDS)) {
      const res = await app.gql(spec.doc, spec.vars?.({ employeeId: employee.id }) ?? {});
      expect(codeOf(res), field).toBe('UNAUTHENTICATED');
    }
  });

  it("should show an Employee its own row and no one else's", async () => {
    const other = await onboardedEmployee(app, tokens.Admin, 'Other Trader');
    const mine = await app.gql<{ myEmployee: { id: string } }>('{ myEmployee { id } }', {}, employee.token);
    expect(mine.data?.myEmployee.id).toBe(employee.id);
    const theirs = await app.gql<{ connections: unknown[] }>(
      'query($e: ID) { connections(employeeId: $e) { id } }',
      { e: other.id },
      employee.token,
    );
    expect(theirs.data?.connections).toEqual([]);
  });
});
