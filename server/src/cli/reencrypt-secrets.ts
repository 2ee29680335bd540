import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SealedColumns } from '@/lib/crypto/sealed-columns';
import type { SecretBox } from '@/lib/crypto/secret-box';
import { inScopedTransaction } from '@/lib/db/request-db';
import { MODULES } from '@/app/modules';
import { ModuleRegistry } from '@/app/module-registry';

export type ReencryptResult = { table: string; column: string; rewritten: number }[];

/**
 * Re-encrypts every sealed secret that is not under the key ring's newest key: every column the
 * modules declare (`sealedColumns` in their manifests). Each row is decrypted with its own
 * binding and sealed again; rows already current are left alone, so the command can be re-run
 * after an interruption.
 */
export async function reencryptSecrets(
  orm: MikroORM,
  box: SecretBox,
  currentKeyId: string,
  sealed: readonly SealedColumns[] = new ModuleRegistry(MODULES).sealedColumns,
): Promise<ReencryptResult> {
  const result: ReencryptResult = [];
  for (const spec of sealed) {
    for (const column of spec.columns) {
      const rewritten = await inScopedTransaction(orm, { role: 'vigil_system', source: 'cli:reencrypt-secrets' }, async (em) => {
        const col = pg.escapeIdentifier(column);
        const rows = (await em.execute(
          `SELECT ${pg.escapeIdentifier(spec.idColumn)} AS id, ${pg.escapeIdentifier(spec.orgColumn)} AS org_id, ${col} AS sealed
           FROM ${pg.escapeIdentifier(spec.table)} WHERE ${col} IS NOT NULL AND split_part(${col}, ':', 2) <> ?`,
          [currentKeyId],
        )) as { id: string; org_id: string; sealed: string }[];
        for (const row of rows) {
          const binding = { table: spec.table, id: row.id, orgId: row.org_id };
          const resealed = box.encrypt(box.decrypt(row.sealed, binding), binding);
          await em.execute(
            `UPDATE ${pg.escapeIdentifier(spec.table)} SET ${col} = ? WHERE ${pg.escapeIdentifier(spec.idColumn)} = ?`,
            [resealed, row.id],
          );
        }
        return rows.length;
      });
      result.push({ table: spec.table, column, rewritten });
    }
  }
  return result;
}
