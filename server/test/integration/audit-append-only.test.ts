import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditChainer } from '@/core/audit/audit-chainer';
import { AuditBatcher } from '@/core/audit/audit-batcher';
import { appClient, auditEntry, errorOf, openAuditTestEnv, userScope, type AuditTestEnv } from '../helpers/audit-test-kit';

// R2: no application path changes the audit log (entries in audit_log, their links in
// audit_chain), and a trigger refuses UPDATE, DELETE and TRUNCATE with SQLSTATE 23001 even for
// the owner.

const ORG = randomUUID();
const system = { role: 'vigil_system', source: 'test' } as const;
const CHANGES = [
  ['UPDATE', `UPDATE audit_log SET action = 'erased'`],
  ['zero-row UPDATE', `UPDATE audit_log SET action = 'erased' WHERE false`],
  ['DELETE', 'DELETE FROM audit_log'],
  ['TRUNCATE', 'TRUNCATE audit_log'],
] as const;

describe('audit_log is append-only', () => {
  let env: AuditTestEnv;
  let app: pg.Client;
  let snapshot: string;

  const fingerprint = async () =>
    (
      await env.admin.query<{
        f: string;
      }>(`SELECT count(*) || ':' || coalesce(string_agg(hash || action, ',' ORDER BY org_id, audit_entries.seq), '')
        || ':' || (SELECT count(*) FROM audit_log) AS f FROM audit_entries`)
    ).rows[0]!.f;

  beforeAll(async () => {
    env = await openAuditTestEnv();
    app = await appClient(env.db);
    const batcher = new AuditBatcher(env.orm, env.mac);
    await batcher.append([auditEntry(ORG), auditEntry(ORG), auditEntry(ORG)]);
    await new AuditChainer(env.orm).drain();
    snapshot = await fingerprint();
    expect(snapshot.startsWith('3:')).toBe(true);
  });

  afterAll(async () => {
    await app?.end();
    await env?.close();
  });

  for (const [name, sql] of CHANGES) {
    it(`should refuse ${name} with insufficient_privilege when vigil_app acts as vigil_user`, async () => {
      const err = await errorOf(app, userScope(ORG, ['audit:read', 'audit:write']), sql);
      expect(err?.code).toBe('42501');
      expect(await fingerprint()).toBe(snapshot);
    });

    it(`should refuse ${name} with insufficient_privilege when vigil_app acts as vigil_system`, async () => {
      const err = await errorOf(app, system, sql);
      expect(err?.code).toBe('42501');
      expect(await fingerprint()).toBe(snapshot);
    });

    it(`should refuse ${name} with 23001 naming audit_log when the owner tries it`, async () => {
      const err = await errorOf(env.admin, 'vigil_owner', sql);
      expect(err?.code).toBe('23001');
      expect(err?.message).toMatch(/audit_log is append-only/);
      expect(await fingerprint()).toBe(snapshot);
    });
  }

  it('should refuse UPDATE, DELETE and TRUNCATE of admin_audit_log when the owner tries them', async () => {
    for (const sql of [
      `UPDATE admin_audit_log SET action = 'x' WHERE false`,
      'DELETE FROM admin_audit_log',
      'TRUNCATE admin_audit_log',
    ]) {
      const err = await errorOf(env.admin, 'vigil_owner', sql);
      expect(err?.code).toBe('23001');
      expect(err?.message).toMatch(/admin_audit_log is append-only/);
    }
  });

  it('should refuse UPDATE, DELETE and TRUNCATE of audit_chain (the links) for the app roles and the owner', async () => {
    for (const sql of [`UPDATE audit_chain SET hash = 'x' WHERE false`, 'DELETE FROM audit_chain', 'TRUNCATE audit_chain']) {
      for (const scope of [userScope(ORG, ['audit:read', 'audit:write']), system]) {
        expect((await errorOf(app, scope, sql))?.code).toBe('42501');
      }
      const err = await errorOf(env.admin, 'vigil_owner', sql);
      expect(err?.code).toBe('23001');
      expect(err?.message).toMatch(/audit_chain is append-only/);
    }
    expect(await fingerprint()).toBe(snapshot);
  });

  it('should refuse a link written by a request (vigil_user): only the chainer links', async () => {
    const err = await errorOf(
      app,
      userScope(ORG, ['audit:read', 'audit:write']),
      `INSERT INTO audit_chain (org_id, seq, entry_xid, entry_id, prev_hash, hash)
       VALUES ('${ORG}', 99, '1', 1, 'x', 'y')`,
    );
    expect(err?.code).toBe('42501');
    expect(await fingerprint()).toBe(snapshot);
  });

  it("should refuse a request (vigil_user) any access to the chainer's cursor", async () => {
    for (const sql of [
      'SELECT * FROM audit_chain_cursor',
      `UPDATE audit_chain_cursor SET entry_id = entry_id + 1000`,
      `INSERT INTO audit_chain_cursor (entry_xid, entry_id) VALUES ('1', 1)`,
    ]) {
      expect((await errorOf(app, userScope(ORG, ['audit:read', 'audit:write']), sql))?.code).toBe('42501');
    }
    const cursor = await env.admin.query('SELECT entry_xid::text, entry_id::text FROM audit_chain_cursor');
    expect(cursor.rows).toHaveLength(1);
    expect(await fingerprint()).toBe(snapshot);
  });

  it('should refuse to let a writer choose its xid or id when appending an entry', async () => {
    for (const [column, value] of [
      ['xid', `'1'`],
      ['id', '1'],
    ]) {
      const err = await errorOf(
        app,
        userScope(ORG),
        `INSERT INTO audit_log (org_id, at, actor_type, action, outcome, ${column}) VALUES ('${ORG}', now(), 'user', 'a', 'allowed', ${value})`,
      );
      expect(err?.code).toBe('42501');
    }
    expect(await fingerprint()).toBe(snapshot);
  });

  it('should refuse an entry for another org when the writer is a request of this org', async () => {
    const err = await errorOf(
      app,
      userScope(ORG),
      `INSERT INTO audit_log (org_id, at, actor_type, action, outcome) VALUES ('${randomUUID()}', now(), 'user', 'a', 'allowed')`,
    );
    expect(err?.code).toBe('42501');
    expect(await fingerprint()).toBe(snapshot);
  });
});
