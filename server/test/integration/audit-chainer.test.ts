import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopePreamble } from '@/lib/db/db-scope';
import { AuditBatcher } from '@/core/audit/audit-batcher';
import { verifyOrgChain } from '@/core/audit/audit-chain-reader';
import { AuditChainer } from '@/core/audit/audit-chainer';
import { appendInTransaction } from '@/core/audit/audit-append';
import { appClient, auditEntry, chainRows, openAuditTestEnv, userScope, type AuditTestEnv } from '../helpers/audit-test-kit';

describe('audit chainer', () => {
  let env: AuditTestEnv;

  beforeAll(async () => {
    env = await openAuditTestEnv();
  });
  afterAll(async () => {
    await env?.close();
  });

  it('should chain concurrent writers gaplessly per org and drop rolled-back entries when writers race the chainer', async () => {
    const orgs = [randomUUID(), randomUUID()];
    const chainer = new AuditChainer(env.orm, { intervalMs: 5, batchSize: 37 });
    const batcher = new AuditBatcher(env.orm, env.mac);
    chainer.start();
    const inTransaction = async (orgId: string, i: number, rollback: boolean) => {
      const em = env.orm.em.fork();
      await em
        .transactional(async (tx) => {
          await tx.execute(scopePreamble(userScope(orgId)));
          await appendInTransaction(
            tx,
            [
              auditEntry(orgId, { action: rollback ? 'rolled_back' : 'deal.updated', details: { i } }),
              auditEntry(orgId, { action: rollback ? 'rolled_back' : 'deal.updated', details: { i, second: true } }),
            ],
            env.mac,
          );
          if (rollback) throw new Error('writer failed');
        })
        .catch((err: Error) => {
          if (!rollback) throw err;
        });
    };
    const work: Promise<unknown>[] = [];
    const expected = new Map(orgs.map((o) => [o, 0]));
    for (let i = 0; i < 60; i++) {
      const orgId = orgs[i % 2]!;
      const rollback = i % 7 === 3;
      expected.set(orgId, expected.get(orgId)! + (rollback ? 1 : 3));
      work.push(inTransaction(orgId, i, rollback));
      work.push(batcher.append([auditEntry(orgId, { action: 'holdings.read', details: { i } })]));
    }
    await Promise.all(work);
    await chainer.stop();

    for (const orgId of orgs) {
      const rows = await chainRows(env.admin, orgId);
      // Two entries per committed writer transaction, one batched read entry per writer.
      expect(rows.length).toBe(expected.get(orgId));
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      expect(rows.some((r) => r.action === 'rolled_back')).toBe(false);
      const verified = await verifyOrgChain(env.orm, env.mac, orgId);
      expect(verified).toMatchObject({ valid: true, checked: rows.length, headSeq: rows.length });
    }
    const unlinked = await env.admin.query(
      'SELECT count(*)::int AS n FROM audit_log c WHERE NOT EXISTS (SELECT FROM audit_chain l WHERE (l.entry_xid, l.entry_id) = (c.xid, c.id))',
    );
    expect(unlinked.rows[0].n).toBe(0);
    expect(batcher.stats.flushes).toBeLessThan(60); // concurrent appends shared inserts
    expect(chainer.stats.entriesChained).toBe(expected.get(orgs[0]!)! + expected.get(orgs[1]!)!);
    expect(chainer.stats.worstDelayMs).toBeGreaterThanOrEqual(0);
  });

  it('should hold back later entries when an older writer transaction is still open', async () => {
    const orgId = randomUUID();
    const chainer = new AuditChainer(env.orm);
    const slow = await appClient(env.db);
    try {
      await slow.query(`BEGIN; ${scopePreamble(userScope(orgId))}`);
      await slow.query(
        `INSERT INTO audit_log (org_id, at, actor_type, action, outcome) VALUES ($1, now(), 'user', 'first', 'allowed')`,
        [orgId],
      );
      await new AuditBatcher(env.orm, env.mac).append([auditEntry(orgId, { action: 'second' })]);
      expect(await chainer.chainOnce()).toBe(0);
      await slow.query('COMMIT');
      await chainer.drain();
      expect((await chainRows(env.admin, orgId)).map((r) => [r.seq, r.action])).toEqual([
        [1, 'first'],
        [2, 'second'],
      ]);
    } finally {
      await slow.end();
    }
  });

  it('should reject only the bad caller when one entry in a group commit cannot be stored', async () => {
    const orgId = randomUUID();
    const batcher = new AuditBatcher(env.orm, env.mac);
    const good = batcher.append([auditEntry(orgId)]);
    const bad = batcher.append([auditEntry(orgId, { details: { ['k\u0000']: 1 } })]);
    const good2 = batcher.append([auditEntry(orgId)]);
    await expect(good).resolves.toBeUndefined();
    await expect(bad).rejects.toThrow();
    await expect(good2).resolves.toBeUndefined();
    await new AuditChainer(env.orm).drain();
    expect((await chainRows(env.admin, orgId)).length).toBe(2);
  });

  // An entry's strings travel writer → audit_log → COPY → chainer → audit_chain; audit_entries → COPY → verifier; those
  // that need escaping anywhere on the way must hash the same at both ends.
  it('should chain entries whose strings need escaping so that the verifier recomputes every hash', async () => {
    const orgId = randomUUID();
    const hostile = [
      'quote " and backslash \\ and slash /',
      'tab\tnew\nline\rreturn\bback\fform',
      'controls \u0001 \u001f \u007f',
      'separators \u2028 \u2029',
      'emoji 😀 and 𝄞 (outside the BMP)',
      'ümlaut ß 中文 ﬀ',
      '</script><!--',
      '',
    ];
    const entries = hostile.map((s, i) =>
      auditEntry(orgId, {
        action: `test.escape.${i}`,
        actorId: s,
        actorRole: s,
        systemSource: s,
        resourceType: s,
        resourceId: s,
        dealId: s,
        ipAddress: s,
        details: { [s]: s, nested: { b: [s, 1.5, -0, 1e-7, 1e21], a: true, é: null, Z: 2 }, é: 1, e: 2, '😀': 3, ﬀ: 4 },
      }),
    );
    await new AuditBatcher(env.orm, env.mac).append(entries);
    await new AuditChainer(env.orm).drain();
    const stored = await env.admin.query('SELECT actor_id FROM audit_entries WHERE org_id = $1 ORDER BY audit_entries.seq', [
      orgId,
    ]);
    expect(stored.rows.map((r: { actor_id: string }) => r.actor_id)).toEqual(hostile);
    expect(await verifyOrgChain(env.orm, env.mac, orgId)).toMatchObject({
      valid: true,
      checked: hostile.length,
      headSeq: hostile.length,
    });
  });

  it('should keep one chainer at a time when two chainers run against the same database', async () => {
    const orgId = randomUUID();
    const a = new AuditChainer(env.orm, { intervalMs: 1, batchSize: 7 });
    const b = new AuditChainer(env.orm, { intervalMs: 1, batchSize: 7 });
    a.start();
    b.start();
    const batcher = new AuditBatcher(env.orm, env.mac);
    await Promise.all(Array.from({ length: 100 }, (_, i) => batcher.append([auditEntry(orgId, { details: { i } })])));
    await Promise.all([a.stop(), b.stop()]);
    const rows = await chainRows(env.admin, orgId);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.length).toBe(100);
    expect(await verifyOrgChain(env.orm, env.mac, orgId)).toMatchObject({ valid: true, checked: 100 });
  });
});
