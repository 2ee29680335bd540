/**
 * SQL joining a connection `c` to its latest balance snapshot `b`: the lines whose time is the one
 * the connection names (`balances_at`, kept by a trigger on every insert, migration 0026). One
 * index probe per connection, where a max(fetched_at) per balance line cost one per line.
 */
export const LATEST_BALANCES_JOIN = 'JOIN exchange_balances b ON b.connection_id = c.id AND b.fetched_at = c.balances_at';
