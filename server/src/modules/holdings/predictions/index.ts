export { PolymarketVenue, type PolymarketVenueOptions } from './polymarket-venue';
export { PredictionIngest, type PredictionReadOutcome } from './prediction-ingest';
export {
  PredictionVenueError,
  PredictionVenueRateLimited,
  type PredictionPosition,
  type PredictionVenue,
  type PredictionVenueId,
} from './prediction-venue';
export { PredictionResolver } from './prediction.resolver';
