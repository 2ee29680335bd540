import ccxt from 'ccxt';
import type { VenueSpec } from '../venue-spec';
import { bodyField, classifyByVenue, retryAfterFromHeader, type ObservedFailure } from '../exchange-failure';
import { evaluateKucoinScope } from './kucoin.scope';

type Kucoin = InstanceType<typeof ccxt.kucoin>;

/** KuCoin says when its window resets in gw-ratelimit-reset (milliseconds). */
function kucoinWait(observed: ObservedFailure): number | undefined {
  const reset = Number(observed.headers['gw-ratelimit-reset']);
  return Number.isFinite(reset) && reset > 0 ? reset : retryAfterFromHeader(observed.headers['retry-after']);
}

// Rate limiting reaches us from ccxt as a plain ExchangeError: code 429000 decides.
const classify = (observed: ObservedFailure) =>
  classifyByVenue(
    {
      venue: 'kucoin',
      venueCode: (body) => bodyField(body, 'code'),
      authCodes: new Set(['400001', '400003', '400004', '400005', '400006', '400007', '411100']),
      rateLimitCodes: new Set(['429000']),
      clockCodes: new Set(['400002']),
      retryAfterMs: kucoinWait,
    },
    observed,
  );

export const kucoinVenue: VenueSpec<Kucoin> = {
  venue: 'kucoin',
  displayName: 'KuCoin',
  construct: (config) => new ccxt.kucoin(config),
  hasSandbox: false,
  needsPassphrase: true,
  ccxtOptions: { fetchMarkets: { types: ['spot'], fetchTickersFees: false } },
  // KuCoin's HF fill ids exceed 2^53; ccxt turns the exact-digit parse off for KuCoin by default.
  prepare: (exchange) => {
    exchange.quoteJsonNumbers = true;
  },
  scope: { fetch: (exchange) => exchange.privateGetUserApiKey(), evaluate: evaluateKucoinScope },
  refusal: (offending) =>
    `KuCoin says this key has more than the "General" permission: ${offending.join(', ')}. In API Management, create a key with ` +
    `only "General" (leave ${offending.map((p) => `"${p}"`).join(', ')} off), then enter it again.`,
  classify,
  // Accounts moved to KuCoin's HF trading read fills one market at a time.
  // Whether the account moved to high-frequency trading (one signed call; ccxt asks only inside
  // loadMarkets, and caches the answer on the instance).
  loadAccountState: (exchange) => exchange.loadMigrationStatus(),
  tradesPerSymbol: (exchange) => exchange.options.hf === true,
  transfers: 'separate',
  onboarding: {
    venue: 'kucoin',
    displayName: 'KuCoin',
    where: 'Profile \u2192 API Management \u2192 Create API \u2192 "API Trading".',
    grant: ['General'],
    leaveOff: ['Spot Trading', 'Margin Trading', 'Futures Trading', 'Withdrawal', 'Transfer', 'Earn'],
    ipAllowList: 'Choose "IP restriction: Yes" and enter the addresses your compliance team gives you (Vigil\u2019s egress IPs).',
    needsPassphrase: true,
    notes: ['KuCoin asks for an API passphrase when you create the key: enter the same passphrase here.'],
  },
};
