import type { CoreDeps } from '@/core/deps';
import { inScopedTransaction } from '@/lib/db/request-db';
import { handleJob, type JobHandler } from '@/lib/queue/job-definition';
import { pollingExchangeDirectory } from '../exchange-directory';
import { ConnectionPoller } from './connection-poller';
import { pollConnectionJob, schedulePollsJob } from './poll-jobs';
import { claimDueConnections, pollCadence, spreadOverTick } from './poll-schedule';
import { pollWalletJob } from '../wallets/wallet-jobs';
import { claimDueWallets } from '../wallets/wallet-poll-schedule';
import { memoryVenueGate, redisVenueGate } from './venue-gate';
import { claimCaps } from './venue-limits';
import { egressesOf } from './egress-addresses';

/** The worker's side of polling: the scheduler tick and the poll of one connection. */
export function pollHandlers(deps: CoreDeps): JobHandler[] {
  const cadence = pollCadence(deps.env);
  const egresses = egressesOf(deps.env.POLL_EGRESS_ADDRESSES);
  // Built on first use: handler factories close over their deps and touch nothing else.
  let built: ConnectionPoller | undefined;
  const poller = () =>
    (built ??= new ConnectionPoller({
      orm: deps.orm,
      secrets: deps.secrets,
      auditMac: deps.auditMac,
      adapterFor: (venue) => pollingExchangeDirectory(deps.env).adapterFor(venue),
      gate: deps.redis ? redisVenueGate(deps.redis, `${deps.env.REDIS_KEY_PREFIX}holdings:venue-gate:`) : memoryVenueGate(),
      logger: deps.logger.child({ component: 'poller' }),
      expiryWarningMs: deps.env.KEY_EXPIRY_WARNING_DAYS * 86_400_000,
      egresses,
    }));
  return [
    handleJob(schedulePollsJob, async () => {
      const jobs = deps.jobs;
      if (!jobs) throw new Error('the job runner has not started');
      const chainIds = deps.env.CHAINS.map((c) => c.chainId);
      // Only what the workers have room for: claimed polls queued behind thousands of others
      // would wait out their venue's budget in the queue (Binance's, in the bench) instead of using it.
      const room = cadence.claimBatch - (await jobs.backlog(pollConnectionJob.queue));
      const [due, dueWallets] = await inScopedTransaction(
        deps.orm,
        { role: 'vigil_system', source: 'holdings.scheduler' },
        async (em) => [
          await claimDueConnections(em, cadence, claimCaps(cadence.scheduleEveryMs, egresses.length), room),
          await claimDueWallets(em, cadence, chainIds),
        ],
      );
      // Claimed rows are due again only a whole interval later: a queue that refuses one now
      // costs that connection (or wallet) one cycle, never a second poll. In bulk: one round trip
      // per thousand, so a worker busy polling does not starve its own scheduler; each venue's
      // claim spread over the tick, at the pace its budget polls.
      await jobs.enqueueBulk(
        pollConnectionJob,
        due.map((c) => ({ connectionId: c.id })),
        { delaysMs: spreadOverTick(due, cadence.scheduleEveryMs) },
      );
      await jobs.enqueueBulk(
        pollWalletJob,
        dueWallets.map((walletId) => ({ walletId })),
      );
    }),
    handleJob(pollConnectionJob, async ({ connectionId }, ctx) => {
      const outcome = await poller().poll(connectionId);
      ctx.logger.debug({ connectionId, outcome }, 'polled');
    }),
  ];
}
