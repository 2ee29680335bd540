import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A thin JSON-RPC proxy in front of the real hardhat node, playing the parts of a hosted RPC
// provider that hardhat does not: it refuses eth_getLogs ranges wider than `maxLogRange` blocks
// with Infura's answer, can claim another chain id, and records every request it receives (URL,
// headers, body) so a test can check what left Vigil. Everything else is hardhat's own answer.

export type RecordedRequest = { url: string; headers: http.IncomingHttpHeaders; body: string };
export type LogRangeAsked = { fromBlock: number; toBlock: number; refused: boolean };

export type JsonRpcProxy = {
  url: string;
  requests: RecordedRequest[];
  logRanges: LogRangeAsked[];
  /** Widest eth_getLogs range answered; Infinity: no limit. */
  maxLogRange: number;
  /** When set, eth_chainId answers this instead of the node's id. */
  claimChainId?: number;
  /**
   * When set, eth_getBlockByNumber for this block answers another hash (parent unchanged): a node
   * that switched branches between answering the logs and the block, as one does mid-reorg.
   */
  forgeBlockHashOf?: number;
  stop(): Promise<void>;
};

type Call = { jsonrpc: '2.0'; id: number | string; method: string; params?: unknown[] };

const REFUSAL = { code: -32005, message: 'query returned more than 10000 results' };

async function forward(target: string, call: Call): Promise<unknown> {
  const res = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(call),
  });
  return res.json();
}

export async function startJsonRpcProxy(target: string, options: { maxLogRange?: number } = {}): Promise<JsonRpcProxy> {
  const proxy: Omit<JsonRpcProxy, 'url' | 'stop'> = { requests: [], logRanges: [], maxLogRange: options.maxLogRange ?? Infinity };

  const answer = async (call: Call): Promise<unknown> => {
    if (call.method === 'eth_chainId' && proxy.claimChainId !== undefined) {
      return { jsonrpc: '2.0', id: call.id, result: `0x${proxy.claimChainId.toString(16)}` };
    }
    if (call.method === 'eth_getLogs') {
      const filter = (call.params?.[0] ?? {}) as { fromBlock?: string; toBlock?: string };
      const fromBlock = Number(filter.fromBlock);
      const toBlock = Number(filter.toBlock);
      const refused = toBlock - fromBlock + 1 > proxy.maxLogRange;
      proxy.logRanges.push({ fromBlock, toBlock, refused });
      if (refused) return { jsonrpc: '2.0', id: call.id, error: REFUSAL };
    }
    const reply = await forward(target, call);
    if (call.method === 'eth_getBlockByNumber' && proxy.forgeBlockHashOf !== undefined) {
      const block = (reply as { result?: { number: string; hash: string } | null }).result;
      if (block && Number(block.number) === proxy.forgeBlockHashOf) block.hash = `0x${'f0'.repeat(32)}`;
    }
    return reply;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      proxy.requests.push({ url: req.url ?? '', headers: req.headers, body });
      const parsed = JSON.parse(body) as Call | Call[];
      const reply = Array.isArray(parsed) ? Promise.all(parsed.map(answer)) : answer(parsed);
      reply.then(
        (out) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out)),
        (err: Error) => res.writeHead(502).end(err.message),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${port}/rpc`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // ethers keeps connections alive
      }),
  });
}
