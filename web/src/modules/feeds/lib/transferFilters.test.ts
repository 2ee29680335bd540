import { describe, expect, it } from 'vitest';
import { NO_TRANSFER_FILTER, transferFilterProblem, transferFilterVariables } from './transferFilters';

describe('transferFilterVariables', () => {
  it('should send no filter for empty fields', () => {
    expect(transferFilterVariables({ ...NO_TRANSFER_FILTER, asset: '  ' })).toEqual({
      kind: null,
      asset: null,
      from: null,
      to: null,
    });
  });

  it('should upper-case the asset, keep the kind and make the end date inclusive of its whole day', () => {
    const vars = transferFilterVariables({ kind: 'withdrawal', asset: ' eth ', fromDate: '2026-12-01', toDate: '2026-12-03' });
    expect(vars).toEqual({
      kind: 'withdrawal',
      asset: 'ETH',
      from: new Date(2026, 11, 1).toISOString(),
      to: new Date(2026, 11, 4).toISOString(),
    });
  });
});

describe('transferFilterProblem', () => {
  it('should refuse a range that ends before it starts, and an asset code too long to exist', () => {
    expect(transferFilterProblem({ ...NO_TRANSFER_FILTER, fromDate: '2026-12-03', toDate: '2026-12-01' })).toMatch(
      /after the end/,
    );
    expect(transferFilterProblem({ ...NO_TRANSFER_FILTER, asset: 'X'.repeat(33) })).toMatch(/32 characters/);
    expect(
      transferFilterProblem({ ...NO_TRANSFER_FILTER, asset: 'USDT', fromDate: '2026-12-01', toDate: '2026-12-01' }),
    ).toBeNull();
  });
});
