import { polymarketBaseFromEnv } from '@/config/prediction-venue';
import type { CoreDeps } from '@/core/deps';
import { handleJob, type JobHandler } from '@/lib/queue/job-definition';
import { PolymarketVenue, PredictionIngest } from '../predictions';
import { pollWalletJob } from './wallet-jobs';
import { WalletPoller } from './wallet-poller';

/** The worker's side of wallet polling: one poll of one wallet (the scheduler tick is polling/'s). */
export function walletHandlers(deps: CoreDeps): JobHandler[] {
  // Built on first use: handler factories close over their deps and touch nothing else.
  let built: WalletPoller | undefined;
  const poller = () =>
    (built ??= new WalletPoller({
      orm: deps.orm,
      chains: deps.env.CHAINS,
      logger: deps.logger.child({ component: 'wallet-poller' }),
      predictions: predictionIngest(deps),
    }));
  return [
    handleJob(pollWalletJob, async ({ walletId }, ctx) => {
      const outcome = await poller().poll(walletId);
      ctx.logger.debug({ walletId, outcome }, 'polled wallet');
    }),
  ];
}

/** Positions read by address with every wallet poll, unless no prediction venue is configured. */
function predictionIngest(deps: CoreDeps): PredictionIngest | undefined {
  const baseUrl = polymarketBaseFromEnv(deps.env);
  if (!baseUrl) return undefined;
  return new PredictionIngest({
    orm: deps.orm,
    venue: new PolymarketVenue({ baseUrl }),
    logger: deps.logger.child({ component: 'prediction-ingest' }),
  });
}
