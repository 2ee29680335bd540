import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAIN_INGEST_ENTITIES } from '@/modules/holdings/chains/chain-ingest.entities';
import { entitySchemaDiff } from '../../../helpers/module-checks';
import { createTestDatabase, type TestDatabase } from '../../../helpers/test-database';

// The holdings module registers these entities, so entities-match-schema.test.ts covers them with
// every other; this suite keeps the chain layer's own check fast and beside its other tests.
describe('chain ingest entities', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('should describe exactly the columns migration 0020 creates', async () => {
    expect(await entitySchemaDiff(db.adminUrl, CHAIN_INGEST_ENTITIES)).toEqual([]);
  });
});
