import type { ScopeProof } from '../exchanges/exchange-adapter';

/** The scope proof as stored with a connection: what the venue answered and when (secret-free). */
export const scopeProofRecord = (proof: ScopeProof): Record<string, unknown> => ({
  verdict: proof.verdict,
  venueAnswer: proof.venueAnswer,
  offending: proof.offending,
  checkedAt: proof.checkedAt.toISOString(),
  expiresAt: proof.expiresAt?.toISOString() ?? null,
});
