import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import {
  type BalancePointLike,
  formatScaleValue,
  seriesByAsset,
  stepChart,
  type ValuePointLike,
  valueSeries,
} from '../lib/balanceSeries';
import { formatMoney } from '../lib/holdingValue';

const BOX = { width: 640, height: 160, padX: 8, padY: 14 };
/** Line height of a scale label, px: the labels are centred on the line's top and bottom. */
const SCALE_LINE = 14;

type BalanceChartProps = {
  points: readonly BalancePointLike[];
  /** The employee's total value over time (priced holdings only), shown first. */
  values?: readonly ValuePointLike[];
  /** The reference currency the values are in. */
  currency?: string;
  days: number;
  now: number;
};

const TOTAL = 'Total value';

/**
 * The employee's total value in the reference currency over time (each holding at the price
 * nearest its snapshot; unpriced assets left out, never counted as 0), or one asset's balance,
 * summed over the employee's connections, as a step line (a snapshot holds until the next).
 */
export function BalanceChart({ points, values = [], currency = '', days, now }: BalanceChartProps) {
  const series = useMemo(() => {
    const byAsset = seriesByAsset(points);
    const total = valueSeries(values);
    return total.length > 0 ? new Map([[TOTAL, total], ...byAsset]) : byAsset;
  }, [points, values]);
  // The exact decimal behind each total point, for its label (the line itself is geometry only).
  const exact = useMemo(() => new Map(values.flatMap((v) => (v.value ? [[Date.parse(v.at), v.value] as const] : []))), [values]);
  const unpriced = values.length > 0 ? (values[values.length - 1]?.unpricedAssets ?? 0) : 0;
  const assets = [...series.keys()];
  const [picked, setPicked] = useState<string | null>(null);
  const asset = picked !== null && series.has(picked) ? picked : (assets[0] ?? null);
  if (asset === null) {
    return (
      <Text fz="sm" c="dimmed" data-testid="balance-chart-empty">
        No balance history in the last {days} days yet: the chart fills in as polls record snapshots.
      </Text>
    );
  }
  const chart = stepChart(series.get(asset) ?? [], now, BOX);
  const scale = (value: number) => formatScaleValue(value, asset === TOTAL ? currency : null);
  return (
    <Stack gap={6} data-testid="balance-chart">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fz="xs" c="dimmed">
          {asset === TOTAL
            ? `Total value${currency ? ` (${currency})` : ''} over the last ${days} days${
                unpriced > 0 ? `, without ${unpriced} unpriced asset${unpriced === 1 ? '' : 's'}` : ''
              }`
            : `${asset} held over the last ${days} days`}
        </Text>
        {assets.length > 1 && (
          <SegmentedControl size="xs" data={assets} value={asset} onChange={setPicked} data-testid="balance-chart-asset" />
        )}
      </Group>
      {chart && (
        <Group gap={6} wrap="nowrap" align="flex-start">
          {/* The scale beside the line, level with its top and bottom: the line spans the series'
              own range, so without it a move of half a percent looks like a fall to nothing. */}
          <Stack
            h={BOX.height}
            justify="space-between"
            gap={0}
            style={{ paddingBlock: BOX.padY - SCALE_LINE / 2 }}
            data-testid="balance-chart-scale"
          >
            <Text fz={11} lh={`${SCALE_LINE}px`} c="dimmed" ta="right" data-testid="balance-chart-max">
              {scale(chart.max)}
            </Text>
            <Text fz={11} lh={`${SCALE_LINE}px`} c="dimmed" ta="right" data-testid="balance-chart-min">
              {scale(chart.min)}
            </Text>
          </Stack>
          <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
            <svg
              viewBox={`0 0 ${BOX.width} ${BOX.height}`}
              width="100%"
              height={BOX.height}
              preserveAspectRatio="none"
              role="img"
              aria-label={`${asset === TOTAL ? `Total value${currency ? ` (${currency})` : ''} of the` : asset} balance from ${formatDateTime(new Date(chart.start).toISOString())} to now, between ${scale(chart.min)} and ${scale(chart.max)}`}
              style={{ display: 'block', background: 'var(--mantine-color-gray-0)', borderRadius: 4 }}
            >
              <path
                d={chart.path}
                fill="none"
                stroke="var(--mantine-color-blue-6)"
                strokeWidth={2}
                vectorEffect="non-scaling-stroke"
              />
              {chart.dots.map((dot) => (
                <circle key={dot.point.at} cx={dot.x} cy={dot.y} r={3} fill="var(--mantine-color-blue-6)">
                  <title>{`${
                    asset === TOTAL
                      ? formatMoney(exact.get(dot.point.at) ?? String(dot.point.value), currency)
                      : `${String(dot.point.value)} ${asset}`
                  } at ${formatDateTime(new Date(dot.point.at).toISOString())}`}</title>
                </circle>
              ))}
            </svg>
            <Group justify="space-between">
              <Text fz={11} c="dimmed">
                {formatDateTime(new Date(chart.start).toISOString())}
              </Text>
              <Text fz={11} c="dimmed">
                now
              </Text>
            </Group>
          </Stack>
        </Group>
      )}
    </Stack>
  );
}
