import type { Actor } from '@/core/actor';

/**
 * An employee's holdings valued now. `totalValue`: the sum of its priced holdings in the
 * reference currency (a decimal string), null when nothing it holds is priced or the reader may
 * not read balances. `unpricedAssets`: held assets with no price, left out of the sum (never
 * counted as zero); null when the reader may not read balances.
 */
export type EmployeeValue = { totalValue: string | null; unpricedAssets: number | null };

/** The columns employeeValuesSql adds to a row (none when the employee holds nothing). */
export type EmployeeValueColumns = { total_value?: string | null; unpriced_assets?: number | null };

const UNREADABLE: EmployeeValue = { totalValue: null, unpricedAssets: null };

/**
 * The currency a reader's rows are valued in, or null: a reader without balances:read gets no
 * numbers, not zeros (the values are not even computed).
 */
export const valuedInFor = (actor: Actor, referenceCurrency: string): string | null =>
  actor.permissions.has('balances:read') ? referenceCurrency : null;

/** A row's value, read with the currency valuedInFor gave (null: unreadable). */
export const valueOfRow = (row: EmployeeValueColumns, valuedIn: string | null): EmployeeValue =>
  valuedIn === null ? UNREADABLE : { totalValue: row.total_value ?? null, unpricedAssets: Number(row.unpriced_assets ?? 0) };
