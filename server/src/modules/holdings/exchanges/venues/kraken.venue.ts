import ccxt from 'ccxt';
import type { VenueSpec } from '../venue-spec';
import { classifyByVenue, type ObservedFailure } from '../exchange-failure';
import { isRecord } from '../scope-evaluation';
import { evaluateKrakenScope } from './kraken.scope';

type Kraken = InstanceType<typeof ccxt.kraken>;

/** Kraken answers { error: ['EAPI:Invalid key'] }, mostly with HTTP 200. */
function krakenCode(body: unknown): string | undefined {
  if (!isRecord(body) || !Array.isArray(body.error)) return undefined;
  const first: unknown = body.error[0];
  return typeof first === 'string' ? first : undefined;
}

const classify = (observed: ObservedFailure) =>
  classifyByVenue(
    {
      venue: 'kraken',
      venueCode: krakenCode,
      authCodes: new Set(['EAPI:Invalid key', 'EAPI:Invalid signature', 'EGeneral:Permission denied', 'EAPI:Feature disabled']),
      rateLimitCodes: new Set([
        'EAPI:Rate limit exceeded',
        'EGeneral:Too many requests',
        'EGeneral:Temporary lockout',
        'EOrder:Rate limit exceeded',
      ]),
      clockCodes: new Set(['EAPI:Invalid nonce']),
    },
    observed,
  );

export const krakenVenue: VenueSpec<Kraken> = {
  venue: 'kraken',
  displayName: 'Kraken',
  construct: (config) => new ccxt.kraken(config),
  hasSandbox: false,
  needsPassphrase: false,
  scope: { fetch: (exchange) => exchange.privatePostGetApiKeyInfo(), evaluate: evaluateKrakenScope },
  refusal: (offending) =>
    `Kraken says this key can do more than query: ${offending.join(', ')}. In Settings \u2192 API, edit the key so that only the ` +
    `"Query" permissions and "Export data" are ticked (untick ${offending.map((p) => `"${p}"`).join(', ')}), then enter it again.`,
  classify,
  tradesPerSymbol: () => false,
  transfers: 'separate',
  onboarding: {
    venue: 'kraken',
    displayName: 'Kraken',
    where: 'Settings \u2192 API \u2192 Create API key (in Kraken Pro: Settings \u2192 Connections & API).',
    grant: ['Query Funds', 'Query Open Orders & Trades', 'Query Closed Orders & Trades', 'Query Ledger Entries', 'Export Data'],
    leaveOff: [
      'Deposit Funds',
      'Withdraw Funds',
      'Earn Funds',
      'Create & Modify Orders',
      'Cancel & Close Orders',
      'Access WebSockets API',
    ],
    ipAllowList: 'Under "IP Whitelisting", enter the addresses your compliance team gives you (Vigil\u2019s egress IPs).',
    needsPassphrase: false,
    notes: ['Leave "Nonce Window" at 0 unless told otherwise; leave the key expiry empty or note the date.'],
  },
};
