/**
 * A column that holds SecretBox ciphertexts, with how its binding is formed. Modules declare
 * theirs in their manifest; the re-encryption command walks every declared column.
 */
export type SealedColumns = { table: string; idColumn: string; orgColumn: string; columns: readonly string[] };
