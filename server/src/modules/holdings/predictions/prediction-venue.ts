/**
 * A prediction-market position held by an address, as one venue reported it. Every figure is a
 * canonical decimal string (`decimal-text.ts`): exact, never a float.
 */
export type PredictionPosition = {
  /** The market (Polymarket: its condition id, 0x + 64 hex). */
  conditionId: string;
  /** The outcome token held (Polymarket: its ERC-1155 id, decimal digits). */
  asset: string;
  /** The market's title. */
  market: string;
  outcome: string;
  /** Shares held. */
  size: string;
  avgPrice: string;
  currentValue: string;
  curPrice: string | null;
};

export type PredictionVenueId = 'polymarket';

/**
 * The port to a prediction venue. It takes an address and nothing else, so no request can carry
 * anything about the person who holds it (H17). It answers every position the address holds, or
 * throws PredictionVenueError: never a part of them.
 */
export type PredictionVenue = {
  readonly id: PredictionVenueId;
  positions(address: string): Promise<PredictionPosition[]>;
};

/** A read that failed; its message is safe to show on the feed-health page (no URL, no venue text). */
export class PredictionVenueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PredictionVenueError';
  }
}

/** The venue asked us to slow down (HTTP 429); `retryAfterMs` when it said for how long. */
export class PredictionVenueRateLimited extends PredictionVenueError {
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message);
    this.name = 'PredictionVenueRateLimited';
  }
}
