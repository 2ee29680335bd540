import ccxt from 'ccxt';
import type { VenueSpec } from '../venue-spec';
import { bodyField, classifyByVenue, type ObservedFailure } from '../exchange-failure';
import { isRecord } from '../scope-evaluation';
import { evaluateCoinbaseScope } from './coinbase.scope';

type Coinbase = InstanceType<typeof ccxt.coinbase>;

const LABELS: Record<string, string> = { can_trade: 'Trade', can_transfer: 'Transfer' };
const label = (flag: string) => LABELS[flag] ?? flag;

/** v3 answers { error }, v2 answers { errors: [{ id, message }] }; an expired timestamp is a clock problem. */
function coinbaseCode(body: unknown): string | undefined {
  if (isRecord(body) && Array.isArray(body.errors) && isRecord(body.errors[0])) {
    const first = body.errors[0];
    return first.message === 'request timestamp expired' ? 'timestamp_expired' : bodyField(first, 'id');
  }
  return bodyField(body, 'error');
}

const classify = (observed: ObservedFailure) =>
  classifyByVenue(
    {
      venue: 'coinbase',
      venueCode: coinbaseCode,
      authCodes: new Set([
        'UNAUTHENTICATED',
        'unauthorized',
        'authentication_error',
        'invalid_token',
        'revoked_token',
        'expired_token',
        'PERMISSION_DENIED',
      ]),
      rateLimitCodes: new Set(['RESOURCE_EXHAUSTED', 'rate_limit_exceeded', 'resource_exhausted']),
      clockCodes: new Set(['timestamp_expired']),
    },
    observed,
  );

export const coinbaseVenue: VenueSpec<Coinbase> = {
  venue: 'coinbase',
  displayName: 'Coinbase Advanced Trade',
  construct: (config) => new ccxt.coinbase(config),
  hasSandbox: false,
  needsPassphrase: false,
  // Advanced Trade accounts: unlike ccxt's default (v2 wallets) they report holds as used.
  ccxtOptions: { fetchBalance: 'v3PrivateGetBrokerageAccounts' },
  scope: { fetch: (exchange) => exchange.v3PrivateGetBrokerageKeyPermissions(), evaluate: evaluateCoinbaseScope },
  refusal: (offending) =>
    `Coinbase says this key can do more than view: ${offending.map(label).join(', ')}. Create a new key in the Coinbase Developer ` +
    `Platform with only the "View" permission (leave ${offending.map((f) => `"${label(f)}"`).join(' and ')} unticked) and enter it again.`,
  classify,
  tradesPerSymbol: () => false,
  // Deposits and withdrawals live on each currency's account (v2 transactions). Amounts of
  // withdrawals are gross of the network fee, which is reported separately.
  transfers: 'combined_per_currency',
  onboarding: {
    venue: 'coinbase',
    displayName: 'Coinbase Advanced Trade',
    where:
      'Coinbase Developer Platform (portal.cdp.coinbase.com) \u2192 API Keys \u2192 Create API key, for the portfolio to oversee.',
    grant: ['View'],
    leaveOff: ['Trade', 'Transfer'],
    ipAllowList: 'Under "Advanced settings", add the IP allow-list your compliance team gives you (Vigil\u2019s egress IPs).',
    needsPassphrase: false,
    notes: [
      'Paste the key name (organizations/\u2026/apiKeys/\u2026) as the API key and the whole private key (ECDSA or Ed25519) as the secret.',
      'A key covers one portfolio: add one connection per portfolio.',
    ],
  },
};
