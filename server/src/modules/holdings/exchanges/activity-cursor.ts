import { z } from 'zod';
import type { ActivityCursor } from './exchange-adapter';

// What the opaque cursor holds: for each stream, the latest record time seen (ms). Trades are
// kept per symbol at venues whose trade history is read one market at a time (Binance, Gemini),
// which also remembers which markets were ever traded; those venues also keep the assets held at
// the last poll (a position sold off entirely since is still asked about) and, where the venue
// reports when it last changed the account, that time as of a poll that found no new trade.

const millis = z.number().int().nonnegative();

const cursorSchema = z.object({
  v: z.literal(1),
  trades: millis.optional(),
  tradesBySymbol: z.record(z.string(), millis).default({}),
  held: z.array(z.string()).default([]),
  quietAt: millis.optional(),
  deposits: millis.optional(),
  withdrawals: millis.optional(),
});

export type ParsedCursor = z.infer<typeof cursorSchema>;

export function parseCursor(cursor: ActivityCursor | undefined): ParsedCursor {
  if (cursor === undefined) return { v: 1, tradesBySymbol: {}, held: [] };
  return cursorSchema.parse(JSON.parse(cursor));
}

export function serialiseCursor(cursor: ParsedCursor): ActivityCursor {
  return JSON.stringify(cursor);
}

/** The later of the stored mark and the newest record, so the cursor never moves back. */
export function advance(mark: number | undefined, timestamps: number[]): number | undefined {
  const newest = timestamps.length > 0 ? Math.max(...timestamps) : undefined;
  if (newest === undefined) return mark;
  return mark === undefined ? newest : Math.max(mark, newest);
}
