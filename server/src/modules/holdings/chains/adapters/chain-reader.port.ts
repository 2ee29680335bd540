// The port the ingest reads a chain through. Everything it takes is an address, a block number
// or a block hash: nothing about whose wallet it is can reach a node (H17).

export type BlockRef = { number: number; hash: string; parentHash: string; timestamp: number };

/** An ERC-20 `Transfer(address indexed from, address indexed to, uint256 value)` log, decoded. */
export type TransferLog = {
  blockNumber: number;
  blockHash: string;
  txHash: string;
  logIndex: number;
  /** The emitting contract, checksummed. */
  token: string;
  from: string;
  to: string;
  amount: bigint;
};

export type TransferQuery = {
  address: string;
  /** Both ends inclusive. */
  fromBlock: number;
  toBlock: number;
  /** Only logs of these token contracts; every ERC-20 when omitted. */
  tokens?: readonly string[];
};

export type ChainReader = {
  readonly chainId: number;
  headBlockNumber(): Promise<number>;
  /** The canonical block at `number` as the node sees it now; null when it has none. */
  block(number: number): Promise<BlockRef | null>;
  nativeBalance(address: string, blockNumber: number): Promise<bigint>;
  tokenBalance(token: string, address: string, blockNumber: number): Promise<bigint>;
  /**
   * Transfers from or to `address` in the range. Throws RangeRefusedError when the node will not
   * answer a range this wide (too many results, range too large): the caller asks for less.
   */
  transfers(query: TransferQuery): Promise<TransferLog[]>;
  close(): void;
};

/** The node refused a log query for its width; a narrower one may pass. */
export class RangeRefusedError extends Error {
  constructor(
    readonly fromBlock: number,
    readonly toBlock: number,
    reason: string,
  ) {
    super(`node refused blocks ${fromBlock}-${toBlock}: ${reason}`);
    this.name = 'RangeRefusedError';
  }
}

/** No configured RPC URL answered (each was tried in order). */
export class ChainUnavailableError extends Error {
  constructor(
    readonly chainId: number,
    readonly failures: readonly string[],
  ) {
    super(`chain ${chainId}: no RPC URL answered (${failures.join('; ')})`);
    this.name = 'ChainUnavailableError';
  }
}
