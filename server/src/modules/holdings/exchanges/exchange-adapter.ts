// The port every exchange venue implements. Services, jobs and the console's onboarding page
// talk to venues only through this type; ccxt stays behind it.

export type VenueId = 'binance' | 'coinbase' | 'kraken' | 'okx' | 'bybit' | 'kucoin' | 'gemini';

/** What an employee pastes in. Never logged, never kept when the scope check refuses the key. */
export type ExchangeCredentials = {
  apiKey: string;
  secret: string;
  /** OKX and KuCoin require one (ccxt `password`); the other venues ignore it. */
  passphrase?: string;
  /** Use the venue's testnet (ccxt setSandboxMode); refused for venues without one. */
  sandbox?: boolean;
};

/** A JSON-safe value: what a scope proof stores of the venue's answer. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * read_only: the venue said the key can read and nothing else.
 * too_broad: the venue said the key can do more; `offending` names what, in the venue's words.
 * unknown: the venue's answer was missing, failed or made no sense. Never treated as safe.
 * unverifiable: the venue has no permission endpoint (the caller stores scope_unverified).
 */
export type ScopeVerdict = 'read_only' | 'too_broad' | 'unknown' | 'unverifiable';

export type ScopeProof = {
  verdict: ScopeVerdict;
  /** A whitelisted, secret-free summary of what the venue answered (never the key itself). */
  venueAnswer: JsonValue;
  checkedAt: Date;
  /** The permissions to turn off, in the venue's own words; empty unless too_broad. */
  offending: string[];
  /** When the venue says the key (or its trading authority) expires. */
  expiresAt?: Date;
  /** Why the verdict is unknown, for the "could not verify, try again" message. */
  failure?: ExchangeFailure;
  /** A message an employee can act on: what to turn off, or why verification failed. */
  message: string;
};

export type ExchangeFailureKind = 'auth_failed' | 'rate_limited' | 'error';

export type ExchangeFailure = {
  kind: ExchangeFailureKind;
  /** Set when the venue said how long to wait (Retry-After or its own field). */
  retryAfterMs?: number;
  /** The venue's own error code, when it gave one (e.g. Binance "-2015", KuCoin "429000"). */
  venueCode?: string;
  /** A short secret-free description (venue and error class, never request headers or keys). */
  message: string;
};

/** A decimal number as the venue wrote it, e.g. "0.10000000"; never a JS float. */
export type DecimalString = string;

export type BalanceLine = {
  /** ccxt's unified currency code (e.g. BTC, even where the venue says XXBT). */
  asset: string;
  free: DecimalString;
  used: DecimalString;
  total: DecimalString;
};

export type BalanceSnapshot = { fetchedAt: Date; lines: BalanceLine[] };

export type TradeRecord = {
  /** The venue's own trade (fill) id, always a string (KuCoin's exceed 2^53). */
  venueId: string;
  orderId?: string;
  symbol: string;
  side: 'buy' | 'sell';
  amount: DecimalString;
  price: DecimalString;
  cost?: DecimalString;
  fee?: { asset: string; amount: DecimalString };
  timestamp: Date;
};

export type TransferRecord = {
  kind: 'deposit' | 'withdrawal';
  /**
   * The venue's own id, or, where the venue gives none (KuCoin deposits), "txid:<txid>", so
   * upserting by (connection, kind, venueId) still matches the same transfer on the next poll.
   */
  venueId: string;
  txid?: string;
  asset: string;
  amount: DecimalString;
  fee?: { asset: string; amount: DecimalString };
  network?: string;
  address?: string;
  status: 'pending' | 'ok' | 'failed' | 'canceled' | 'unknown';
  timestamp: Date;
};

/**
 * Opaque to callers: store it as given, pass it back on the next poll. Reads are inclusive of
 * the stored instant, so the caller upserts by venue id and a record on the boundary is not lost.
 */
export type ActivityCursor = string;

