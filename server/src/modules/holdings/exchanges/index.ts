// The exchange layer's public surface, for the holdings services, jobs and the onboarding page.
export type {
  ActivityCursor,
  ActivityPage,
  BalanceLine,
  BalanceSnapshot,
  DecimalString,
  ExchangeAdapter,
  ExchangeCredentials,
  ExchangeFailure,
  ExchangeFailureKind,
  JsonValue,
  OnboardingSteps,
  PollOutcome,
  ScopeProof,
  ScopeVerdict,
  TradeRecord,
  TransferRecord,
  VenueId,
} from './exchange-adapter';
export { ExchangeFailureError } from './exchange-failure';
export { adapterFor, EXCHANGE_VENUES, isVenueId, onboardingSteps, type AdapterSettings } from './exchange-venues';
export { EXCHANGE_API_BASE_ENV, exchangeBaseUrlsFromEnv, type ExchangeBaseUrls } from '@/config/exchange-api-base';
