import { isIP } from 'node:net';
import type { Exchange } from 'ccxt';

/**
 * Sends a ccxt instance's requests from one local address (the poller's egress). ccxt 4.5 on
 * node sends through undici (`undiciRequest` with its `fetchDispatcher`, an Agent it builds per
 * instance in loadFetchImplementation); `httpAgent`/`httpsAgent` are read only for a custom
 * fetchImplementation or to find a proxy, so node Agents bound to an address would change
 * nothing (poll-egress.test.ts checks the address the venue sees). One undici Agent per
 * address, from ccxt's own undici module and options, shared by every instance for the life of
 * the process: its kept-alive sockets serve poll after poll.
 */
type UndiciModule = { Agent: new (options: Record<string, unknown>) => unknown };

const dispatchers = new Map<string, unknown>();

export async function sendFrom(exchange: Exchange, localAddress: string): Promise<void> {
  await exchange.loadFetchImplementation();
  const undici = exchange.undiciModule as UndiciModule | undefined;
  // Never silently from another address: it may be on no allow-list, and its budget is not counted.
  if (undici === undefined) throw new Error(`cannot send from ${localAddress}: ccxt is not sending through undici`);
  const options = exchange.getDispatcherOptions(true) as Record<string, unknown>;
  const id = `${localAddress} ${JSON.stringify(options)}`;
  let dispatcher = dispatchers.get(id);
  if (dispatcher === undefined) {
    // With a local address node resolves one family only (no happy eyeballs): the address's own.
    const connect = { ...(options.connect as Record<string, unknown> | undefined), family: isIP(localAddress) };
    dispatcher = new undici.Agent({ ...options, localAddress, connect });
    dispatchers.set(id, dispatcher);
  }
  exchange.fetchDispatcher = dispatcher;
}
