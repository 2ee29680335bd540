import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, runMigrations } from '@/lib/db/migrate';
import { createOrm } from '@/lib/db/orm';
import { AuditBatcher } from '@/core/audit/audit-batcher';
import { verifyOrgChain } from '@/core/audit/audit-chain-reader';
import { AuditChainer } from '@/core/audit/audit-chainer';
import { ENTRY_MAC_MIGRATION, sealMacStarts } from '@/core/audit/audit-mac-start';
import { auditEntry, testAuditMac } from '../helpers/audit-test-kit';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// Migration 0012: entries written before it have no MAC. It records where each org's MAC-less
// entries end (linked or not yet), the process that applies it seals those starts under the key
// ring, and from then on a MAC-less entry verifies only at or before its org's sealed start.

const [LINKED, WAITING] = [randomUUID(), randomUUID()];

describe('migration 0012: entry MACs begin', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let admin: pg.Client;
  let olderDir: string;
  const mac = testAuditMac();

  /** An entry as the writers before 0012 wrote it: no MAC column yet. */
  const writeOld = (orgId: string, action: string) =>
    admin.query(
      `INSERT INTO audit_log (org_id, at, actor_type, actor_id, action, resource_type, outcome, details)
       VALUES ($1, now(), 'user', 'old-writer', $2, 'user', 'allowed', '{"before": 12}')`,
      [orgId, action],
    );

  const startOf = async (orgId: string) =>
    (await admin.query('SELECT seq::int, hash, mac FROM audit_mac_start WHERE org_id = $1', [orgId])).rows[0] as
      { seq: number; hash: string | null; mac: string | null } | undefined;

  beforeAll(async () => {
    olderDir = await mkdtemp(path.join(tmpdir(), 'vigil-migrations-'));
    for (const file of await readdir(MIGRATIONS_DIR)) {
      if (/^\d{4}_.*\.sql$/.test(file) && file < ENTRY_MAC_MIGRATION) {
        await copyFile(path.join(MIGRATIONS_DIR, file), path.join(olderDir, file));
      }
    }
    db = await createTestDatabase('vigil_macs', olderDir);
    admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    orm = await createOrm({ url: db.appUrl, poolMax: 4 });
    // LINKED: five entries linked, two waiting for the chainer. WAITING: two waiting, nothing linked.
    for (let i = 1; i <= 5; i++) await writeOld(LINKED, `old.${i}`);
    await new AuditChainer(orm).drain();
    for (const orgId of [LINKED, WAITING]) for (const i of [6, 7]) await writeOld(orgId, `old.${i}`);
    expect((await runMigrations(db.adminUrl)).applied).toContain(ENTRY_MAC_MIGRATION);
  });

  afterAll(async () => {
    await orm?.close(true);
    await admin?.end();
    await db?.drop();
    if (olderDir) await rm(olderDir, { recursive: true, force: true });
  });

  it("should record each org's last MAC-less seq, linked or not, and accept no MAC-less entry until sealed", async () => {
    expect(await startOf(LINKED)).toEqual({ seq: 7, hash: null, mac: null });
    expect(await startOf(WAITING)).toEqual({ seq: 2, hash: null, mac: null });
    expect(await verifyOrgChain(orm, mac, LINKED)).toMatchObject({
      valid: false,
      firstInvalidSeq: 1,
      reason: 'forged_entry',
      message: 'entry 1 is forged: it has no mac',
    });
  });

  it('should verify the old entries once the starts are sealed, and every signed entry after them', async () => {
    expect(await sealMacStarts(orm, mac)).toEqual({ sealed: 2, pending: 0 });
    const sealed = await startOf(LINKED);
    expect(sealed?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(mac.startHolds(sealed!.mac, LINKED, 7, sealed!.hash!)).toBe(true);
    await new AuditBatcher(orm, mac).append([auditEntry(LINKED), auditEntry(WAITING), auditEntry(WAITING)]);
    await new AuditChainer(orm).drain();
    expect(await verifyOrgChain(orm, mac, LINKED)).toMatchObject({ valid: true, checked: 8 });
    expect(await verifyOrgChain(orm, mac, WAITING)).toMatchObject({ valid: true, checked: 4 });
  });

  it('should name an entry written without a MAC after the migration, and no longer honour a start a superuser moved', async () => {
    await writeOld(LINKED, 'after.migration');
    await new AuditChainer(orm).drain();
    expect(await verifyOrgChain(orm, mac, LINKED)).toMatchObject({
      valid: false,
      firstInvalidSeq: 9,
      reason: 'forged_entry',
      message: 'entry 9 is forged: it has no mac',
    });
    await admin.query(
      `UPDATE audit_mac_start SET seq = 9, hash = (SELECT encode(hash, 'hex') FROM audit_chain WHERE org_id = $1 AND seq = 9)
       WHERE org_id = $1`,
      [LINKED],
    );
    // The seal no longer matches: no MAC-less entry of the org is accepted, the first is named.
    expect(await verifyOrgChain(orm, mac, LINKED)).toMatchObject({ valid: false, firstInvalidSeq: 1, reason: 'forged_entry' });
    // A sealed start is never sealed again, whatever it now says.
    expect(await sealMacStarts(orm, mac)).toEqual({ sealed: 0, pending: 0 });
  });
});
