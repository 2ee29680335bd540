import { describe, expect, it } from 'vitest';
import { formatScaleValue, seriesByAsset, stepChart } from './balanceSeries';

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

describe('the flat band and the scale', () => {
  it('should band a flat series around its value but never below 0 when it holds nothing', () => {
    const flat = stepChart([{ at: 0, value: 100 }], 100, BOX);
    expect([flat?.min, flat?.max]).toEqual([90, 110]);
    const empty = stepChart([{ at: 0, value: 0 }], 100, BOX);
    expect([empty?.min, empty?.max]).toEqual([0, 1]);
    const owing = stepChart([{ at: 0, value: -10 }], 100, BOX);
    expect([owing?.min, owing?.max]).toEqual([-11, -9]);
  });

  it('should print a total to the cent in its currency and an asset amount to 8 decimals', () => {
    expect(formatScaleValue(102995.767845, 'USD')).toBe('$102,995.77');
    expect(formatScaleValue(1234.5, 'CHF')).toBe('1,234.50 CHF');
    expect(formatScaleValue(0.123456789, null)).toBe('0.12345679');
    expect(formatScaleValue(15230.55, null)).toBe('15,230.55');
  });
});
