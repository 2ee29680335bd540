import type { ChainReader } from './adapters/chain-reader.port';
import type { ChainConfig } from '@/config/chains';

export type BalanceRow = { asset: string; symbol: string; decimals: number; amount: string };

/**
 * The wallet's native balance and its balance of every configured token at one block, read
 * together. Amounts are raw integer units as decimal strings: no float ever touches them.
 */
export async function readBalances(
  reader: ChainReader,
  chain: ChainConfig,
  address: string,
  blockNumber: number,
): Promise<BalanceRow[]> {
  const [native, ...tokens] = await Promise.all([
    reader.nativeBalance(address, blockNumber),
    ...chain.tokens.map((t) => reader.tokenBalance(t.address, address, blockNumber)),
  ]);
  return [
    { asset: 'native', symbol: chain.nativeSymbol, decimals: 18, amount: native!.toString() },
    ...chain.tokens.map((t, i) => ({ asset: t.address, symbol: t.symbol, decimals: t.decimals, amount: tokens[i]!.toString() })),
  ];
}
