import { useMediaQuery } from '@mantine/hooks';

/**
 * Whether a list should show its rows as stacked cards: below Mantine's `sm` breakpoint (48em),
 * where the navbar collapses too. A wide table there scrolls sideways and hides its right-hand
 * columns (a status, the actions) until the reader scrolls; a card keeps them in view.
 */
export const useStackedRows = (): boolean => useMediaQuery('(max-width: 48em)');

/** The line between two stacked cards (none above the first). */
export const stackedRowDivider = (index: number) =>
  index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined;
