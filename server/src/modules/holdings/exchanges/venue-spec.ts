import type { Balances, Exchange } from 'ccxt';
import type { ExchangeFailure, OnboardingSteps } from './exchange-adapter';
import type { ObservedFailure } from './exchange-failure';
import type { InstanceRecipe } from './ccxt-instance';
import type { ScopeEvaluation } from './scope-evaluation';

/** Everything that differs between venues. One file per venue fills it in (venues/*.venue.ts). */
export type VenueSpec<E extends Exchange> = InstanceRecipe<E> & {
  displayName: string;
  needsPassphrase: boolean;
  onboarding: OnboardingSteps;
  /** The venue's own permission endpoint; undefined for a venue without one ('unverifiable'). */
  scope?: {
    fetch: (exchange: E) => Promise<unknown>;
    evaluate: (answer: unknown) => ScopeEvaluation;
    /** False where the venue's testnet lacks the endpoint: sandbox keys are then 'unverifiable'. */
    onTestnet?: boolean;
  };
  /** The refusal an employee reads: what to turn off, in the venue's words. */
  refusal: (offending: string[]) => string;
  classify: (observed: ObservedFailure) => ExchangeFailure;
  /**
   * Per-account state ccxt loads only together with the markets, loaded for each call's own key:
   * markets come from the adapter's cache after the first load, and a pooled instance forgets the
   * last key's state (KuCoin's HF status: without it an HF account reads as the empty classic one).
   */
  loadAccountState?: (exchange: E) => Promise<unknown>;
  /** Whether trade history is read one market at a time (Binance, Gemini; KuCoin HF accounts). */
  tradesPerSymbol: (exchange: E) => boolean;
  /**
   * When the venue last changed the account, read from its balance answer where it reports it
   * (Binance's `updateTime`: a trade, a deposit or a withdrawal moves it). While it stays where it
   * was at a poll that found no new trade, no trade has happened, and a per-market venue is not
   * asked market by market again (each such call weighs 20 at Binance).
   */
  accountUpdatedAt?: (balance: Balances) => number | undefined;
  /** Extra parameters for fetchMyTrades (Bybit needs its category). */
  myTradesParams?: Record<string, unknown>;
  /**
   * separate: fetchDeposits + fetchWithdrawals; combined: fetchDepositsWithdrawals split by type;
   * combined_per_currency: the same, once per held currency (Coinbase needs a currency's account).
   */
  transfers: 'separate' | 'combined' | 'combined_per_currency';
};
