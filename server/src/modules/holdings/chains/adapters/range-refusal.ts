// How nodes and RPC providers say "ask for fewer blocks". There is no standard code (geth and
// Infura use -32005, others -32000 or -32602 or a plain HTTP 4xx body), so the message decides.
// Seen in the wild: "query returned more than 10000 results" (geth, Infura), "Log response size
// exceeded" (Alchemy), "eth_getLogs is limited to a 10,000 range" (QuickNode), "exceed maximum
// block range: 5000" (geth forks, BSC), "block range is too large/wide" (Erigon, Ankr), "query
// timeout exceeded" (a node that gave up on a wide scan).
const REFUSAL =
  /more than [\d,]+ results|response size|block range|range (is )?too (large|wide|big)|limited to a [\d,]+|too many (blocks|results|logs)|exceeds? (the )?max(imum)?|query timeout|limit exceeded/i;

/** Every message an ethers error carries, nested JSON-RPC error bodies included. */
function messagesOf(err: unknown): string[] {
  const out: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const o = e as { message?: unknown; shortMessage?: unknown; error?: unknown; info?: { error?: unknown }; cause?: unknown };
    for (const m of [o.message, o.shortMessage]) if (typeof m === 'string') out.push(m);
    e = o.error ?? o.info?.error ?? o.cause;
  }
  return out;
}

/** True when the node refused a log query for its width, so a narrower range may be answered. */
export const isRangeRefusal = (err: unknown): boolean => messagesOf(err).some((m) => REFUSAL.test(m));

/**
 * A short reason for logs and poll outcomes: the innermost message (the node's own words, not
 * ethers' wrapping with its payload), cut, with any URL (which may embed a provider's API key) masked.
 */
export function errorReason(err: unknown): string {
  const inner = messagesOf(err).reverse();
  const reason = inner.find((m) => REFUSAL.test(m)) ?? inner[0] ?? 'unknown error';
  return reason.replace(/https?:\/\/\S+/g, '<url>').slice(0, 200);
}
