import ccxt from 'ccxt';
import type { VenueSpec } from '../venue-spec';
import { bodyField, classifyByVenue, type ObservedFailure } from '../exchange-failure';
import { evaluateOkxScope } from './okx.scope';

type Okx = InstanceType<typeof ccxt.okx>;

const LABELS: Record<string, string> = { trade: 'Trade', withdraw: 'Withdraw' };
const label = (perm: string) => LABELS[perm] ?? perm;

const classify = (observed: ObservedFailure) =>
  classifyByVenue(
    {
      venue: 'okx',
      venueCode: (body) => bodyField(body, 'code'),
      authCodes: new Set([
        '50100',
        '50101',
        '50103',
        '50104',
        '50105',
        '50106',
        '50107',
        '50111',
        '50113',
        '50114',
        '50119',
        '50120',
      ]),
      rateLimitCodes: new Set(['50011', '50061']),
      clockCodes: new Set(['50102', '50112']),
    },
    observed,
  );

export const okxVenue: VenueSpec<Okx> = {
  venue: 'okx',
  displayName: 'OKX',
  construct: (config) => new ccxt.okx(config),
  hasSandbox: true,
  needsPassphrase: true,
  ccxtOptions: { fetchMarkets: { types: ['spot'] } },
  scope: { fetch: (exchange) => exchange.privateGetAccountConfig(), evaluate: evaluateOkxScope },
  refusal: (offending) =>
    `OKX says this key has more than "Read" permission: ${offending.map(label).join(', ')}. In API management, create a key with ` +
    `only "Read" ticked (leave ${offending.map((p) => `"${label(p)}"`).join(' and ')} off), then enter it again.`,
  classify,
  tradesPerSymbol: () => false,
  transfers: 'separate',
  onboarding: {
    venue: 'okx',
    displayName: 'OKX',
    where:
      'Profile \u2192 API \u2192 Create V5 API key, purpose "API trading" (for a sub-account: Sub-accounts \u2192 API management).',
    grant: ['Read'],
    leaveOff: ['Trade', 'Withdraw'],
    ipAllowList:
      'Bind the key to the IP addresses your compliance team gives you (Vigil\u2019s egress IPs); OKX deletes unbound keys after 14 days of inactivity.',
    needsPassphrase: true,
    notes: ['OKX asks you to choose a passphrase for the key: enter the same passphrase here.'],
  },
};
