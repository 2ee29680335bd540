import type { SealedColumns } from '@/lib/crypto/sealed-columns';
import type { SecretBinding } from '@/lib/crypto/secret-box';

/** The sealed columns of exchange_connections: `reencrypt-secrets` walks them (H4, H5). */
export const CONNECTION_SEALED_COLUMNS: SealedColumns = {
  table: 'exchange_connections',
  idColumn: 'id',
  orgColumn: 'org_id',
  columns: ['api_key_enc', 'secret_enc', 'passphrase_enc'],
};

/**
 * Each ciphertext is bound to its row and org (DESIGN.md "Secrets at rest"): moved to another
 * connection, or to another org, it no longer decrypts. One binding serves every column of the
 * row, as for the users table, so that re-encryption can treat all sealed columns alike.
 */
export const sealedBinding =
  (id: string, orgId: string) =>
  (_column: (typeof CONNECTION_SEALED_COLUMNS.columns)[number]): SecretBinding => ({
    table: 'exchange_connections',
    id,
    orgId,
  });
