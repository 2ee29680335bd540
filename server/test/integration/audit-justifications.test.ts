import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS } from '@/core/audit/audit-export';
import { parseCsv } from '../helpers/parse-csv';
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

// Issue 9, item 3: every Admin write asks for a justification; it is shown where the entry is:
// on the entry (GraphQL and the console's detail), in the CSV (a column of its own, neutralised
// like any client text), and as a filter ("admin writes only"), to every reader with audit:read.
const LIST = `query($f: AuditFilter) { auditEntries(first: 200, filter: $f) { nodes { seq action outcome justification details } } }`;
type Node = { seq: number; action: string; outcome: string; justification: string | null; details: Record<string, unknown> };
const WHY = '=HYPERLINK("http://evil.example") ticket OPS-142: onboarding';

describe('justifications are visible', () => {
  let app: TestApp;
  let org: TestOrg;
  let admin: string;
  let compliance: string;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app);
    admin = (await adminWithMfa(app, org)).token;
    const officer = await createUserWithRole(app, admin, org.roles.Compliance.id, 'officer');
    compliance = (await enrolMfa(app, await login(app, officer))).token;
    // An allowed Admin write and a refused one (a taken email), both with their reason.
    const created = await app.gql(
      `mutation($i: CreateUserInput!, $j: String!) { createUser(input: $i, justification: $j) { id } }`,
      { i: { email: 'pat@example.test', name: 'Pat', roleId: org.roles.Viewer.id, password: 'a long enough password' }, j: WHY },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const taken = await app.gql(
      `mutation($i: CreateUserInput!, $j: String!) { createUser(input: $i, justification: $j) { id } }`,
      {
        i: { email: 'pat@example.test', name: 'Pat', roleId: org.roles.Viewer.id, password: 'a long enough password' },
        j: 'repeating the request by mistake',
      },
      admin,
    );
    expect(codeOf(taken), JSON.stringify(taken.errors)).toBe('CONFLICT');
    await app.vigil.deps.auditChainer?.drain();
  });
  afterAll(() => app?.stop());

  const list = async (token: string, f: Record<string, unknown> = {}) => {
    const res = await app.gql<{ auditEntries: { nodes: Node[] } }>(LIST, { f }, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.auditEntries.nodes;
  };

  it('should show each Admin write with its justification to a Compliance reader, allowed or refused', async () => {
    const writes = (await list(compliance)).filter((e) => e.action === 'mutation.createUser');
    expect(writes.map((e) => [e.outcome, e.justification])).toEqual(
      expect.arrayContaining([
        ['allowed', WHY],
        ['error', 'repeating the request by mistake'],
      ]),
    );
    expect(writes.every((e) => e.details.justification === e.justification)).toBe(true);
  });

  it('should list only Admin writes when asked, and nothing without a justification', async () => {
    const admins = await list(compliance, { adminWritesOnly: true });
    expect(admins.length).toBeGreaterThan(0);
    expect(admins.every((e) => typeof e.justification === 'string' && e.justification.length > 0)).toBe(true);
    expect(admins.some((e) => e.action.startsWith('query.'))).toBe(false);
  });

  it('should export the justification in a column of its own, a formula-leading one neutralised', async () => {
    const res = await fetch(`${app.url}/api/v1/audit?adminWritesOnly=true`, {
      headers: { authorization: `Bearer ${compliance}` },
    });
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    const col = header!.indexOf('justification');
    const cells = rows.filter((r) => r.length > 1).map((r) => r[col]);
    expect(cells).toContain(`'${WHY}`);
    expect(cells).toContain('repeating the request by mistake');
    expect(cells.every((c) => c !== '')).toBe(true);
  });
});
