import { randomBytes, randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { parseKeyRing } from '@/lib/crypto/key-ring';
import { scopePreamble, type DbScope } from '@/lib/db/db-scope';
import { createOrm } from '@/lib/db/orm';
import { createTestDatabase, type TestDatabase } from './test-database';
import { AuditEntryMac } from '@/core/audit/audit-entry-mac';
import { signedRecordsJson, type AuditEntryInput } from '@/core/audit/audit-entry';
import { auditInsertSql } from '@/core/audit/audit-sql';

// Shared by the audit integration suites (server/test/integration/audit-*.test.ts).

export type AuditTestEnv = {
  db: TestDatabase;
  orm: MikroORM;
  admin: pg.Client;
  /** The entry MAC keys of a key ring of the test's own, as the server derives them. */
  mac: AuditEntryMac;
  close(): Promise<void>;
};

/** An entry MAC under a fresh key ring (`ids`: its keys, the last one current). */
export const testAuditMac = (ids = ['t1']) => new AuditEntryMac(testKeyRing(ids));

export const testKeyRing = (ids = ['t1']) =>
  parseKeyRing(ids.map((id) => `${id}:${randomBytes(32).toString('base64')}`).join(','));

export async function openAuditTestEnv(): Promise<AuditTestEnv> {
  const db = await createTestDatabase('vigil_audit');
  const orm = await createOrm({ url: db.appUrl, poolMax: 12 });
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  return {
    db,
    orm,
    admin,
    mac: testAuditMac(),
    async close() {
      await admin.end();
      await orm.close(true);
      await db.drop();
    },
  };
}

export const userScope = (orgId: string, permissions: string[] = ['audit:read']): DbScope => ({
  role: 'vigil_user',
  actorType: 'user',
  orgId,
  actorId: randomUUID(),
  roleId: null,
  permissions,
});

export function auditEntry(orgId: string, overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    orgId,
    at: new Date(),
    actorType: 'user',
    actorId: randomUUID(),
    actorRole: 'Compliance',
    systemSource: null,
    action: 'holdings.read',
    resourceType: 'employee',
    resourceId: randomUUID(),
    dealId: null,
    ipAddress: '198.51.100.4',
    outcome: 'allowed',
    details: { page: 1, fields: ['balance', 'venue'], ratio: 0.1, big: 1e21, empty: null },
    ...overrides,
  };
}

/** A vigil_app connection (what the server uses), for statements under an explicit scope. */
export async function appClient(db: TestDatabase): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: db.appUrl });
  await c.connect();
  return c;
}

/** Runs `sql` in its own transaction opened with `scope`; rolls back; returns the error if any. */
export async function errorOf(client: pg.Client, scope: DbScope | 'vigil_owner', sql: string) {
  const preamble = scope === 'vigil_owner' ? 'SET LOCAL ROLE vigil_owner;' : scopePreamble(scope);
  await client.query(`BEGIN; ${preamble}`);
  try {
    await client.query(sql);
    return null;
  } catch (err) {
    return err as pg.DatabaseError;
  } finally {
    await client.query('ROLLBACK');
  }
}

export async function chainRows(admin: pg.Client, orgId: string) {
  const res = await admin.query<{ seq: string; action: string; hash: string; prev_hash: string }>(
    'SELECT seq::text, action, hash, prev_hash FROM audit_entries WHERE org_id = $1 ORDER BY audit_entries.seq',
    [orgId],
  );
  return res.rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/**
 * `n` signed entries of the org in bulk, as a writer would have signed them, inserted by `client`
 * (a superuser's, for seeding large chains fast: 20,000 a statement).
 */
export async function insertSignedEntries(client: pg.Client, mac: AuditEntryMac, orgId: string, n: number): Promise<void> {
  for (let done = 0; done < n; done += 20_000) {
    const at = new Date();
    const entries = Array.from({ length: Math.min(20_000, n - done) }, (_, i) => {
      const g = done + i + 1;
      return auditEntry(orgId, {
        at,
        dealId: g % 10 === 0 ? `deal-${g}` : null,
        details: { page: g % 7, fields: ['balance', 'venue'] },
      });
    });
    await client.query(auditInsertSql('$1'), [signedRecordsJson(entries, mac)]);
  }
}
