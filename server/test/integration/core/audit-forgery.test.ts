import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScopedTransaction } from '@/lib/db/request-db';
import { verifyAuditCommand } from '@/cli/verify-audit';
import { appendInTransaction } from '@/core/audit/audit-append';
import { verifyOrgChain } from '@/core/audit/audit-chain-reader';
import { verifyChainsHandler } from '@/core/audit/jobs/verify-chains.job';
import { auditEntry, userScope } from '../../helpers/audit-test-kit';
import { createTestOrg, login, startTestApp, type TestApp } from '../../helpers/test-app';

// Issue 8, item 11: "A database superuser can INSERT an entry into audit_log and the chainer links
// it as genuine." Each entry now carries its writer's MAC under a key outside the database. Here a
// superuser inserts entries the app's chainer then links, and every verifier (the full walk, the
// chain status from its verified point, the CLI) names exactly that entry.

type Verdict = { firstInvalidSeq: number | null; reason: string | null; message: string | null };

describe('forged entries are caught', () => {
  let app: TestApp;
  let sql: pg.Client;
  const deps = () => app.vigil.deps;
  const drain = () => deps().auditChainer!.drain(30_000);

  beforeAll(async () => {
    app = await startTestApp({ AUDIT_STATUS_CACHE_MS: '0' });
    sql = new pg.Client({ connectionString: app.db.adminUrl });
    await sql.connect();
  }, 60_000);
  afterAll(async () => {
    await sql?.end();
    await app?.stop();
  });

  /** Entries of the org written by the app's writers: batched, and in request transactions, all at once. */
  async function writeGenuine(orgId: string, n: number): Promise<void> {
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        i % 3 === 0
          ? inScopedTransaction(deps().requestOrm, userScope(orgId), (em) =>
              appendInTransaction(em, [auditEntry(orgId, { action: 'deal.updated', details: { i } })], deps().auditMac),
            )
          : deps().auditBatcher.append([auditEntry(orgId, { details: { i, batched: true } })]),
      ),
    );
    await drain();
  }

  /** An org with a chain of genuine entries, verified once so its chain status has a point. */
  async function orgWithVerifiedChain(): Promise<string> {
    const { orgId } = await createTestOrg(app);
    await writeGenuine(orgId, 30);
    expect(await deps().auditChainStatus.of(orgId)).toMatchObject({ valid: true });
    return orgId;
  }

  const headOf = async (orgId: string) =>
    Number((await sql.query('SELECT seq FROM audit_chain_heads WHERE org_id = $1', [orgId])).rows[0]?.seq ?? 0);

  /** The seq the chainer gave the audit_log row (xid, id). */
  async function linkedAt(row: { xid: string; id: string }): Promise<number> {
    await drain();
    const res = await sql.query<{ seq: string }>('SELECT seq FROM audit_chain WHERE entry_xid = $1::xid8 AND entry_id = $2', [
      row.xid,
      row.id,
    ]);
    expect(res.rows).toHaveLength(1);
    return Number(res.rows[0]!.seq);
  }

  /** A superuser's INSERT: content of its choosing and `mac` as given. Returns the seq it was linked at. */
  async function forge(orgId: string, mac: string | null): Promise<number> {
    const res = await sql.query<{ xid: string; id: string }>(
      `INSERT INTO audit_log (org_id, at, actor_type, actor_id, actor_role, action, resource_type, resource_id,
         ip_address, outcome, details, mac)
       VALUES ($1, now(), 'user', $2, 'Admin', 'user.role_changed', 'user', $3, '198.51.100.9', 'allowed',
         '{"role": "Admin"}', $4)
       RETURNING xid::text, id::text`,
      [orgId, randomUUID(), randomUUID(), mac],
    );
    return linkedAt(res.rows[0]!);
  }

  /** A superuser's copy of the org's entry at `seq`, every column as it is (a new xid and id). */
  async function copyOf(orgId: string, seq: number): Promise<number> {
    const columns = `org_id, at, actor_type, actor_id, actor_role, system_source, action, resource_type, resource_id,
      deal_id, ip_address, outcome, details, mac`;
    const res = await sql.query<{ xid: string; id: string }>(
      `INSERT INTO audit_log (${columns}) SELECT ${columns} FROM audit_log
       WHERE (xid, id) = (SELECT entry_xid, entry_id FROM audit_chain WHERE org_id = $1 AND seq = $2)
       RETURNING xid::text, id::text`,
      [orgId, seq],
    );
    return linkedAt(res.rows[0]!);
  }

  const macAt = async (orgId: string, seq: number) =>
    (await sql.query<{ mac: string }>('SELECT mac FROM audit_entries WHERE org_id = $1 AND seq = $2', [orgId, seq])).rows[0]!.mac;

  const randomMac = () => `t1:${randomBytes(12).toString('base64url')}:${randomBytes(16).toString('base64url')}`;

  /** What each verifier says of the org: the full walk, the chain status (from its point), the CLI. */
  async function verdicts(orgId: string) {
    const full = await verifyOrgChain(deps().orm, deps().auditMac, orgId);
    const status = await deps().auditChainStatus.of(orgId);
    const lines: string[] = [];
    const exit = await verifyAuditCommand(app.db.appUrl, deps().auditMac, orgId, (l) => lines.push(l));
    return { full, status, exit, line: lines[0]! };
  }

  async function expectCaught(orgId: string, seq: number, expected: Omit<Verdict, 'firstInvalidSeq'>, from: 'point' | 'whole') {
    const { full, status, exit, line } = await verdicts(orgId);
    const verdict = { valid: false, firstInvalidSeq: seq, ...expected };
    expect(full).toMatchObject({ ...verdict, checked: seq - 1 });
    expect(status).toMatchObject({ ...verdict, whole: from === 'whole' });
    expect(exit).toBe(1);
    expect(line).toBe(
      `INVALID org ${orgId}: first invalid entry ${seq} (${expected.reason}: ${expected.message}); ${seq - 1} entries hold before it`,
    );
  }

  it('should verify every genuine entry when requests, batched appends and transactions write 150 of them at once', async () => {
    const org = await createTestOrg(app);
    const token = await login(app, org.admin);
    const flushes = deps().auditBatcher.stats.largestFlush;
    await Promise.all([...Array.from({ length: 50 }, () => app.gql('{ me { aal } }', {}, token)), writeGenuine(org.orgId, 100)]);
    await drain();
    const head = await headOf(org.orgId);
    expect(head).toBeGreaterThanOrEqual(150);
    const { full, status, exit } = await verdicts(org.orgId);
    expect(full).toMatchObject({ valid: true, checked: head, headSeq: head });
    expect(status).toMatchObject({ valid: true, checked: head });
    expect(exit).toBe(0);
    const unsigned = await sql.query('SELECT count(*)::int AS n FROM audit_log WHERE org_id = $1 AND mac IS NULL', [org.orgId]);
    expect(unsigned.rows[0].n).toBe(0);
    // Concurrent appends were group-committed: the batched path is the one verified.
    expect(Math.max(flushes, deps().auditBatcher.stats.largestFlush)).toBeGreaterThan(1);
  });

  it.each([
    ['no MAC', () => null, 'it has no mac'],
    ['a made-up MAC', randomMac, 'mac does not verify'],
    ['a MAC of the wrong shape', () => 'sealed-by-the-app', 'its mac is malformed'],
    [
      'a MAC under a key id the ring does not hold',
      () => randomMac().replace(/^t1:/, 't9:'),
      "its mac's key is not in the key ring",
    ],
  ])('should name the entry a superuser inserted with %s', async (_label, macOf, why) => {
    const orgId = await orgWithVerifiedChain();
    const seq = await forge(orgId, macOf());
    await writeGenuine(orgId, 5);
    await expectCaught(orgId, seq, { reason: 'forged_entry', message: `entry ${seq} is forged: ${why}` }, 'point');
  });

  it("should name the entry a superuser inserted with another entry's MAC", async () => {
    const orgId = await orgWithVerifiedChain();
    const seq = await forge(orgId, await macAt(orgId, 7));
    await expectCaught(orgId, seq, { reason: 'forged_entry', message: `entry ${seq} is forged: mac does not verify` }, 'point');
  });

  it('should name the copy when a superuser inserts a genuine entry again, verbatim', async () => {
    const orgId = await orgWithVerifiedChain();
    // The original after the status's verified point: the walk from the point reads both.
    await writeGenuine(orgId, 6);
    const original = (await headOf(orgId)) - 2;
    const seq = await copyOf(orgId, original);
    await writeGenuine(orgId, 3);
    const message = `entry ${seq} is a copy of entry ${original}: its mac repeats`;
    await expectCaught(orgId, seq, { reason: 'replayed_entry', message }, 'point');
  });

  it('should name a copy of an entry before the verified point in every full walk, and in the status once the scheduled job reset its point', async () => {
    const orgId = await orgWithVerifiedChain();
    const seq = await copyOf(orgId, 4);
    const message = `entry ${seq} is a copy of entry 4: its mac repeats`;
    const { full, status, exit } = await verdicts(orgId);
    expect(full).toMatchObject({ valid: false, firstInvalidSeq: seq, reason: 'replayed_entry', message });
    expect(exit).toBe(1);
    // The trade-off of a walk from the point (core/audit/README.md, "Chain status"): it does not
    // read the entry the copy repeats.
    expect(status).toMatchObject({ valid: true, whole: false });

    await verifyChainsHandler(deps()).handle({}, { jobId: 'test', attempt: 1, logger: deps().logger });
    const after = await deps().auditChainStatus.of(orgId);
    expect(after).toMatchObject({ valid: false, firstInvalidSeq: seq, reason: 'replayed_entry', message, whole: true });
  });

  it('should refuse an entry written without a MAC after the migration, whatever a superuser writes in the MAC start table', async () => {
    const orgId = await orgWithVerifiedChain();
    const seq = await forge(orgId, null);
    const hashAt = async (s: number) =>
      (
        await sql.query<{ h: string }>(`SELECT encode(hash, 'hex') AS h FROM audit_chain WHERE org_id = $1 AND seq = $2`, [
          orgId,
          s,
        ])
      ).rows[0]!.h;
    const hash = await hashAt(seq);
    const mac = deps().auditMac;
    const starts: Array<[string, string | null]> = [
      ['an unsealed start that covers it', null],
      ['a made-up seal', randomMac()],
      ["another org's genuine seal", mac.startMac(randomUUID(), seq, hash)],
      ["this org's genuine seal of an earlier start, moved", mac.startMac(orgId, seq - 1, await hashAt(seq - 1))],
    ];
    for (const [label, seal] of starts) {
      await sql.query(
        `INSERT INTO audit_mac_start (org_id, seq, hash, mac) VALUES ($1, $2, $3, $4)
         ON CONFLICT (org_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, mac = excluded.mac`,
        [orgId, seq, hash, seal],
      );
      const verdict = await verdicts(orgId);
      expect({ label, ...verdict.full }).toMatchObject({
        label,
        firstInvalidSeq: seq,
        message: `entry ${seq} is forged: it has no mac`,
      });
      expect(verdict.status).toMatchObject({ firstInvalidSeq: seq, reason: 'forged_entry' });
      expect(verdict.exit).toBe(1);
    }
    // Only a seal made under the key ring moves the start, which is why only the process that
    // applied migration 0012 seals: the key, not the table, decides.
    await sql.query('UPDATE audit_mac_start SET mac = $2 WHERE org_id = $1', [orgId, mac.startMac(orgId, seq, hash)]);
    expect(await verifyOrgChain(deps().orm, mac, orgId)).toMatchObject({ valid: true });
  });

  it('should give no request any access to the MAC starts, and let the system seal a start only once', async () => {
    const orgId = await orgWithVerifiedChain();
    const client = new pg.Client({ connectionString: app.db.appUrl });
    await client.connect();
    try {
      await client.query('BEGIN; SET LOCAL ROLE vigil_user');
      await expect(client.query('SELECT * FROM audit_mac_start')).rejects.toMatchObject({ code: '42501' });
      await client.query('ROLLBACK');
      await sql.query(`INSERT INTO audit_mac_start (org_id, seq, hash, mac) VALUES ($1, 1, $2, 'sealed')`, [
        orgId,
        'a'.repeat(64),
      ]);
      await client.query('BEGIN; SET LOCAL ROLE vigil_system');
      const updated = await client.query(`UPDATE audit_mac_start SET hash = $2, mac = NULL WHERE org_id = $1`, [
        orgId,
        'b'.repeat(64),
      ]);
      expect(updated.rowCount).toBe(0);
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
  });
});
