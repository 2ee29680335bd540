import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '@/app/modules';
import { ModuleRegistry } from '@/app/module-registry';
import { reencryptSecrets } from '@/cli/reencrypt-secrets';
import { parseKeyRing } from '@/lib/crypto/key-ring';
import { SecretBox } from '@/lib/crypto/secret-box';
import { createOrm } from '@/lib/db/orm';
import { probeModule } from '../fixtures/probe.module';
import { entitySchemaDiff, missingSealedColumns } from '../helpers/module-checks';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// The migrations are the schema; the entities and sealed columns every module declares must
// describe the same tables and columns. Each check walks the module list, and a probe module
// added to the list is seen by each.
describe('entities, sealed columns and migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('should find no column the entities and the migrated database disagree on', async () => {
    expect(await entitySchemaDiff(db.adminUrl, new ModuleRegistry(MODULES).entities)).toEqual([]);
  });

  it('should find every declared sealed column in the migrated database', async () => {
    expect(await missingSealedColumns(db.adminUrl, new ModuleRegistry(MODULES).sealedColumns)).toEqual([]);
  });

  it('should re-encrypt every declared sealed column', async () => {
    const registry = new ModuleRegistry(MODULES);
    const ring = parseKeyRing(`k1:${Buffer.alloc(32, 1).toString('base64')}`);
    const orm = await createOrm({ url: db.appUrl, poolMax: 1 });
    try {
      const result = await reencryptSecrets(orm, new SecretBox(ring), ring.currentKeyId);
      const declared = registry.sealedColumns.flatMap((s) => s.columns.map((c) => `${s.table}.${c}`));
      expect(result.map((r) => `${r.table}.${r.column}`)).toEqual(declared);
    } finally {
      await orm.close(true);
    }
  });

  it('should see the entity and the sealed column of a module added only to the list', async () => {
    const registry = new ModuleRegistry([...MODULES, probeModule]);
    expect((await entitySchemaDiff(db.adminUrl, registry.entities)).join('\n')).toMatch(/create table "probe_items"/);
    expect(await missingSealedColumns(db.adminUrl, registry.sealedColumns)).toEqual(['probe_items.secret_enc']);
  });
});
