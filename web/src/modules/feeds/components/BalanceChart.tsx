import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { type BalancePointLike, seriesByAsset, stepChart } from '../lib/balanceSeries';

const BOX = { width: 640, height: 160, padX: 8, padY: 14 };

type BalanceChartProps = { points: readonly BalancePointLike[]; days: number; now: number };

/**
 * One asset's balance over time, summed over the employee's connections, as a step line (a snapshot
 * holds until the next). Assets are not summed together: without prices that would add BTC to USDT.
 */
export function BalanceChart({ points, days, now }: BalanceChartProps) {
  const series = useMemo(() => seriesByAsset(points), [points]);
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
  return (
    <Stack gap={6} data-testid="balance-chart">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fz="xs" c="dimmed">
          {asset} held over the last {days} days
        </Text>
        {assets.length > 1 && (
          <SegmentedControl size="xs" data={assets} value={asset} onChange={setPicked} data-testid="balance-chart-asset" />
        )}
      </Group>
      {chart && (
        <svg
          viewBox={`0 0 ${BOX.width} ${BOX.height}`}
          width="100%"
          height={BOX.height}
          preserveAspectRatio="none"
          role="img"
          aria-label={`${asset} balance from ${formatDateTime(new Date(chart.start).toISOString())} to now, between ${chart.min} and ${chart.max}`}
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
              <title>{`${String(dot.point.value)} ${asset} at ${formatDateTime(new Date(dot.point.at).toISOString())}`}</title>
            </circle>
          ))}
        </svg>
      )}
      {chart && (
        <Group justify="space-between">
          <Text fz={11} c="dimmed">
            {formatDateTime(new Date(chart.start).toISOString())}
          </Text>
          <Text fz={11} c="dimmed">
            now
          </Text>
        </Group>
      )}
    </Stack>
  );
}
