import type { DoublePermission } from '../../../doubles/exchanges/double-types';
import type { DoubleVenue } from '../../../doubles/exchanges/dialects';

// What each venue's permission endpoint says of a key with one extra power, in its own words,
// and a phrase its refusal must contain: the test tables of venues.test.ts.

type Powers = Exclude<DoublePermission, 'read'>;

export const OFFENDING: Record<DoubleVenue, Record<Powers, string[]>> = {
  binance: {
    trade: ['enableSpotAndMarginTrading'],
    withdraw: ['enableWithdrawals'],
    transfer: ['enableInternalTransfer', 'permitsUniversalTransfer'],
  },
  coinbase: { trade: ['can_trade'], withdraw: ['can_transfer'], transfer: ['can_transfer'] },
  kraken: {
    trade: ['cancel-close-trades', 'modify-trades'],
    withdraw: ['withdraw-funds'],
    transfer: ['deposit-funds', 'earn-funds'],
  },
  okx: { trade: ['trade'], withdraw: ['withdraw'], transfer: ['withdraw'] },
  bybit: {
    trade: ['Read-Write', 'Spot: SpotTrade'],
    withdraw: ['Read-Write', 'Wallet: Withdraw'],
    transfer: ['Wallet: AccountTransfer', 'Wallet: SubMemberTransfer'],
  },
  kucoin: { trade: ['Futures', 'Margin', 'Spot'], withdraw: ['Withdrawal'], transfer: ['InnerTransfer'] },
  gemini: { trade: ['isTrader'], withdraw: ['isFundManager'], transfer: ['isFundManager'] },
};

export const REFUSAL_NAMES: Record<DoubleVenue, Record<Powers, string>> = {
  binance: { trade: 'Enable Spot & Margin Trading', withdraw: 'Enable Withdrawals', transfer: 'Permits Universal Transfer' },
  coinbase: { trade: '"Trade"', withdraw: '"Transfer"', transfer: '"Transfer"' },
  kraken: { trade: 'modify-trades', withdraw: 'withdraw-funds', transfer: 'earn-funds' },
  okx: { trade: '"Trade"', withdraw: '"Withdraw"', transfer: '"Withdraw"' },
  bybit: { trade: 'Spot: SpotTrade', withdraw: 'Wallet: Withdraw', transfer: 'Wallet: AccountTransfer' },
  kucoin: { trade: '"Spot"', withdraw: '"Withdrawal"', transfer: '"InnerTransfer"' },
  gemini: { trade: 'Trader', withdraw: 'Fund Manager', transfer: 'Fund Manager' },
};

/** Venues whose per-key rate-limit answer states the wait (others leave it to the caller's backoff). */
export const KEY_LIMIT_STATES_WAIT: Record<DoubleVenue, boolean> = {
  binance: true,
  coinbase: false,
  kraken: false,
  okx: false,
  bybit: true,
  kucoin: true,
  gemini: false,
};

/** The IP-limit answer's wait: Retry-After everywhere except Bybit's 403 ban (ten minutes). */
export const IP_LIMIT_WAIT_MS = (venue: DoubleVenue, retryAfterSeconds: number): number =>
  venue === 'bybit' ? 600_000 : retryAfterSeconds * 1000;
