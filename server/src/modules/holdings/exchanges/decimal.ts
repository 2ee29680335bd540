import { MalformedVenueAnswer } from './exchange-failure';
import type { DecimalString } from './exchange-adapter';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A money amount as a decimal string. ccxt hands back strings (the adapter sets
 * `exchange.number = String`); anything else that is not a plain decimal is refused rather than
 * rounded, so a float can never slip into a stored amount.
 */
export function toDecimal(value: unknown, what: string): DecimalString {
  if (typeof value === 'string' && DECIMAL.test(value)) return value;
  // ccxt writes some literals itself (a fee of 0 where the venue states none): exact integers only.
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new MalformedVenueAnswer(`${what}: not a decimal string`);
}

export function toOptionalDecimal(value: unknown, what: string): DecimalString | undefined {
  return value === undefined || value === null ? undefined : toDecimal(value, what);
}

/** "0", "0.000", "-0.0" are zero. */
export function isZeroDecimal(value: DecimalString): boolean {
  return /^-?0+(\.0+)?$/.test(value);
}
