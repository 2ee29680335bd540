import ccxt from 'ccxt';
import type { VenueSpec } from '../venue-spec';
import { bodyField, classifyByVenue, type ObservedFailure } from '../exchange-failure';
import { evaluateGeminiScope } from './gemini.scope';

type Gemini = InstanceType<typeof ccxt.gemini>;

const LABELS: Record<string, string> = { isTrader: 'Trader', isFundManager: 'Fund Manager', isAuditor: 'Auditor' };
const label = (role: string) => LABELS[role] ?? role.replace(/^is/, '');

const classify = (observed: ObservedFailure) =>
  classifyByVenue(
    {
      venue: 'gemini',
      venueCode: (body) => bodyField(body, 'reason'),
      authCodes: new Set([
        'InvalidApiKey',
        'InvalidSignature',
        'MissingApikeyHeader',
        'MissingPayloadHeader',
        'MissingSignatureHeader',
        'MissingRole',
        'AccountNotFound',
      ]),
      rateLimitCodes: new Set(['RateLimit', 'RateLimited']),
      clockCodes: new Set(['InvalidNonce']),
      authStatuses: new Set([401, 403]),
    },
    observed,
  );

export const geminiVenue: VenueSpec<Gemini> = {
  venue: 'gemini',
  displayName: 'Gemini',
  construct: (config) => new ccxt.gemini(config),
  hasSandbox: true,
  needsPassphrase: false,
  // No scraping of Gemini's web pages for currencies: markets come from /v1/symbols.
  ccxtOptions: { fetchCurrencies: { webApiEnable: false }, fetchUsdtMarkets: [] },
  scope: { fetch: (exchange) => exchange.privatePostV1Roles(), evaluate: evaluateGeminiScope },
  refusal: (offending) =>
    `Gemini says this key has more than the Auditor role: ${offending.map(label).join(', ')}. Create an account-level key with the ` +
    `"Auditor" role only, then enter it again.`,
  classify,
  tradesPerSymbol: () => true,
  transfers: 'combined',
  onboarding: {
    venue: 'gemini',
    displayName: 'Gemini',
    where: 'Account \u2192 Settings \u2192 API \u2192 Create API key, scope "Primary account" (account-level, not master).',
    grant: ['Auditor'],
    leaveOff: ['Trader', 'Fund Manager', 'Administrator'],
    ipAllowList: 'Gemini has no IP allow-list for account keys: keep the key to the Auditor role, which can never move funds.',
    needsPassphrase: false,
    notes: [
      'Only account-scoped keys (they start with "account-") work; master keys are refused.',
      'Tick "Requires heartbeat" off.',
    ],
  },
};
