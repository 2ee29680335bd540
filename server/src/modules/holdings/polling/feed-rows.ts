// Rows of the feeds (exchange connections, wallets, their prediction positions) as the API shows
// them: the parts every feed has in common, mapped once. Rows come from raw reads (readRows), with
// timestamps already rendered as ISO text by the SQL.

type Row = Record<string, unknown>;

const textOrNull = (v: unknown) => (v as string | null | undefined) ?? null;

/** One poll of a feed (poll_runs, wallet_poll_runs): outcome, duration, counts, error, start. */
export const pollRunOf = (r: Row) => ({
  id: String(r.id),
  outcome: r.outcome as string,
  durationMs: Number(r.duration_ms),
  counts: r.counts,
  error: textOrNull(r.error),
  startedAt: r.started_at as string,
});

/** How a feed is doing: its last success, and its last error with since when it has failed. */
export const feedStateOf = (r: Row) => ({
  lastSuccessAt: textOrNull(r.last_success_at),
  lastError: textOrNull(r.last_error),
  failingSince: textOrNull(r.failing_since),
});

/** A feed-health row: whose feed it is, how it is doing, and when it is polled next. */
export const feedHealthOf = (r: Row) => ({
  employeeId: r.employee_id as string,
  employeeName: r.employee_name as string,
  label: r.label as string,
  ...feedStateOf(r),
  nextPollAt: textOrNull(r.next_poll_at),
});
