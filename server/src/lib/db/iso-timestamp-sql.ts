/**
 * A timestamptz column rendered by PostgreSQL as an ISO-8601 UTC string with milliseconds
 * (`2026-11-28T02:00:00.123Z`): the exact text JS `toISOString()` gives, whatever the driver's
 * type parsers do with timestamps.
 */
export const isoTimestampSql = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
