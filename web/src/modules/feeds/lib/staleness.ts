import { formatDateTime } from '@/ui/lib/formatDateTime';

type ConnectionHealth = { failingSince: string | null; status: string };

/**
 * "Stale since …" for balances whose connection is failing: the last good snapshot stays on screen
 * (a failed poll never overwrites it), so it must say it is old. Null while the connection is fine.
 */
export function staleText(connection: ConnectionHealth | undefined, fetchedAt: string): string | null {
  if (!connection) return null;
  if (connection.failingSince === null && connection.status !== 'broken' && connection.status !== 'suspended') return null;
  return `Stale since ${formatDateTime(connection.failingSince ?? fetchedAt)}`;
}
