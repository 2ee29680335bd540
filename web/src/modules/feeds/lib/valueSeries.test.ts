import { describe, expect, it } from 'vitest';
import { valueSeries } from './balanceSeries';

describe('valueSeries', () => {
  it('should leave out a time with no priced holding instead of drawing it as 0', () => {
    const series = valueSeries([
      { at: '2026-12-02T00:00:00Z', value: '20752.02502', unpricedAssets: 1 },
      { at: '2026-12-01T00:00:00Z', value: null, unpricedAssets: 2 },
      { at: '2026-12-03T00:00:00Z', value: '36751.97502', unpricedAssets: 1 },
    ]);
    expect(series.map((p) => p.value)).toEqual([20752.02502, 36751.97502]);
    expect(series.map((p) => new Date(p.at).toISOString())).toEqual(['2026-12-02T00:00:00.000Z', '2026-12-03T00:00:00.000Z']);
  });

  it('should give no series when nothing was ever priced', () => {
    expect(valueSeries([{ at: '2026-12-01T00:00:00Z', value: null, unpricedAssets: 3 }])).toEqual([]);
  });
});
