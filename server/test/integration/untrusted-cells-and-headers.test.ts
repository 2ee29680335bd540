import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS } from '@/core/audit/audit-export';
import { verifyChain } from '@/core/audit/audit-verify';
import type { ChainedAuditEntry } from '@/core/audit/audit-entry';
import { createTestOrg, loginInput, startTestApp, type TestApp, type TestOrg } from '../helpers/test-app';
import { parseCsv } from '../helpers/parse-csv';

// Issue 8, item 8: values an attacker chooses — an id argument recorded in an audit entry, an
// X-Forwarded-For header, a Host header — can never be turned against whoever reads them: the
// CSV export neutralises formula cells (and the file still verifies), a forwarded value that is
// no IP is never recorded, and the HTTPS redirect goes to PUBLIC_ORIGIN only.

const ORIGIN = 'https://vigil.example.test';
const FORMULAS = [
  '=HYPERLINK("http://evil","x")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '+1+1',
  '\t=1+1',
  '\r=1+1',
  "'=1+1",
];
const FORMULA_LEAD = /^[=+\-@\t\r]/;
const CLIENT_TEXT_COLUMNS = [
  'actor_id',
  'actor_role',
  'system_source',
  'action',
  'resource_type',
  'resource_id',
  'deal_id',
  'ip_address',
] as const;

/** The stored value of a client-text cell, as core/audit/README.md tells a reader to recover it. */
const storedValueOf = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell);

