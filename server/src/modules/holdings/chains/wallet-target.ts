import { badInput } from '@/lib/errors/app-error';
import { parseWalletAddress } from './wallet-address';

/**
 * The one wallet a run reads: its organization and id stay in the database (they scope the rows
 * written); only the address goes to the chain (H17).
 */
export type WalletTarget = { orgId: string; walletId: string; address: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The target with its address checksummed; BAD_USER_INPUT for anything malformed. */
export function parseWalletTarget(input: WalletTarget): WalletTarget {
  for (const field of ['orgId', 'walletId'] as const) {
    const value: unknown = input[field];
    if (typeof value !== 'string' || !UUID.test(value)) throw badInput(`${field} must be a UUID`, { field });
  }
  return { orgId: input.orgId, walletId: input.walletId, address: parseWalletAddress(input.address) };
}
