import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, runMigrations } from '@/lib/db/migrate';
import { createOrm } from '@/lib/db/orm';
import { verifyOrgChain } from '@/core/audit/audit-chain-reader';
import { AuditChainer } from '@/core/audit/audit-chainer';
import { computeEntryHash, GENESIS_HASH, signedRecordsJson, type ChainedAuditEntry } from '@/core/audit/audit-entry';
import { ENTRY_MAC_MIGRATION, sealMacStarts } from '@/core/audit/audit-mac-start';
import { auditInsertSql } from '@/core/audit/audit-sql';
import { auditEntry, chainRows, testAuditMac } from '../helpers/audit-test-kit';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// 0005 moves a deployed audit log (chained entries in the old audit_log, unchained ones in
// audit_inbox) to content-once storage: every chained entry keeps its seq and hash, the inbox
// entries are linked after them, and the chain verifies. Later migrations run too: 0012 records
// where each org's MAC-less entries end, and the test seals those starts as a server applying it
// would (which links the inbox entries first).

const ORGS = [randomUUID(), randomUUID()];
const mac = testAuditMac();

/** An old-layout chained entry, hashed as the old chainer hashed it. */
function oldEntry(orgId: string, seq: number, prevHash: string): ChainedAuditEntry {
  const entry: ChainedAuditEntry = {
    orgId,
    seq,
    at: new Date(Date.UTC(2026, 10, 1, 12, 0, seq)).toISOString(),
    actorType: 'user',
    actorId: `actor-${seq}`,
    actorRole: 'Admin',
    systemSource: null,
    action: `old.action.${seq}`,
    resourceType: 'user',
    resourceId: `r-${seq}`,
    dealId: null,
    ipAddress: '198.51.100.7',
    outcome: seq % 3 === 0 ? 'denied' : 'allowed',
    details: { seq, nested: { quote: 'it\'s "here"' } },
    prevHash,
    hash: '',
  };
  entry.hash = computeEntryHash(prevHash, entry);
  return entry;
}

describe('migration 0005: audit content written once', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let admin: pg.Client;
  let olderDir: string;
  const oldHashes = new Map<string, string[]>();

  beforeAll(async () => {
    olderDir = await mkdtemp(path.join(tmpdir(), 'vigil-migrations-'));
    for (const file of await readdir(MIGRATIONS_DIR)) {
      if (/^000[0-4]_.*\.sql$/.test(file)) await copyFile(path.join(MIGRATIONS_DIR, file), path.join(olderDir, file));
    }
    db = await createTestDatabase('vigil_migrate', olderDir);
    admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    // Forced RLS binds the owner too; a superuser writes the old layout as the old chainer left it.
    for (const orgId of ORGS) {
      let prev = GENESIS_HASH;
      const hashes: string[] = [];
      for (let seq = 1; seq <= 4; seq++) {
        const e = oldEntry(orgId, seq, prev);
        await admin.query(
          `INSERT INTO audit_log (org_id, seq, at, actor_type, actor_id, actor_role, system_source, action, resource_type,
             resource_id, deal_id, ip_address, outcome, details, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
          [
            e.orgId,
            e.seq,
            e.at,
            e.actorType,
            e.actorId,
            e.actorRole,
            e.systemSource,
            e.action,
            e.resourceType,
            e.resourceId,
            e.dealId,
            e.ipAddress,
            e.outcome,
            e.details,
            e.prevHash,
            e.hash,
          ],
        );
        hashes.push(e.hash);
        prev = e.hash;
      }
      oldHashes.set(orgId, hashes);
      await admin.query('INSERT INTO audit_chain_heads (org_id, seq, hash) VALUES ($1, 4, $2)', [orgId, prev]);
      await admin.query(
        `INSERT INTO audit_inbox (org_id, at, actor_type, action, outcome) VALUES ($1, now(), 'user', 'waiting.1', 'allowed'),
           ($1, now(), 'user', 'waiting.2', 'allowed')`,
        [orgId],
      );
    }
    const result = await runMigrations(db.adminUrl);
    expect(result.applied).toContain('0005_audit_content_once.sql');
    expect(result.applied).toContain(ENTRY_MAC_MIGRATION);
    orm = await createOrm({ url: db.appUrl, poolMax: 4 });
    expect(await sealMacStarts(orm, mac)).toEqual({ sealed: 2, pending: 0 });
  });

  afterAll(async () => {
    await orm?.close(true);
    await admin?.end();
    await db?.drop();
    if (olderDir) await rm(olderDir, { recursive: true, force: true });
  });

  it('should keep every chained entry at its seq with its hash, and verify', async () => {
    for (const orgId of ORGS) {
      const rows = (await chainRows(admin, orgId)).slice(0, 4);
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
      expect(rows.map((r) => r.hash)).toEqual(oldHashes.get(orgId));
      expect(await verifyOrgChain(orm, mac, orgId)).toMatchObject({ valid: true, checked: 6, headSeq: 6 });
    }
    const gone = await admin.query(`SELECT to_regclass('audit_inbox') AS inbox, to_regclass('audit_log_chained_v1') AS old`);
    expect(gone.rows[0]).toEqual({ inbox: null, old: null });
  });

  it('should link the entries that waited in the inbox after the chained ones, in their order', async () => {
    await new AuditChainer(orm).drain();
    for (const orgId of ORGS) {
      const rows = await chainRows(admin, orgId);
      expect(rows.map((r) => [r.seq, r.action])).toEqual([
        [1, 'old.action.1'],
        [2, 'old.action.2'],
        [3, 'old.action.3'],
        [4, 'old.action.4'],
        [5, 'waiting.1'],
        [6, 'waiting.2'],
      ]);
      expect(await verifyOrgChain(orm, mac, orgId)).toMatchObject({ valid: true, checked: 6, headSeq: 6 });
    }
  });

  it('should give new entries ids above the moved ones', async () => {
    const app = new pg.Client({ connectionString: db.appUrl });
    await app.connect();
    try {
      await app.query('BEGIN; SET LOCAL ROLE vigil_system');
      await app.query(auditInsertSql('$1'), [signedRecordsJson([auditEntry(ORGS[0]!, { action: 'after.migration' })], mac)]);
      await app.query('COMMIT');
    } finally {
      await app.end();
    }
    await new AuditChainer(orm).drain();
    const rows = await chainRows(admin, ORGS[0]!);
    expect(rows.at(-1)).toMatchObject({ seq: 7, action: 'after.migration' });
    expect(await verifyOrgChain(orm, mac, ORGS[0]!)).toMatchObject({ valid: true, checked: 7 });
  });
});