describe('values an attacker chooses, in the CSV export and in headers', () => {
  let app: TestApp;
  let org: TestOrg;
  let token: string;
  let sql: pg.Client;

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
  };
  const loginFrom = async (forwardedFor: string) =>
    post(
      {
        query: 'mutation($i: LoginInput!) { login(input: $i) { token } }',
        variables: { i: loginInput(org.admin) },
      },
      { 'x-forwarded-for': forwardedFor },
    );
  const lastIp = async (action: string) =>
    (
      await sql.query<{ ip_address: string | null }>(
        'SELECT ip_address FROM audit_log WHERE org_id = $1 AND action = $2 ORDER BY id DESC LIMIT 1',
        [org.orgId, action],
      )
    ).rows[0]?.ip_address;
  const exportCsv = async (headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}/api/v1/audit`, {
      headers: { authorization: `Bearer ${token}`, 'x-forwarded-proto': 'https', ...headers },
    });
    expect(res.status).toBe(200);
    return parseCsv(await res.text());
  };

  /** Sends a request with headers fetch would not let us forge (Host, an absolute-form target). */
  const rawGet = (path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
      const { hostname, port } = new URL(app.url);
      http
        .get({ hostname, port, path, headers }, (res) => {
          res.resume();
          resolve({ status: res.statusCode!, location: res.headers.location });
        })
        .on('error', reject);
    });

  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'production', PUBLIC_ORIGIN: ORIGIN, TRUST_PROXY: 'loopback' });
    org = await createTestOrg(app);
    token = (((await loginFrom('203.0.113.1')).body.data!.login as { token: string }) ?? { token: '' }).token;
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  it('should export formula-leading cells with a quote in front, store them as sent, and still verify when an id argument holds a formula', async () => {
    for (const id of FORMULAS) {
      const res = await post(
        { query: 'query($id: ID!) { user(id: $id) { id } }', variables: { id } },
        { authorization: `Bearer ${token}` },
      );
      expect(res.body.errors, id).toBeDefined();
    }
    // What is stored is what was sent: only the export changes.
    const stored = await sql.query<{ resource_id: string }>(
      'SELECT resource_id FROM audit_log WHERE org_id = $1 AND action = $2 ORDER BY id',
      [org.orgId, 'query.user'],
    );
    expect(stored.rows.map((r) => r.resource_id)).toEqual(FORMULAS);
    // The chainer links entries within a few intervals; the export shows linked entries only.
    const deadline = Date.now() + 10_000;
    while (
      (
        await sql.query(
          'SELECT 1 FROM audit_log c WHERE org_id = $1 AND NOT EXISTS (SELECT 1 FROM audit_chain l WHERE l.entry_xid = c.xid AND l.entry_id = c.id)',
          [org.orgId],
        )
      ).rowCount! > 0
    ) {
      if (Date.now() > deadline) throw new Error('entries were not chained');
      await new Promise((r) => setTimeout(r, 50));
    }

    const [header, ...rows] = await exportCsv();
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    const col = (name: (typeof AUDIT_CSV_COLUMNS)[number]) => AUDIT_CSV_COLUMNS.indexOf(name);
    const exported = rows.filter((r) => r[col('action')] === 'query.user').map((r) => r[col('resource_id')]);
    expect(exported).toEqual(FORMULAS.map((f) => `'${f}`));
    // No cell of the file can start a formula, whatever its column.
    const leading = rows.flatMap((r) => r.filter((cell) => FORMULA_LEAD.test(cell)));
    expect(leading).toEqual([]);

    // The README's rule gives back every stored value, so the export alone still recomputes the chain.
    const entries: ChainedAuditEntry[] = rows.map((r) => {
      const f = (c: (typeof AUDIT_CSV_COLUMNS)[number]) => {
        const v = r[col(c)]!;
        if (v === '') return null;
        return (CLIENT_TEXT_COLUMNS as readonly string[]).includes(c) ? storedValueOf(v) : v;
      };
      return {
        orgId: org.orgId,
        seq: Number(f('seq')),
        at: f('at')!,
        actorType: f('actor_type') as ChainedAuditEntry['actorType'],
        actorId: f('actor_id'),
        actorRole: f('actor_role'),
        systemSource: f('system_source'),
        action: f('action')!,
        resourceType: f('resource_type'),
        resourceId: f('resource_id'),
        dealId: f('deal_id'),
        ipAddress: f('ip_address'),
        outcome: f('outcome') as ChainedAuditEntry['outcome'],
        details: JSON.parse(f('details')!) as Record<string, unknown>,
        prevHash: f('prev_hash')!,
        hash: f('hash')!,
      };
    });
    expect(await verifyChain(entries)).toMatchObject({ valid: true, checked: rows.length });
  });

  it('should record the peer address, never the forged value, when X-Forwarded-For holds no IP', async () => {
    for (const forged of ['<script>alert(1)</script>', "=cmd|' /C calc'!A0", '1.2.3.4.5', 'unknown', '203.0.113.9 extra']) {
      expect((await loginFrom(forged)).status, forged).toBe(200);
      expect(await lastIp('mutation.login'), forged).toBe('127.0.0.1');
    }
    const exported = await fetch(`${app.url}/api/v1/audit`, {
      headers: { authorization: `Bearer ${token}`, 'x-forwarded-proto': 'https', 'x-forwarded-for': '<script>' },
    });
    await exported.text();
    expect(await lastIp('audit.export_csv')).toBe('127.0.0.1');
    const forgedRows = await sql.query(
      "SELECT 1 FROM audit_log WHERE ip_address LIKE '%<%' OR ip_address LIKE '=%' OR ip_address = 'unknown'",
    );
    expect(forgedRows.rowCount).toBe(0);
  });

  it('should record the forwarded address when X-Forwarded-For holds one from a trusted proxy', async () => {
    expect((await loginFrom('203.0.113.7')).status).toBe(200);
    expect(await lastIp('mutation.login')).toBe('203.0.113.7');
    // A proxy appends the address it saw: the rightmost untrusted entry is the client, whatever was forged before it.
    expect((await loginFrom('<script>, 2001:db8::1')).status).toBe(200);
    expect(await lastIp('mutation.login')).toBe('2001:db8::1');
  });

  it('should redirect plain-HTTP page loads to PUBLIC_ORIGIN, keeping path and query, whatever the Host header says', async () => {
    const plain = { 'x-forwarded-proto': 'http' };
    const cases: [string, Record<string, string>, string][] = [
      ['/audit?tab=export&q=%2Fx', { ...plain, host: 'evil.example' }, `${ORIGIN}/audit?tab=export&q=%2Fx`],
      ['/audit', { ...plain, host: 'evil.example', 'x-forwarded-host': 'evil.example' }, `${ORIGIN}/audit`],
      ['/', { ...plain, host: 'vigil.example.test:80@evil.example' }, `${ORIGIN}/`],
      ['//evil.example/login', { ...plain, host: 'evil.example' }, `${ORIGIN}/login`],
      ['http://evil.example/users?page=2', plain, `${ORIGIN}/users?page=2`],
    ];
    for (const [path, headers, location] of cases) {
      const res = await rawGet(path, headers);
      expect(res.status, path).toBe(308);
      expect(res.location, path).toBe(location);
      expect(new URL(res.location!).host).toBe('vigil.example.test');
    }
  });
});
