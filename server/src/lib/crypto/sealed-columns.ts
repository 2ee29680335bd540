/**
 * Every column that holds a SecretBox ciphertext, with how its binding is formed. The
 * re-encryption command walks this list; a new sealed column must be added here.
 */
export type SealedColumns = { table: string; idColumn: string; orgColumn: string; columns: readonly string[] };

export const SEALED_COLUMNS: readonly SealedColumns[] = [
  { table: 'users', idColumn: 'id', orgColumn: 'org_id', columns: ['mfa_secret_enc', 'mfa_pending_enc'] },
];
