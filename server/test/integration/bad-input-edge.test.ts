import pg from 'pg';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBareSchema } from '@/app/schema';
import {
  adminWithMfa,
  codeOf,
  createTestOrg,
  createUserWithRole,
  startTestApp,
  TEST_PASSWORD,
  type GqlResult,
  type TestApp,
  type TestOrg,
} from '../helpers/test-app';

// Issue 8, item 5: whatever a client puts in any argument of any root field — U+0000, a lone
// surrogate, a huge string, an out-of-range number, a cursor hiding either — the answer is
// BAD_USER_INPUT, never INTERNAL_SERVER_ERROR or HTTP 5xx, and nothing is written but the
// refusal's own audit entry. The fields are walked from the schema, so a field added later is
// attacked too.

const MAX_STRING = 10_000; // INPUT_MAX_STRING_LENGTH's default
const TEXT_ATTACKS = {
  nul: 'a\u0000b',
  loneSurrogate: 'a\ud800b',
  huge: 'x'.repeat(5 * MAX_STRING),
} as const;
// Past GraphQL's Int (32 bits), past a double's safe integers, and absurd.
const INT_ATTACKS = [2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e300];
// In the Int range, but no page size.
const PAGE_SIZE_ATTACKS = [-1, 0, 1_000_000];
const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
// What a cursor can hide from the edge's text check: numbers no bigint holds, text no column holds.
const CURSOR_ATTACKS = [
  cursorOf([1e300]),
  cursorOf([2 ** 53 + 2]),
  cursorOf([-1e308]),
  cursorOf(['\u0000', 'x']),
  cursorOf(['x', '\ud800']),
  cursorOf(['x'.repeat(5000), 'y']),
  '%%%not base64%%%',
];

type Leaf = { path: (string | number)[]; type: GraphQLInputType };

/** Every scalar or enum an argument holds, inside input objects and lists (one element). */
function leavesOf(type: GraphQLInputType, path: (string | number)[] = []): Leaf[] {
  const t = getNullableType(type);
  if (isListType(t)) return leavesOf(t.ofType as GraphQLInputType, [...path, 0]);
  if (isInputObjectType(t)) {
    return Object.values(t.getFields()).flatMap((f) => leavesOf(f.type, [...path, f.name]));
  }
  return [{ path, type: t }];
}

/** A value that passes validation, by name, so that a refusal can only come from the attack. */
function validArgs(field: GraphQLField<unknown, unknown>, ids: Ids): Record<string, unknown> {
  const byName: Record<string, unknown> = {
    organization: 'acme',
    email: 'someone@example.test',
    password: TEST_PASSWORD,
    currentPassword: TEST_PASSWORD,
    newPassword: 'another long enough password',
    code: '123456',
    justification: 'a good reason for it',
    name: 'A name',
    description: 'A description',
    permissions: ['users:read'],
    disabled: false,
    search: 'a',
    writesOnly: false,
    adminWritesOnly: false,
    note: 'A note on the alert',
    status: ['OPEN'],
    severity: ['HIGH'],
    kind: ['connection_broken'],
    first: 10,
    after: null,
    userId: ids.userId,
    roleId: ids.roleId,
    actorId: ids.userId,
    resourceType: 'user',
    action: 'query.users',
    outcome: 'allowed',
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-02-01T00:00:00.000Z',
    // Holdings.
    token: 'A'.repeat(43),
    department: 'Desk',
    employeeId: ids.userId,
    connectionId: ids.userId,
    walletId: ids.userId,
    venue: 'binance',
    apiKey: 'k'.repeat(24),
    secret: 's'.repeat(32),
    passphrase: 'a passphrase',
    label: 'Main account',
    sandbox: false,
    days: 7,
    symbol: 'BTC/USDT',
    side: 'buy',
    asset: 'ETH',
    chainId: 31337,
    address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  };
  const value = (name: string, type: GraphQLInputType): unknown => {
    if (name === 'id') return /role/i.test(field.name) ? ids.roleId : ids.userId;
    // The roster's status filter is one value; the alert queue's a list. Likewise a transfer's kind.
    if (name === 'status' && field.name === 'employees') return 'active';
    if (name === 'kind' && field.name === 'employeeTransfers') return 'deposit';
    const t = getNullableType(type);
    if (isInputObjectType(t)) {
      return Object.fromEntries(Object.values(t.getFields()).map((f) => [f.name, value(f.name, f.type)]));
    }
    if (!(name in byName)) throw new Error(`no valid value for ${field.name}(${name}) — add one to validArgs`);
    return byName[name];
  };
  return Object.fromEntries(field.args.map((a) => [a.name, value(a.name, a.type)]));
}

type Ids = { userId: string; roleId: string };