export type ActivityPage = {
  trades: TradeRecord[];
  deposits: TransferRecord[];
  withdrawals: TransferRecord[];
  /** The cursor to store once these records are committed (not before). */
  cursor: ActivityCursor;
};

/** What the console's onboarding page shows for a venue. Plain data. */
export type OnboardingSteps = {
  venue: VenueId;
  displayName: string;
  /** Where in the venue's settings the key is created. */
  where: string;
  /** The permission(s) to grant, in the venue's words. */
  grant: string[];
  /** Everything to leave off, in the venue's words. */
  leaveOff: string[];
  ipAllowList: string;
  needsPassphrase: boolean;
  /** Anything else the employee must know (key kind, expiry). */
  notes: string[];
};

/**
 * One polling cycle's work for a connection, on one ccxt instance. ok: everything read;
 * scope_refused: the key is no longer provably read-only (widened: suspend it; unknown with an
 * auth failure: the confirmation the health check wants), nothing else was read; failed: the
 * scope held but a read failed, and nothing is returned (the last good snapshot stays).
 */
export type PollOutcome =
  | { status: 'ok'; scope: ScopeProof; balances: BalanceSnapshot; activity: ActivityPage }
  | { status: 'scope_refused'; scope: ScopeProof }
  | { status: 'failed'; scope: ScopeProof; failure: ExchangeFailure };

/** A venue's answer as the request guard sees it: status, lower-cased headers, parsed body. */
export type VenueAnswer = { status: number; headers: Record<string, string>; body: unknown };

/**
 * Thrown by a guard's beforeRequest: this request is not sent (a gate is closed, or the venue's
 * budget is spent for longer than a request may wait). `waitMs`: when it could be sent.
 */
export class RequestNotSent extends Error {
  override readonly name = 'RequestNotSent';
  constructor(
    readonly reason: 'gate' | 'budget',
    readonly waitMs: number,
  ) {
    super(reason === 'gate' ? 'not sent: the venue asked us to wait' : "not sent: the venue's request budget is spent");
  }
}

/**
 * The poller's hold on one poll's requests (its own per-venue and per-key limiter and gates).
 * The adapter sends one request of an instance at a time, asks `beforeRequest` before each, and
 * after an answer the venue's rules read as "slow down" sends nothing more on that instance.
 */
export type RequestGuard = {
  /** Resolves when the request may go (after pacing); throws RequestNotSent to send nothing. */
  beforeRequest(request: { url: string; method: string }): Promise<void>;
  /** The venue answered "slow down" (429/418, or its own code): called once, synchronously. */
  rateLimited(answer: VenueAnswer, failure: ExchangeFailure): void;
  /**
   * The local IP address every request is sent from (the egress the guard counts them against);
   * undefined: whichever the OS chooses.
   */
  readonly localAddress?: string | undefined;
};

export type ExchangeAdapter = {
  readonly venue: VenueId;
  readonly displayName: string;
  readonly needsPassphrase: boolean;
  readonly hasSandbox: boolean;
  readonly onboarding: OnboardingSteps;
  /**
   * Asks the venue for the key's effective permissions. Never throws for a venue failure. With a
   * guard (the poller's confirmation of an auth failure), paced, gated and sent from its address.
   */
  checkScope(credentials: ExchangeCredentials, guard?: RequestGuard): Promise<ScopeProof>;
  /** Throws ExchangeFailureError (classified by venue) when the venue refuses or fails. */
  fetchBalances(credentials: ExchangeCredentials): Promise<BalanceSnapshot>;
  /** Trades, deposits and withdrawals since the cursor (undefined: from the venue's earliest). */
  fetchActivitySince(credentials: ExchangeCredentials, cursor: ActivityCursor | undefined): Promise<ActivityPage>;
  /**
   * Scope, balances and activity in one go, on one ccxt instance: what a poll job calls. With a
   * guard, every request is paced and gated by it (the poller's limiter replaces ccxt's).
   */
  poll(credentials: ExchangeCredentials, cursor: ActivityCursor | undefined, guard?: RequestGuard): Promise<PollOutcome>;
};
