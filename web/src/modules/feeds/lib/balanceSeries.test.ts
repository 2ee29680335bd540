import { describe, expect, it } from 'vitest';
import { seriesByAsset, stepChart } from './balanceSeries';

const BOX = { width: 100, height: 50, padX: 0, padY: 0 };

describe('seriesByAsset', () => {
  it('should split per asset in time order and skip values it cannot read', () => {
    const series = seriesByAsset([
      { asset: 'USDT', at: '2026-12-02T00:00:00Z', total: '10' },
      { asset: 'BTC', at: '2026-12-02T00:00:00Z', total: '0.5' },
      { asset: 'USDT', at: '2026-12-01T00:00:00Z', total: '5' },
      { asset: 'USDT', at: '2026-12-03T00:00:00Z', total: 'NaN' },
    ]);
    expect([...series.keys()]).toEqual(['BTC', 'USDT']);
    expect(series.get('USDT')?.map((p) => p.value)).toEqual([5, 10]);
  });
});

describe('stepChart', () => {
  it('should draw nothing without points', () => {
    expect(stepChart([], 0, BOX)).toBeNull();
  });

  it('should hold each value until the next snapshot and carry the last one to now', () => {
    const chart = stepChart(
      [
        { at: 0, value: 0 },
        { at: 50, value: 10 },
      ],
      100,
      BOX,
    );
    expect(chart?.path).toBe('M0.0,50.0H50.0V0.0H100.0');
    expect(chart?.dots.map((d) => [d.x, d.y])).toEqual([
      [0, 50],
      [50, 0],
    ]);
  });

  it('should put a flat balance mid-chart instead of on an edge', () => {
    const chart = stepChart([{ at: 0, value: 2 }], 100, BOX);
    expect(chart?.dots[0]?.y).toBeCloseTo(25, 6);
    expect(chart?.path).toBe('M0.0,25.0H100.0');
  });
});
