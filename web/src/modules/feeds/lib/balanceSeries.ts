import { formatMoney } from './holdingValue';

export type BalancePointLike = { asset: string; at: string; total: string };

export type SeriesPoint = { at: number; value: number };

/** The history split per asset, each in time order; assets sorted by name so the picker is stable. */
export function seriesByAsset(points: readonly BalancePointLike[]): Map<string, SeriesPoint[]> {
  const byAsset = new Map<string, SeriesPoint[]>();
  for (const point of points) {
    const at = Date.parse(point.at);
    const value = Number(point.total);
    if (Number.isNaN(at) || !Number.isFinite(value)) continue;
    const list = byAsset.get(point.asset) ?? [];
    list.push({ at, value });
    byAsset.set(point.asset, list);
  }
  for (const list of byAsset.values()) list.sort((a, b) => a.at - b.at);
  return new Map([...byAsset.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export type ChartBox = { width: number; height: number; padX: number; padY: number };

export type StepChart = {
  /** An SVG path: a snapshot is only written when the balance changed, so it holds until the next one (steps, not slopes). */
  path: string;
  dots: Array<{ x: number; y: number; point: SeriesPoint }>;
  min: number;
  max: number;
  start: number;
  end: number;
};

/**
 * Geometry of one asset's balance over [first snapshot, now], drawn as steps. A flat series gets a
 * band around its value so the line sits mid-chart instead of on an edge; the band never reaches
 * below 0 for a series that does not (a holding is never drawn as owing).
 */
export function stepChart(series: readonly SeriesPoint[], now: number, box: ChartBox): StepChart | null {
  const first = series[0];
  if (!first) return null;
  const start = first.at;
  const end = Math.max(now, series[series.length - 1]?.at ?? now, start + 1);
  const values = series.map((p) => p.value);
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    const band = Math.abs(min) * 0.1 || 1;
    min = min >= 0 ? Math.max(0, min - band) : min - band;
    max += band;
  }
  const x = (at: number) => box.padX + ((at - start) / (end - start)) * (box.width - 2 * box.padX);
  const y = (value: number) => box.height - box.padY - ((value - min) / (max - min)) * (box.height - 2 * box.padY);
  const dots = series.map((point) => ({ x: x(point.at), y: y(point.value), point }));
  const segments = dots.map((dot, i) =>
    i === 0 ? `M${dot.x.toFixed(1)},${dot.y.toFixed(1)}` : `H${dot.x.toFixed(1)}V${dot.y.toFixed(1)}`,
  );
  segments.push(`H${x(end).toFixed(1)}`);
  return { path: segments.join(''), dots, min, max, start, end };
}

export type ValuePointLike = { at: string; value?: string | null; unpricedAssets: number };

/**
 * The employee's total value over time, in time order. A time at which nothing held was priced has
 * no value and is left out: the line never drops to 0 for want of a price.
 */
export function valueSeries(points: readonly ValuePointLike[]): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  for (const point of points) {
    if (point.value === null || point.value === undefined) continue;
    const at = Date.parse(point.at);
    const value = Number(point.value);
    if (Number.isNaN(at) || !Number.isFinite(value)) continue;
    out.push({ at, value });
  }
  return out.sort((a, b) => a.at - b.at);
}

const AMOUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 8 });

/**
 * A value on the chart's scale: money in `currency` (to the cent) for a total, else an asset
 * amount. The scale is printed beside the line because the line is fitted to the series' own range:
 * without it a move of half a percent looks like a fall to nothing.
 */
export function formatScaleValue(value: number, currency: string | null): string {
  if (currency === null) return AMOUNT.format(value);
  return formatMoney(value.toFixed(2), currency);
}
