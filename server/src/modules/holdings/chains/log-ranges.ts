import { RangeRefusedError, type ChainReader, type TransferLog, type TransferQuery } from './adapters/chain-reader.port';

export type RangeStats = { requests: number; refusals: number; narrowestWidth: number };

/**
 * The wallet's transfers over [fromBlock, toBlock], asked for in ranges of at most `maxWidth`
 * blocks. A range the node refuses for its width is halved and asked again, and the narrower
 * width is kept for the rest of the read (the next run starts wide again). A single block the
 * node still refuses cannot be read at all: the error goes up and the run writes nothing.
 */
export async function readTransfersInRanges(
  reader: ChainReader,
  query: TransferQuery,
  maxWidth: number,
): Promise<{ transfers: TransferLog[]; stats: RangeStats }> {
  const transfers: TransferLog[] = [];
  const stats: RangeStats = { requests: 0, refusals: 0, narrowestWidth: maxWidth };
  let width = Math.max(1, Math.trunc(maxWidth));
  for (let from = query.fromBlock; from <= query.toBlock;) {
    const to = Math.min(query.toBlock, from + width - 1);
    stats.requests++;
    try {
      transfers.push(...(await reader.transfers({ ...query, fromBlock: from, toBlock: to })));
      from = to + 1;
    } catch (err) {
      if (!(err instanceof RangeRefusedError) || to === from) throw err;
      stats.refusals++;
      width = Math.max(1, Math.floor((to - from + 1) / 2));
      stats.narrowestWidth = Math.min(stats.narrowestWidth, width);
    }
  }
  return { transfers, stats };
}
