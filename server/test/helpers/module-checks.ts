import type { EntitySchema } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import pg from 'pg';
import type { SealedColumns } from '@/lib/crypto/sealed-columns';
import type { RootFieldIndex } from '@/core/graphql/root-field';

// The coverage checks, each walking what a module list declares. The tests run them on the real
// list (app/modules.ts) and on the list with a probe module added, to show that a module added
// only to the list is picked up by every one of them.

/** Root fields the schema serves without a declaration (rule + audited resource), and declarations the schema lacks. */
export function rootFieldGaps(schema: GraphQLSchema, fields: RootFieldIndex): { undeclared: string[]; stale: string[] } {
  const served = [schema.getQueryType(), schema.getMutationType()].flatMap((t) =>
    t ? Object.keys(t.getFields()).map((f) => `${t.name}.${f}`) : [],
  );
  return {
    undeclared: served.filter((key) => !fields.get(key)?.rule || !fields.get(key)?.resource),
    stale: [...fields.keys()].filter((key) => !served.includes(key)),
  };
}

/**
 * Table and column changes the ORM would make to the migrated database for these entities:
 * none when they agree. Constraints and indexes live in the SQL migrations only; tables with no
 * entity (the audit log, the outbox, written in SQL) are not the ORM's.
 */
export async function entitySchemaDiff(adminUrl: string, entities: readonly EntitySchema[]): Promise<string[]> {
  const orm = await MikroORM.init({
    clientUrl: adminUrl,
    entities: [...entities],
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: true,
  });
  try {
    const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: false });
    return diff
      .split('\n')
      .filter((line) => /create table|drop table|add column|drop column|alter column|rename column/i.test(line));
  } finally {
    await orm.close(true);
  }
}

/** Declared sealed columns that the migrated database does not have as text columns. */
export async function missingSealedColumns(adminUrl: string, sealed: readonly SealedColumns[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type = 'text'`,
    );
    const present = new Set(rows.map((r) => r.name));
    return sealed
      .flatMap((s) => [s.idColumn, s.orgColumn, ...s.columns].map((c) => `${s.table}.${c}`))
      .filter((name, i, all) => all.indexOf(name) === i)
      .filter((name) => !present.has(name) && !name.endsWith('.id') && !name.endsWith('.org_id'));
  } finally {
    await client.end();
  }
}
