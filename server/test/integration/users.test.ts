import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  createUserWithRole,
  startTestApp,
  type TestApp,
  type TestOrg,
} from '../helpers/test-app';

type Page = {
  users: { nodes: { id: string; name: string; email: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
};
const PAGE =
  'query($first: Int!, $after: String, $search: String) { users(first: $first, after: $after, search: $search) { nodes { id name email } pageInfo { hasNextPage endCursor } } }';

describe('users list', () => {
  let app: TestApp;
  let org: TestOrg;
  let admin: string;

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app);
    admin = (await adminWithMfa(app, org)).token;
    for (const label of ['ann', 'bob', 'cy', 'dee', 'eve', 'fay']) {
      await createUserWithRole(app, admin, org.roles.Viewer.id, label);
    }
    for (const [name, email] of [
      ['percent% person', 'percent@example.test'],
      ['under_score person', 'underscore@example.test'],
    ]) {
      const res = await app.gql(
        'mutation($input: CreateUserInput!) { createUser(input: $input, justification: "search test fixture") { id } }',
        { input: { email, name, roleId: org.roles.Viewer.id, password: 'long enough password' } },
        admin,
      );
      expect(res.errors).toBeUndefined();
    }
  });
  afterAll(() => app?.stop());

  it('should walk every user once, in name order, when paging with cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res: { data: Page | null } = await app.gql<Page>(PAGE, { first: 3, after }, admin);
      seen.push(...res.data!.users.nodes.map((n) => n.name));
      if (!res.data!.users.pageInfo.hasNextPage) break;
      after = res.data!.users.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    expect([...seen].sort()).toEqual(seen);
  });

  it('should match search text literally, % and _ included', async () => {
    const percent = await app.gql<Page>(PAGE, { first: 50, search: '%' }, admin);
    expect(percent.data!.users.nodes.map((n) => n.name)).toEqual(['percent% person']);
    const under = await app.gql<Page>(PAGE, { first: 50, search: 'r_s' }, admin);
    expect(under.data!.users.nodes.map((n) => n.name)).toEqual(['under_score person']);
    const paged = await app.gql<Page>(PAGE, { first: 1, search: 'person' }, admin);
    const next = await app.gql<Page>(PAGE, { first: 1, search: 'person', after: paged.data!.users.pageInfo.endCursor }, admin);
    expect(next.data!.users.nodes[0]!.name > paged.data!.users.nodes[0]!.name).toBe(true);
  });

  it('should refuse a forged cursor and a page size out of range', async () => {
    expect(codeOf(await app.gql(PAGE, { first: 3, after: 'not-a-cursor' }, admin))).toBe('BAD_USER_INPUT');
    const forged = Buffer.from(JSON.stringify(['x', "'; DROP TABLE users; --"])).toString('base64url');
    expect(codeOf(await app.gql(PAGE, { first: 3, after: forged }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await app.gql(PAGE, { first: 0 }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await app.gql(PAGE, { first: 201 }, admin))).toBe('BAD_USER_INPUT');
  });
});
