import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SealedColumns } from '@/lib/crypto/sealed-columns';
import type { SecretBox } from '@/lib/crypto/secret-box';
import { inScopedTransaction } from '@/lib/db/request-db';
import { MODULES } from '@/app/modules';
import { ModuleRegistry } from '@/app/module-registry';

/** A ciphertext the ring could not open: where it is and why, never its value. */
export type Undecryptable = { table: string; id: string; column: string; reason: string };

export type ReencryptResult = { table: string; column: string; rewritten: number; undecryptable: Undecryptable[] }[];

/**
 * Re-encrypts every sealed secret that is not under the key ring's newest key: every column the
 * modules declare (`sealedColumns` in their manifests). Each row is decrypted with its own
 * binding and sealed again; rows already current are left alone, so the command can be re-run
 * after an interruption. A row that does not decrypt (altered, moved, or under a key no longer in
 * the ring) is reported and skipped, left as it was, and the walk goes on: one bad row does not
 * hold every other secret under a key that is being retired.
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
      const undecryptable: Undecryptable[] = [];
      const rewritten = await inScopedTransaction(orm, { role: 'vigil_system', source: 'cli:reencrypt-secrets' }, async (em) => {
        const col = pg.escapeIdentifier(column);
        const rows = (await em.execute(
          `SELECT ${pg.escapeIdentifier(spec.idColumn)} AS id, ${pg.escapeIdentifier(spec.orgColumn)} AS org_id, ${col} AS sealed
           FROM ${pg.escapeIdentifier(spec.table)} WHERE ${col} IS NOT NULL AND split_part(${col}, ':', 2) <> ?`,
          [currentKeyId],
        )) as { id: string; org_id: string; sealed: string }[];
        let done = 0;
        for (const row of rows) {
          const binding = { table: spec.table, id: row.id, orgId: row.org_id };
          let plaintext: string;
          try {
            plaintext = box.decrypt(row.sealed, binding);
          } catch (err) {
            undecryptable.push({ table: spec.table, id: String(row.id), column, reason: whyNot(err) });
            continue;
          }
          await em.execute(
            `UPDATE ${pg.escapeIdentifier(spec.table)} SET ${col} = ? WHERE ${pg.escapeIdentifier(spec.idColumn)} = ?`,
            [box.encrypt(plaintext, binding), row.id],
          );
          done++;
        }
        return done;
      });
      result.push({ table: spec.table, column, rewritten, undecryptable });
    }
  }
  return result;
}

// SecretBox's own messages name a format or a key id; anything else (the GCM tag) is said plainly.
const whyNot = (err: unknown): string =>
  err instanceof Error && err.message.startsWith('secret: ')
    ? err.message.slice('secret: '.length)
    : 'does not authenticate (altered, moved from another row, or sealed under another key)';

/**
 * The command: re-encrypts everything it can, prints one line per column and one per row it could
 * not decrypt (table, id, column and why; never the value), and answers 1 when any row was left.
 */
export async function reencryptSecretsCommand(
  orm: MikroORM,
  box: SecretBox,
  currentKeyId: string,
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
  sealed?: readonly SealedColumns[],
): Promise<number> {
  const result = await reencryptSecrets(orm, box, currentKeyId, sealed);
  for (const r of result) out(`${r.table}.${r.column}: ${r.rewritten} re-encrypted to ${currentKeyId}`);
  const left = result.flatMap((r) => r.undecryptable);
  for (const u of left) err(`could not decrypt ${u.table}.${u.column} of row ${u.id}: ${u.reason}; left as it was`);
  if (left.length === 0) return 0;
  const rewritten = result.reduce((n, r) => n + r.rewritten, 0);
  err(
    `${left.length} ${left.length === 1 ? 'secret' : 'secrets'} could not be decrypted and ${left.length === 1 ? 'was' : 'were'} left under ` +
      `${left.length === 1 ? 'its' : 'their'} old key (${rewritten} re-encrypted). Keep the old key in the ring until each is ` +
      `re-entered (an exchange key: rotate or remove the connection) or cleared.`,
  );
  return 1;
}
