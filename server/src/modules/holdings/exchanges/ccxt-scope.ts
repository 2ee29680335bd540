import type { Exchange } from 'ccxt';
import type { ExchangeCredentials, ScopeProof } from './exchange-adapter';
import { observe, type Instrumented } from './ccxt-instance';
import type { VenueSpec } from './venue-spec';

const COULD_NOT_VERIFY = 'Could not verify this key\u2019s permissions with the exchange; nothing was stored. Try again.';
const couldNotVerify = (reason: string | undefined) =>
  reason === undefined ? COULD_NOT_VERIFY : COULD_NOT_VERIFY.replace('; nothing', ` (${reason}); nothing`);

/** Whether the venue can prove this key's scope at all (no endpoint, or a testnet without it). */
export function scopeProvable<E extends Exchange>(spec: VenueSpec<E>, credentials: ExchangeCredentials): boolean {
  return spec.scope !== undefined && !(credentials.sandbox === true && spec.scope.onTestnet === false);
}

export function unverifiableProof<E extends Exchange>(spec: VenueSpec<E>): ScopeProof {
  const where = spec.scope === undefined ? spec.displayName : `${spec.displayName}'s testnet`;
  return {
    verdict: 'unverifiable',
    venueAnswer: null,
    checkedAt: new Date(),
    offending: [],
    message: `${where} has no permission endpoint; the key's scope cannot be proved.`,
  };
}

/** Asks the venue's permission endpoint on the given instance. Never throws for a venue failure. */
export async function proveScope<E extends Exchange>(spec: VenueSpec<E>, instance: Instrumented<E>): Promise<ScopeProof> {
  const checkedAt = new Date();
  const scope = spec.scope;
  if (scope === undefined) return unverifiableProof(spec);
  let answer: unknown;
  try {
    answer = await scope.fetch(instance.exchange);
  } catch (err) {
    const failure = spec.classify(observe(err, instance.last));
    return { verdict: 'unknown', venueAnswer: null, checkedAt, offending: [], failure, message: COULD_NOT_VERIFY };
  }
  const evaluation = scope.evaluate(answer);
  const message =
    evaluation.verdict === 'too_broad'
      ? spec.refusal(evaluation.offending)
      : evaluation.verdict === 'read_only'
        ? `${spec.displayName} says this key is read-only.`
        : couldNotVerify(evaluation.reason);
  return { ...evaluation, checkedAt, message };
}
