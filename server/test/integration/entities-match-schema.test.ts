import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities } from '@/lib/db/entities';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// The migrations are the schema; the entities must describe the same tables and columns. The ORM
// compares its entity metadata with the migrated database: constraints and indexes live in the
// SQL migrations only (the ORM would drop them), so only table and column changes count; tables
// with no entity (the audit log, written in SQL) are not the ORM's.
describe('entities and migrations', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init({ clientUrl: db.adminUrl, entities, discovery: { warnWhenNoEntities: false }, allowGlobalContext: true });
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('should find no column the entities and the migrated database disagree on', async () => {
    const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: false });
    const columnChanges = diff
      .split('\n')
      .filter((line) => /create table|drop table|add column|drop column|alter column|rename column/i.test(line));
    expect(columnChanges).toEqual([]);
  });
});
