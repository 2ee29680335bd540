import { Interface, dataSlice, getAddress, id, zeroPadValue, type JsonRpcProvider, type Log } from 'ethers';
import { RangeRefusedError, type BlockRef, type ChainReader, type TransferLog, type TransferQuery } from './chain-reader.port';
import { errorReason, isRangeRefusal } from './range-refusal';
import { RpcNodes, WrongDataError, type RpcNodeOptions } from './rpc-nodes';

const TRANSFER_TOPIC = id('Transfer(address,address,uint256)');
const ERC20 = new Interface(['function balanceOf(address owner) view returns (uint256)']);

/** ERC-20's Transfer has two indexed addresses and the amount as data; ERC-721's has a third topic. */
const isErc20Transfer = (log: Log) => log.topics.length === 3 && log.data.length === 66 && !log.removed;

function decodeTransfer(log: Log): TransferLog {
  return {
    blockNumber: log.blockNumber,
    blockHash: log.blockHash,
    txHash: log.transactionHash.toLowerCase(),
    logIndex: log.index,
    token: getAddress(log.address),
    from: getAddress(dataSlice(log.topics[1]!, 12)),
    to: getAddress(dataSlice(log.topics[2]!, 12)),
    amount: BigInt(log.data),
  };
}

/** A ChainReader over JSON-RPC with ethers, trying the chain's RPC URLs in order. */
export class EthersChainReader implements ChainReader {
  readonly chainId: number;
  private readonly nodes: RpcNodes;

  constructor(options: RpcNodeOptions) {
    this.chainId = options.chainId;
    this.nodes = new RpcNodes(options);
  }

  headBlockNumber(): Promise<number> {
    return this.nodes.use((p) => p.getBlockNumber());
  }

  block(number: number): Promise<BlockRef | null> {
    return this.nodes.use(async (p) => {
      const b = await p.getBlock(number);
      if (!b?.hash) return null;
      return { number: b.number, hash: b.hash, parentHash: b.parentHash, timestamp: b.timestamp };
    });
  }

  nativeBalance(address: string, blockNumber: number): Promise<bigint> {
    return this.nodes.use((p) => p.getBalance(address, blockNumber));
  }

  tokenBalance(token: string, address: string, blockNumber: number): Promise<bigint> {
    return this.nodes.use(async (p) => {
      const data = ERC20.encodeFunctionData('balanceOf', [address]);
      const result = await p.call({ to: token, data, blockTag: blockNumber });
      // An empty answer: no contract at that address on this chain (a misconfigured token).
      if (result === '0x') throw new WrongDataError(`token ${token} is not a contract at block ${blockNumber}`);
      return BigInt(ERC20.decodeFunctionResult('balanceOf', result)[0] as bigint);
    });
  }

  transfers(query: TransferQuery): Promise<TransferLog[]> {
    const topic = zeroPadValue(query.address, 32);
    return this.nodes.use(async (p) => {
      // A node that has not reached the range yet would answer "no logs" for it: not trusted.
      if ((await p.getBlockNumber()) < query.toBlock) throw new Error(`node is behind block ${query.toBlock}`);
      const [outgoing, incoming] = await Promise.all([
        this.logs(p, query, [TRANSFER_TOPIC, topic]),
        this.logs(p, query, [TRANSFER_TOPIC, null, topic]),
      ]);
      // A transfer to oneself matches both filters: one log, kept once.
      const byKey = new Map<string, TransferLog>();
      for (const log of [...outgoing, ...incoming].filter(isErc20Transfer)) {
        const t = decodeTransfer(log);
        byKey.set(`${t.txHash}:${t.logIndex}`, t);
      }
      return [...byKey.values()].sort((a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex);
    });
  }

  private async logs(p: JsonRpcProvider, q: TransferQuery, topics: (string | null)[]): Promise<Log[]> {
    try {
      return await p.getLogs({
        ...(q.tokens ? { address: [...q.tokens] } : {}),
        topics,
        fromBlock: q.fromBlock,
        toBlock: q.toBlock,
      });
    } catch (err) {
      if (isRangeRefusal(err)) throw new RangeRefusedError(q.fromBlock, q.toBlock, errorReason(err));
      throw err;
    }
  }

  close(): void {
    this.nodes.close();
  }
}
