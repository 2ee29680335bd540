import { describe, expect, it } from 'vitest';
import { formatDateTime } from '@/ui/lib/formatDateTime';
import { alertDetailValue } from './alertDetailValue';

describe('alertDetailValue', () => {
  it('should show an ISO timestamp as a date and time, and any other value as given', () => {
    expect(alertDetailValue('2026-12-04T03:08:24.286Z')).toBe(formatDateTime('2026-12-04T03:08:24.286Z'));
    expect(alertDetailValue('2026-12-04T03:08:24.286Z')).not.toContain('T03');
    expect(alertDetailValue('Binance')).toBe('Binance');
    expect(alertDetailValue('binance: key not accepted (venue code -2015) at 2026-12-04T03:08:24Z')).toContain('2026-12-04T03');
    expect(alertDetailValue('2026-12-04')).toBe('2026-12-04');
  });
});
