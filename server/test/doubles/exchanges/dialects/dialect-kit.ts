import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DoubleKey, DoubleRequest } from '../double-types';

// Small helpers the dialects share: signatures compared in constant time, header access.

export function hmac(
  algorithm: 'sha256' | 'sha384' | 'sha512',
  key: string | Buffer,
  data: string | Buffer,
  encoding: 'hex' | 'base64',
): string {
  return createHmac(algorithm, key).update(data).digest(encoding);
}

export function sameSignature(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function header(request: DoubleRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Splits 'BTC/USDT' into its assets. */
export function assetsOf(symbol: string): [string, string] {
  const [base, quote] = symbol.split('/');
  if (base === undefined || quote === undefined) throw new Error(`bad symbol ${symbol}`);
  return [base, quote];
}

export const has = (key: DoubleKey, power: 'trade' | 'withdraw' | 'transfer'): boolean => key.permissions.has(power);

export function balancesOf(key: DoubleKey): [string, string][] {
  return Object.entries(key.balances ?? {});
}

const accountStates = new WeakMap<DoubleKey, { state: string; at: number }>();

/**
 * When the account last changed, as a venue reports it (Binance's `updateTime`): the first time
 * the double is asked, then the time it is first asked after the balances, trades or transfers
 * changed (tests change them in place). Never later than `now`, and it moves only on a change.
 */
export function accountChangedAt(key: DoubleKey, now: number): number {
  const state = JSON.stringify([key.balances, key.trades, key.deposits, key.withdrawals]);
  const known = accountStates.get(key);
  if (known?.state === state) return known.at;
  accountStates.set(key, { state, at: now });
  return now;
}

/** Records at or after `since` (ms), as venues filter by start time. */
export function since<T extends { timestamp: number }>(records: T[] | undefined, start: number | undefined): T[] {
  return (records ?? []).filter((r) => start === undefined || r.timestamp >= start);
}

export function numberParam(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