function withValueAt(args: Record<string, unknown>, path: (string | number)[], v: unknown): Record<string, unknown> {
  const copy = structuredClone(args) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) node[key] = v;
    else {
      node[key] ??= typeof path[i + 1] === 'number' ? [] : {};
      node = node[key] as Record<string | number, unknown>;
    }
  }
  return copy;
}

const selectionOf = (field: GraphQLField<unknown, unknown>) => (isObjectType(getNamedType(field.type)) ? ' { __typename }' : '');

/** The operation with every argument passed as a variable. */
function withVariables(op: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const uses = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${op}${defs ? `(${defs})` : ''} { ${field.name}${uses ? `(${uses})` : ''}${selectionOf(field)} }`;
}

/** A value as a GraphQL literal of its type (enums unquoted). */
function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  const t = getNullableType(type);
  if (isListType(t)) return `[${(value as unknown[]).map((v) => literal(v, t.ofType as GraphQLInputType)).join(', ')}]`;
  if (isInputObjectType(t)) {
    const fields = t.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]!.type)}`)
      .join(', ')} }`;
  }
  // An enum's own values go unquoted; anything else stays a string, which the enum refuses.
  if (isEnumType(t) && t.getValue(String(value))) return String(value);
  // JSON's string escapes are GraphQL's: U+0000 becomes \u0000, a lone surrogate \ud800.
  return JSON.stringify(value);
}

/** The operation with every argument written inline. */
function withLiterals(
  op: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  argTypes: readonly GraphQLArgument[],
) {
  const uses = argTypes.map((a) => `${a.name}: ${literal(args[a.name], a.type)}`).join(', ');
  return `${op} { ${field.name}${uses ? `(${uses})` : ''}${selectionOf(field)} }`;
}

type Attack = { label: string; query: string; variables?: Record<string, unknown>; expect: { code: string; status?: number } };

/**
 * Inline literals meet GraphQL's own checks before ours: the lexer refuses a lone surrogate
 * (GRAPHQL_PARSE_FAILED), and validation refuses a literal its type cannot hold — an enum or a
 * date given text (GRAPHQL_VALIDATION_FAILED). Both are the client's, with HTTP 400; a String or
 * ID literal reaches the edge's check (BAD_USER_INPUT).
 */
function literalExpectation(what: keyof typeof TEXT_ATTACKS, leafType: string): Attack['expect'] {
  if (what === 'loneSurrogate') return { code: 'GRAPHQL_PARSE_FAILED', status: 400 };
  if (leafType === 'String' || leafType === 'ID') return { code: 'BAD_USER_INPUT', status: 400 };
  return { code: 'GRAPHQL_VALIDATION_FAILED', status: 400 };
}

function attacksOn(schema: GraphQLSchema, ids: Ids): Attack[] {
  const attacks: Attack[] = [];
  for (const op of ['query', 'mutation'] as const) {
    const root = op === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
    for (const field of Object.values(root.getFields())) {
      const valid = validArgs(field, ids);
      for (const arg of field.args) {
        for (const leaf of leavesOf(arg.type)) {
          const path = [arg.name, ...leaf.path];
          const label = `${root.name}.${field.name}(${path.join('.')})`;
          const named = getNamedType(leaf.type);
          const send = (what: string, v: unknown, expect: Attack['expect']) =>
            attacks.push({
              label: `${label} ← ${what} (variable)`,
              query: withVariables(op, field),
              variables: withValueAt(valid, path, v),
              expect,
            });
          if (named.name === 'Boolean') continue;
          if (named.name === 'Int' || named.name === 'Float') {
            for (const n of INT_ATTACKS) send(String(n), n, { code: 'BAD_USER_INPUT', status: 400 });
            if (arg.name === 'first') for (const n of PAGE_SIZE_ATTACKS) send(String(n), n, { code: 'BAD_USER_INPUT' });
            continue;
          }
          // Strings, IDs, enums and custom scalars: whatever takes text takes these.
          for (const [what, s] of Object.entries(TEXT_ATTACKS) as [keyof typeof TEXT_ATTACKS, string][]) {
            send(what, s, { code: 'BAD_USER_INPUT', status: 400 });
            attacks.push({
              label: `${label} ← ${what} (literal)`,
              query: withLiterals(op, field, withValueAt(valid, path, s), field.args),
              expect: literalExpectation(what, named.name),
            });
          }
          if (arg.name === 'after') {
            for (const c of CURSOR_ATTACKS) send(`cursor ${c.slice(0, 24)}`, c, { code: 'BAD_USER_INPUT' });
          }
        }
      }
    }
  }
  return attacks;
}

describe('bad input at the edge, to every argument of every root field', () => {
  let app: TestApp;
  let org: TestOrg;
  let admin: string;
  let ids: Ids;
  let sql: pg.Client;
  let schema: GraphQLSchema;

  const snapshot = async () =>
    (
      await sql.query<{ users: string; roles: string; admin_log: string; last_entry: string }>(`SELECT
        (SELECT md5(string_agg(u::text, ',' ORDER BY id)) FROM users u) AS users,
        (SELECT md5(string_agg(r::text, ',' ORDER BY id)) FROM roles r) AS roles,
        (SELECT count(*) FROM admin_audit_log) AS admin_log,
        (SELECT coalesce(max(id), 0) FROM audit_log) AS last_entry`)
    ).rows[0]!;

  /** What the attempt wrote to audit_log: at most its own refusal, never an "allowed" entry. */
  const entriesSince = async (lastEntry: string) =>
    (await sql.query<{ action: string; outcome: string }>('SELECT action, outcome FROM audit_log WHERE id > $1', [lastEntry]))
      .rows;

  const send = async (attack: Attack): Promise<GqlResult<unknown>> => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: attack.query, variables: attack.variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: GqlResult<unknown>['errors'] };
    return { status: res.status, data: body.data ?? null, errors: body.errors };
  };

  beforeAll(async () => {
    app = await startTestApp();
    org = await createTestOrg(app);
    admin = (await adminWithMfa(app, org)).token;
    ids = { userId: (await createUserWithRole(app, admin, org.roles.Viewer.id)).id, roleId: org.roles.Viewer.id };
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
    schema = await buildBareSchema();
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  it('should attack every argument of every Query and Mutation field that takes one', () => {
    const attacked = new Set(attacksOn(schema, ids).map((a) => a.label.split('(')[0]));
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      for (const field of Object.values(root.getFields())) {
        if (field.args.length > 0) expect(attacked, `${root.name}.${field.name}`).toContain(`${root.name}.${field.name}`);
      }
    }
  });

  it('should answer BAD_USER_INPUT without a 5xx and write nothing but the refusal when an argument holds bad text or numbers', async () => {
    const failures: string[] = [];
    const attacks = attacksOn(schema, ids);
    for (const attack of attacks) {
      const before = await snapshot();
      const res = await send(attack);
      const after = await snapshot();
      const written = await entriesSince(before.last_entry);
      const code = codeOf(res);
      if (code !== attack.expect.code) failures.push(`${attack.label}: ${code} ${res.errors?.[0]?.message?.slice(0, 120)}`);
      if (res.status >= 500 || (attack.expect.status && res.status !== attack.expect.status))
        failures.push(`${attack.label}: HTTP ${res.status}`);
      if (res.data && Object.values(res.data).some((v) => v !== null)) failures.push(`${attack.label}: answered data`);
      const { last_entry: _a, ...rowsBefore } = before;
      const { last_entry: _b, ...rowsAfter } = after;
      if (JSON.stringify(rowsBefore) !== JSON.stringify(rowsAfter))
        failures.push(`${attack.label}: users, roles or admin log changed`);
      if (written.length > 1 || written.some((e) => e.outcome === 'allowed'))
        failures.push(`${attack.label}: wrote ${JSON.stringify(written)}`);
    }
    expect(failures).toEqual([]);
    expect(attacks.length).toBeGreaterThan(100);
    // Each attack is three round trips and a check; the walk grows with every module's fields.
  }, 240_000);

  it('should answer 400 GRAPHQL_PARSE_FAILED and write nothing but the refusal when a document is malformed or over the token limit', async () => {
    const overTokens = `{ ${Array.from({ length: 1200 }, (_, i) => `a${i}: me { aal }`).join(' ')} }`;
    for (const query of ['{ me {', 'mutation { login(input: { email: "a", password: "b" ) { token } }', overTokens]) {
      const before = await snapshot();
      const res = await send({ label: 'parse', query, expect: { code: 'GRAPHQL_PARSE_FAILED' } });
      expect(res.status, query.slice(0, 40)).toBe(400);
      expect(codeOf(res)).toBe('GRAPHQL_PARSE_FAILED');
      const { last_entry: _a, ...rowsBefore } = before;
      const { last_entry: _b, ...rowsAfter } = await snapshot();
      expect(rowsAfter).toEqual(rowsBefore);
      // A signed-in caller's refused document is still an audited attempt: one entry, denied.
      expect(await entriesSince(before.last_entry)).toEqual([{ action: 'graphql.rejected', outcome: 'denied' }]);
    }
  });

  it('should answer 400 BAD_USER_INPUT, keep the connection and write nothing when the query string of the CSV export holds bad text', async () => {
    const attacks = ['actor=%00', 'resource=a%00b', 'from=%00', 'actor=ok&resource=%00', `actor=${'x'.repeat(MAX_STRING + 1)}`];
    for (const query of attacks) {
      const before = await snapshot();
      const res = await fetch(`${app.url}/api/v1/audit?${query}`, { headers: { authorization: `Bearer ${admin}` } });
      expect(res.status, query.slice(0, 40)).toBe(400);
      const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect(await snapshot()).toEqual(before);
    }
  });
});
