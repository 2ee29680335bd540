import { FetchRequest, JsonRpcProvider, Network } from 'ethers';
import { ChainUnavailableError, RangeRefusedError } from './chain-reader.port';
import { errorReason, isRangeRefusal } from './range-refusal';

export type RpcNodeOptions = { chainId: number; rpcUrls: readonly string[]; timeoutMs?: number };

type Node = { provider: JsonRpcProvider; checked?: Promise<void> };

/** A node's answer that no other node should be asked to correct (a token that is not a contract). */
export class WrongDataError extends Error {}

/** The node answered, and the answer is final: another node would say the same (a refused range, a revert). */
const isFinal = (err: unknown) =>
  err instanceof RangeRefusedError ||
  isRangeRefusal(err) ||
  (err as { code?: unknown }).code === 'CALL_EXCEPTION' ||
  err instanceof WrongDataError;

/**
 * The configured RPC URLs of one chain, tried in order for each request: the first that answers
 * serves it. Each provider is pinned to the configured chain id (no network detection), and each
 * URL's own chain id is checked once before it serves anything, so a URL pointing at another
 * chain is skipped, never read. Requests carry only what ethers puts in JSON-RPC: no headers of
 * ours, nothing about whose wallet is read (H17).
 */
export class RpcNodes {
  private readonly nodes: Node[];

  constructor(private readonly options: RpcNodeOptions) {
    const network = Network.from(options.chainId);
    this.nodes = options.rpcUrls.map((url) => {
      const request = new FetchRequest(url);
      request.timeout = options.timeoutMs ?? 15_000;
      // cacheTimeout -1: ethers would otherwise answer an identical request made within 250 ms from
      // memory, a failure included: a stale head after a reorg, a refused range asked again.
      return {
        provider: new JsonRpcProvider(request, network, { staticNetwork: network, batchMaxCount: 20, cacheTimeout: -1 }),
      };
    });
  }

  /** Runs `fn` on the first node that answers; a final answer (refusal, revert) is not retried elsewhere. */
  async use<T>(fn: (provider: JsonRpcProvider) => Promise<T>): Promise<T> {
    const failures: string[] = [];
    for (const [i, node] of this.nodes.entries()) {
      try {
        node.checked ??= this.checkChainId(node);
        await node.checked;
        return await fn(node.provider);
      } catch (err) {
        if (isFinal(err)) throw err;
        // The URL itself stays out of the message: providers put API keys in their URLs.
        failures.push(`rpc #${i + 1}: ${errorReason(err)}`);
      }
    }
    throw new ChainUnavailableError(this.options.chainId, failures);
  }

  private async checkChainId(node: Node): Promise<void> {
    try {
      const answered = Number(BigInt(String(await node.provider.send('eth_chainId', []))));
      if (answered !== this.options.chainId) throw new Error(`serves chain ${answered}, not ${this.options.chainId}`);
    } catch (err) {
      node.checked = undefined; // checked again next time: the node may have been down
      throw err;
    }
  }

  close(): void {
    for (const node of this.nodes) node.provider.destroy();
  }
}
