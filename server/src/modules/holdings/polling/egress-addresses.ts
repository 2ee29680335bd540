import { createHash } from 'node:crypto';

/**
 * Where the poller's venue requests leave from (POLL_EGRESS_ADDRESSES). A venue's per-IP limit
 * (Binance: 6,000 weight a minute, ~380 connections of two held markets a cycle) is each address's own, so the
 * limiter counts per (venue, egress) and N addresses poll N times as many connections.
 * `name` names the egress in gate and bucket keys; `localAddress` is what sockets bind to.
 * Nothing configured: one egress, `default`, whose address the OS chooses, and whose gate and
 * bucket keep the names they had before there could be several.
 */
export type Egress = { name: string; localAddress?: string };

export const DEFAULT_EGRESS: Egress = { name: 'default' };

/** The egresses of a parsed POLL_EGRESS_ADDRESSES: at least one. */
export function egressesOf(addresses: readonly string[]): [Egress, ...Egress[]] {
  const [first, ...rest] = addresses.map((address) => ({ name: address, localAddress: address }));
  return first === undefined ? [DEFAULT_EGRESS] : [first, ...rest];
}

/**
 * A connection's egress, the same on every poll (a hash of its id, not a rotation): a venue
 * sees one key from one IP, and a "slow down" about that IP holds back only the keys behind it.
 */
export function egressFor(egresses: readonly [Egress, ...Egress[]], connectionId: string): Egress {
  if (egresses.length === 1) return egresses[0];
  const n = createHash('sha256').update(connectionId).digest().readUInt32BE(0);
  return egresses[n % egresses.length] ?? egresses[0];
}
