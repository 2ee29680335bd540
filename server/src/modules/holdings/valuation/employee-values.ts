import type { Actor } from '@/core/actor';
import type { AlongsideWrite, RequestDb } from '@/lib/db/request-db';
import { employeeValuesSql } from './valuation.queries';

/**
 * An employee's holdings valued now. `totalValue`: the sum of its priced holdings in the
 * reference currency (a decimal string), null when nothing it holds is priced or the reader may
 * not read balances. `unpricedAssets`: held assets with no price, left out of the sum (never
 * counted as zero); null when the reader may not read balances.
 */
export type EmployeeValue = { totalValue: string | null; unpricedAssets: number | null };

const UNREADABLE: EmployeeValue = { totalValue: null, unpricedAssets: null };
const NOTHING_HELD: EmployeeValue = { totalValue: null, unpricedAssets: 0 };

/**
 * The values of a page of employees in one query, under the reader's RLS scope. A reader without
 * balances:read gets no numbers, not zeros: the query is not even run.
 */
export async function employeeValues(
  db: RequestDb,
  actor: Actor,
  employeeIds: readonly string[],
  referenceCurrency: string,
  alongside?: AlongsideWrite,
): Promise<(id: string) => EmployeeValue> {
  if (employeeIds.length === 0 || !actor.permissions.has('balances:read')) return () => UNREADABLE;
  const rows = await db.readRows<{ employee_id: string; total_value: string | null; unpriced_assets: number }>(
    employeeValuesSql(employeeIds, referenceCurrency),
    alongside,
  );
  const byId = new Map(
    rows.map((r) => [r.employee_id, { totalValue: r.total_value, unpricedAssets: Number(r.unpriced_assets) }]),
  );
  return (id) => byId.get(id) ?? NOTHING_HELD;
}
