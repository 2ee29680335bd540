import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditCommand } from '@/cli/verify-audit';
import { AuditBatcher } from '@/core/audit/audit-batcher';
import { verifyAllChains, verifyOrgChain } from '@/core/audit/audit-chain-reader';
import { AuditChainer } from '@/core/audit/audit-chainer';
import { auditEntry, openAuditTestEnv, type AuditTestEnv } from '../helpers/audit-test-kit';

// R1: altering, inserting or removing an entry is detected, and the verifier names the entry.

describe('audit chain verification against PostgreSQL', () => {
  let env: AuditTestEnv;
  let chainer: AuditChainer;

  /** A fresh org with a chain of `n` entries. */
  async function orgWithChain(n = 10): Promise<string> {
    const orgId = randomUUID();
    const batcher = new AuditBatcher(env.orm, env.mac);
    for (let i = 1; i <= n; i++) {
      await batcher.append([
        auditEntry(orgId, { action: `action.${i}`, details: { i, nested: { z: [1, { y: 'é' }], a: 0.5 } } }),
      ]);
    }
    await chainer.drain();
    return orgId;
  }

  /** What a superuser can do once the trigger is out of the way. */
  async function tamper(sql: string, params: unknown[]): Promise<void> {
    await env.admin.query('BEGIN');
    await env.admin.query('SET LOCAL session_replication_role = replica');
    await env.admin.query(sql, params);
    await env.admin.query('COMMIT');
  }

  beforeAll(async () => {
    env = await openAuditTestEnv();
    chainer = new AuditChainer(env.orm);
  });
  afterAll(async () => {
    await env?.close();
  });

  it('should find the chain valid when nothing was touched', async () => {
    const orgId = await orgWithChain(25);
    expect(await verifyOrgChain(env.orm, env.mac, orgId)).toMatchObject({
      valid: true,
      checked: 25,
      headSeq: 25,
      firstInvalidSeq: null,
    });
    expect(await verifyAuditCommand(env.db.appUrl, env.mac, orgId, () => undefined)).toBe(0);
  });

  // The content row that link `seq` of the org (parameter $1) points at.
  const contentOf = (seq: number) =>
    `(xid, id) = (SELECT entry_xid, entry_id FROM audit_chain WHERE org_id = $1 AND seq = ${seq})`;

  it('should report exactly seq N when a superuser edits entry N', async () => {
    const orgId = await orgWithChain();
    await tamper(`UPDATE audit_log SET actor_id = 'someone-else' WHERE ${contentOf(4)}`, [orgId]);
    expect(await verifyOrgChain(env.orm, env.mac, orgId)).toMatchObject({
      valid: false,
      firstInvalidSeq: 4,
      reason: 'hash_mismatch',
      checked: 3,
    });
  });

  it('should report exactly seq N when only a JSON detail or the time of entry N changes', async () => {
    const a = await orgWithChain();
    await tamper(`UPDATE audit_log SET details = jsonb_set(details, '{i}', '70') WHERE ${contentOf(7)}`, [a]);
    expect(await verifyOrgChain(env.orm, env.mac, a)).toMatchObject({ valid: false, firstInvalidSeq: 7 });
    const b = await orgWithChain();
    await tamper(`UPDATE audit_log SET at = at + interval '1 millisecond' WHERE ${contentOf(2)}`, [b]);
    expect(await verifyOrgChain(env.orm, env.mac, b)).toMatchObject({ valid: false, firstInvalidSeq: 2 });
  });

  it('should report exactly seq N when the link of entry N is edited', async () => {
    const orgId = await orgWithChain();
    await tamper(`UPDATE audit_chain SET hash = sha256('forged') WHERE org_id = $1 AND seq = 3`, [orgId]);
    expect(await verifyOrgChain(env.orm, env.mac, orgId)).toMatchObject({
      valid: false,
      firstInvalidSeq: 3,
      reason: 'hash_mismatch',
    });
  });

  it('should report the deleted seq when an entry or its link is removed', async () => {
    const content = await orgWithChain();
    await tamper(`DELETE FROM audit_log WHERE ${contentOf(6)}`, [content]);
    expect(await verifyOrgChain(env.orm, env.mac, content)).toMatchObject({
      valid: false,
      firstInvalidSeq: 6,
      reason: 'missing_entry',
    });
    const link = await orgWithChain();
    await tamper('DELETE FROM audit_chain WHERE org_id = $1 AND seq = 6', [link]);
    expect(await verifyOrgChain(env.orm, env.mac, link)).toMatchObject({
      valid: false,
      firstInvalidSeq: 6,
      reason: 'missing_entry',
    });
  });

  it('should report the seq in both chains when an entry is moved to another org', async () => {
    const from = await orgWithChain();
    const to = await orgWithChain(3);
    await tamper(`UPDATE audit_log SET org_id = $2 WHERE ${contentOf(5)}`, [from, to]);
    expect(await verifyOrgChain(env.orm, env.mac, from)).toMatchObject({
      valid: false,
      firstInvalidSeq: 5,
      reason: 'missing_entry',
    });
    // It sits before all of `to`'s entries in chain order: `from` was written first.
    expect(await verifyOrgChain(env.orm, env.mac, to)).toMatchObject({
      valid: false,
      firstInvalidSeq: 1,
      reason: 'unlinked_entry',
      checked: 3,
    });
  });

  it('should report the removed entries when the tail of the chain is deleted', async () => {
    const orgId = await orgWithChain();
    await tamper(
      `WITH gone AS (DELETE FROM audit_chain WHERE org_id = $1 AND seq >= 9 RETURNING entry_xid, entry_id)
       DELETE FROM audit_log WHERE (xid, id) IN (SELECT entry_xid, entry_id FROM gone)`,
      [orgId],
    );
    expect(await verifyOrgChain(env.orm, env.mac, orgId)).toMatchObject({
      valid: false,
      firstInvalidSeq: 9,
      reason: 'tail_missing',
      checked: 8,
    });
  });

  it('should report the position when an entry is inserted and the later ones renumbered', async () => {
    const orgId = await orgWithChain();
    await tamper('UPDATE audit_chain SET seq = seq + 1000 WHERE org_id = $1 AND seq >= 5', [orgId]);
    await tamper('UPDATE audit_chain SET seq = seq - 999 WHERE org_id = $1 AND seq >= 1005', [orgId]);
    await tamper(
      `WITH forged AS (
         INSERT INTO audit_log (xid, id, org_id, at, actor_type, action, outcome, details)
         SELECT xid, nextval('audit_log_id_seq'), org_id, at, actor_type, 'forged', outcome, details FROM audit_log WHERE ${contentOf(4)}
         RETURNING xid, id, org_id)
       INSERT INTO audit_chain (org_id, seq, entry_xid, entry_id, prev_hash, hash)
       SELECT f.org_id, 5, f.xid, f.id, l.hash, sha256('forged') FROM forged f JOIN audit_chain l ON l.org_id = f.org_id AND l.seq = 4`,
      [orgId],
    );
    expect(await verifyOrgChain(env.orm, env.mac, orgId)).toMatchObject({
      valid: false,
      firstInvalidSeq: 5,
      reason: 'hash_mismatch',
    });
  });

  it('should report the position of an entry inserted behind the chainer without a link', async () => {
    const orgId = await orgWithChain();
    // Entry 3's transaction id with a later id: between entries 3 and 4 in chain order, below the
    // cursor, so no chainer will ever link it. Writers cannot set xid or id; a superuser can.
    await tamper(
      `INSERT INTO audit_log (xid, id, org_id, at, actor_type, action, outcome, details)
       SELECT xid, nextval('audit_log_id_seq'), org_id, at, actor_type, 'slipped.in', outcome, details FROM audit_log WHERE ${contentOf(3)}`,
      [orgId],
    );
    await chainer.drain();
    expect(await verifyOrgChain(env.orm, env.mac, orgId)).toMatchObject({
      valid: false,
      firstInvalidSeq: 4,
      reason: 'unlinked_entry',
      checked: 10,
      headSeq: 10,
    });
  });

  it('should report the second link when the cursor is moved back and the chainer links entries again', async () => {
    const orgId = await orgWithChain();
    await tamper(`UPDATE audit_chain_cursor SET (entry_xid, entry_id) = (SELECT xid, id FROM audit_log WHERE ${contentOf(8)})`, [
      orgId,
    ]);
    expect(await verifyOrgChain(env.orm, env.mac, orgId)).toMatchObject({
      valid: false,
      firstInvalidSeq: 9,
      reason: 'cursor_behind',
    });
    await chainer.drain();
    // Entries 9 and 10 are linked again as 11 and 12: the chain itself holds, the links do not.
    // The walk stops at 11, whose MAC repeats entry 9's, and finds it is entry 9 linked again.
    expect(await verifyOrgChain(env.orm, env.mac, orgId)).toMatchObject({
      valid: false,
      firstInvalidSeq: 11,
      reason: 'duplicate_link',
      checked: 10,
      headSeq: 10,
    });
  });

  it('should report every broken org and exit 1 when the CLI walks all chains', async () => {
    const good = await orgWithChain(3);
    const all = await verifyAllChains(env.orm, env.mac);
    expect(all.find((r) => r.orgId === good)).toMatchObject({ valid: true });
    expect(all.filter((r) => !r.valid).length).toBe(12);
    const lines: string[] = [];
    expect(await verifyAuditCommand(env.db.adminUrl, env.mac, undefined, (l) => lines.push(l))).toBe(1);
    expect(lines.filter((l) => l.startsWith('INVALID')).length).toBe(12);
    expect(lines.at(-1)).toMatch(/chain\(s\) checked, 12 invalid/);
  });
});
