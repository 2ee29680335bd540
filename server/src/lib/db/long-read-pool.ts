import pg from 'pg';

/**
 * A pool for long reads (CSV exports), apart from the requests' pool: however many run, and
 * however slowly their readers read, they hold only these `max` connections, never one a
 * request needs.
 */
export function createLongReadPool(url: string, max: number, onError: (err: Error) => void): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: 'vigil-long-reads',
  });
  // A backend that ends while its client idles here (a restart, a cut export) must not end the process.
  pool.on('error', onError);
  return pool;
}
