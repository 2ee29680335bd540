import ccxt from 'ccxt';
import type { VenueSpec } from '../venue-spec';
import { bodyField, classifyByVenue, type ObservedFailure } from '../exchange-failure';
import { evaluateBinanceScope } from './binance.scope';

type Binance = InstanceType<typeof ccxt.binance>;

/** Binance's settings labels for its restriction flags, for the refusal message. */
const LABELS: Record<string, string> = {
  enableSpotAndMarginTrading: 'Enable Spot & Margin Trading',
  enableMargin: 'Enable Margin Loan, Repay & Transfer',
  enableFutures: 'Enable Futures',
  enableVanillaOptions: 'Enable European Options',
  enableWithdrawals: 'Enable Withdrawals',
  enableInternalTransfer: 'Enable Internal Transfer',
  permitsUniversalTransfer: 'Permits Universal Transfer',
  enablePortfolioMarginTrading: 'Enable Portfolio Margin Trading',
  enableFixApiTrade: 'Enable FIX API Trading',
};

export const label = (flag: string): string => LABELS[flag] ?? flag;

/** A time in ms the venue reported, or undefined for anything else (absent, 0, text). */
const positiveMillis = (value: unknown): number | undefined => {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isSafeInteger(ms) && ms > 0 ? ms : undefined;
};

// -2015 is an auth failure whatever class ccxt raised it as (DDoSProtection once the instance
// has authenticated before); -1021 is clock skew, not a bad key; 418 is an IP ban.
const classify = (observed: ObservedFailure) =>
  classifyByVenue(
    {
      venue: 'binance',
      venueCode: (body) => bodyField(body, 'code'),
      authCodes: new Set(['-2014', '-2015', '-1022', '-1002', '-1099']),
      rateLimitCodes: new Set(['-1003', '-1015']),
      rateLimitStatuses: new Set([418]),
    },
    observed,
  );

export const binanceVenue: VenueSpec<Binance> = {
  venue: 'binance',
  displayName: 'Binance',
  construct: (config) => new ccxt.binance(config),
  hasSandbox: true,
  needsPassphrase: false,
  // Spot only: one exchangeInfo call, no futures hosts. fetchCurrencies stays on (a signed call,
  // so a revoked key already fails in loadMarkets).
  ccxtOptions: { fetchMarkets: { types: ['spot'] }, fetchMargins: false },
  // testnet.binance.vision serves no sapi endpoints, so a testnet key cannot be proved.
  scope: { fetch: (exchange) => exchange.sapiGetAccountApiRestrictions(), evaluate: evaluateBinanceScope, onTestnet: false },
  refusal: (offending) =>
    `Binance says this key can do more than read: ${offending.map(label).join(', ')}. In API Management, edit the key so that only ` +
    `"Enable Reading" is ticked (untick ${offending.map((f) => `"${label(f)}"`).join(', ')}), then enter it again.`,
  classify,
  tradesPerSymbol: () => true,
  // The spot account's updateTime (ms): when a trade, deposit or withdrawal last changed it.
  accountUpdatedAt: (balance) => positiveMillis((balance.info as { updateTime?: unknown } | undefined)?.updateTime),
  transfers: 'separate',
  onboarding: {
    venue: 'binance',
    displayName: 'Binance',
    where: 'Profile icon \u2192 Account \u2192 API Management \u2192 Create API \u2192 "System generated" (HMAC).',
    grant: ['Enable Reading'],
    leaveOff: [
      'Enable Spot & Margin Trading',
      'Enable Margin Loan, Repay & Transfer',
      'Enable Futures',
      'Enable European Options',
      'Enable Withdrawals',
      'Enable Internal Transfer',
      'Permits Universal Transfer',
    ],
    ipAllowList:
      'Choose "Restrict access to trusted IPs only" and enter the addresses your compliance team gives you (Vigil\u2019s egress IPs).',
    needsPassphrase: false,
    notes: [
      'Binance shows the secret once: copy it straight into this form.',
      'Sub-account keys are created the same way under Sub Accounts \u2192 API Management.',
    ],
  },
};
