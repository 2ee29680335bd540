import ccxt from 'ccxt';
import type { VenueSpec } from '../venue-spec';
import { bodyField, classifyByVenue, retryAfterFromHeader, type ObservedFailure } from '../exchange-failure';
import { evaluateBybitScope } from './bybit.scope';

type Bybit = InstanceType<typeof ccxt.bybit>;

/** Bybit bans an IP that breaks its limit for at least ten minutes, answering 403 without a wait. */
const IP_BAN_MS = 10 * 60_000;

function bybitWait(observed: ObservedFailure): number | undefined {
  const reset = Number(observed.headers['x-bapi-limit-reset-timestamp']);
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset - Date.now());
  return retryAfterFromHeader(observed.headers['retry-after']) ?? (observed.status === 403 ? IP_BAN_MS : undefined);
}

const classify = (observed: ObservedFailure) =>
  classifyByVenue(
    {
      venue: 'bybit',
      venueCode: (body) => bodyField(body, 'retCode'),
      authCodes: new Set(['10003', '10004', '10005', '10007', '10009', '10010', '33004']),
      rateLimitCodes: new Set(['10006', '10018']),
      rateLimitStatuses: new Set([403]),
      clockCodes: new Set(['10002']),
      retryAfterMs: bybitWait,
    },
    observed,
  );

export const bybitVenue: VenueSpec<Bybit> = {
  venue: 'bybit',
  displayName: 'Bybit',
  construct: (config) => new ccxt.bybit(config),
  hasSandbox: true,
  needsPassphrase: false,
  ccxtOptions: { fetchMarkets: { types: ['spot'] } },
  scope: { fetch: (exchange) => exchange.privateGetV5UserQueryApi(), evaluate: evaluateBybitScope },
  refusal: (offending) =>
    `Bybit says this key can do more than read: ${offending.join(', ')}. In API Management, create a system-generated key with ` +
    `"Read-Only" chosen and no Wallet permission (no Account Transfer, Subaccount Transfer or Withdrawal), then enter it again.`,
  classify,
  tradesPerSymbol: () => false,
  // Spot fills only, like the markets loaded; derivatives come with their own issue.
  myTradesParams: { category: 'spot' },
  transfers: 'separate',
  onboarding: {
    venue: 'bybit',
    displayName: 'Bybit',
    where:
      'Profile \u2192 API \u2192 Create New Key \u2192 "System-generated API Keys" \u2192 "Connect to Third-Party Applications" or "API Transaction".',
    grant: ['Read-Only'],
    leaveOff: ['Read-Write', 'Wallet: Account Transfer', 'Wallet: Subaccount Transfer', 'Wallet: Withdrawal'],
    ipAllowList:
      'Choose "Only IPs with permissions granted" and enter the addresses your compliance team gives you; a key without IPs expires after 90 days.',
    needsPassphrase: false,
    notes: ['Vigil shows the key\u2019s expiry date when Bybit reports one.'],
  },
};
