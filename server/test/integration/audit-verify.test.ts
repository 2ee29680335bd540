import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditCommand } from '@/cli/verify-audit';
import { AuditBatcher } from '@/modules/audit/audit-batcher';
import { verifyAllChains, verifyOrgChain } from '@/modules/audit/audit-chain-reader';
import { AuditChainer } from '@/modules/audit/audit-chainer';
import { auditEntry, openAuditTestEnv, type AuditTestEnv } from '@/modules/audit/__tests__/audit-test-kit';

// R1: altering, inserting or removing an entry is detected, and the verifier names the entry.

describe('audit chain verification against PostgreSQL', () => {
  let env: AuditTestEnv;
  let chainer: AuditChainer;

  /** A fresh org with a chain of `n` entries. */
  async function orgWithChain(n = 10): Promise<string> {
    const orgId = randomUUID();
    const batcher = new AuditBatcher(env.orm);
    for (let i = 1; i <= n; i++) {
      await batcher.append([auditEntry(orgId, { action: `action.${i}`, details: { i, nested: { z: [1, { y: 'é' }], a: 0.5 } } })]);
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
    expect(await verifyOrgChain(env.orm, orgId)).toMatchObject({ valid: true, checked: 25, headSeq: 25, firstInvalidSeq: null });
    expect(await verifyAuditCommand(env.db.appUrl, orgId, () => undefined)).toBe(0);
  });

  it('should report exactly seq N when a superuser edits entry N', async () => {
    const orgId = await orgWithChain();
    await tamper(`UPDATE audit_log SET actor_id = 'someone-else' WHERE org_id = $1 AND seq = 4`, [orgId]);
    expect(await verifyOrgChain(env.orm, orgId)).toMatchObject({ valid: false, firstInvalidSeq: 4, reason: 'hash_mismatch', checked: 3 });
  });

  it('should report exactly seq N when only a JSON detail or the time of entry N changes', async () => {
    const a = await orgWithChain();
    await tamper(`UPDATE audit_log SET details = jsonb_set(details, '{i}', '70') WHERE org_id = $1 AND seq = 7`, [a]);
    expect(await verifyOrgChain(env.orm, a)).toMatchObject({ valid: false, firstInvalidSeq: 7 });
    const b = await orgWithChain();
    await tamper(`UPDATE audit_log SET at = at + interval '1 millisecond' WHERE org_id = $1 AND seq = 2`, [b]);
    expect(await verifyOrgChain(env.orm, b)).toMatchObject({ valid: false, firstInvalidSeq: 2 });
  });

  it('should report the deleted seq when an entry is removed', async () => {
    const orgId = await orgWithChain();
    await tamper('DELETE FROM audit_log WHERE org_id = $1 AND seq = 6', [orgId]);
    expect(await verifyOrgChain(env.orm, orgId)).toMatchObject({ valid: false, firstInvalidSeq: 6, reason: 'missing_entry' });
  });

  it('should report the removed entries when the tail of the chain is deleted', async () => {
    const orgId = await orgWithChain();
    await tamper('DELETE FROM audit_log WHERE org_id = $1 AND seq >= 9', [orgId]);
    expect(await verifyOrgChain(env.orm, orgId)).toMatchObject({ valid: false, firstInvalidSeq: 9, reason: 'tail_missing', checked: 8 });
  });

  it('should report the position when an entry is inserted and the later ones renumbered', async () => {
    const orgId = await orgWithChain();
    await tamper('UPDATE audit_log SET seq = seq + 1000 WHERE org_id = $1 AND seq >= 5', [orgId]);
    await tamper('UPDATE audit_log SET seq = seq - 999 WHERE org_id = $1 AND seq >= 1005', [orgId]);
    await tamper(
      `INSERT INTO audit_log (org_id, seq, at, actor_type, action, outcome, details, prev_hash, hash)
       SELECT org_id, 5, at, actor_type, 'forged', outcome, details, hash, repeat('a', 64) FROM audit_log WHERE org_id = $1 AND seq = 4`,
      [orgId],
    );
    expect(await verifyOrgChain(env.orm, orgId)).toMatchObject({ valid: false, firstInvalidSeq: 5, reason: 'hash_mismatch' });
  });

  it('should report every broken org and exit 1 when the CLI walks all chains', async () => {
    const good = await orgWithChain(3);
    const all = await verifyAllChains(env.orm);
    expect(all.find((r) => r.orgId === good)).toMatchObject({ valid: true });
    expect(all.filter((r) => !r.valid).length).toBe(6);
    const lines: string[] = [];
    expect(await verifyAuditCommand(env.db.adminUrl, undefined, (l) => lines.push(l))).toBe(1);
    expect(lines.filter((l) => l.startsWith('INVALID')).length).toBe(6);
    expect(lines.at(-1)).toMatch(/chain\(s\) checked, 6 invalid/);
  });
});
