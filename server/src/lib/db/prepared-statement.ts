import pg from 'pg';

/**
 * A statement whose plan PostgreSQL keeps per connection: sent as SQL-level `PREPARE` once per
 * pooled connection and `EXECUTE` afterwards, inside the same simple-query message as the scope
 * preamble (one round trip). A list query under RLS costs several times its execution in
 * planning, and so does a read's audit insert; hot statements skip that. Parameters are inlined
 * as quoted literals (`EXECUTE` takes no protocol parameters), the same way everywhere else in
 * the message.
 */
export type PreparedStatement = {
  /** Unique per statement text. */
  name: string;
  /** PostgreSQL types of $1..$n. */
  types: readonly string[];
  sql: string;
  params: readonly (string | number | boolean | null)[];
};

export type SqlStatement = string | PreparedStatement;

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function literal(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('prepared read: non-finite number');
    return String(value);
  }
  return pg.escapeLiteral(value);
}

function checked(read: PreparedStatement): PreparedStatement {
  if (!NAME.test(read.name)) throw new Error(`prepared read: bad name ${read.name}`);
  if (read.params.length !== read.types.length)
    throw new Error(`prepared read ${read.name}: ${read.types.length} types, ${read.params.length} params`);
  return read;
}

const list = (items: readonly string[]) => (items.length ? `(${items.join(', ')})` : '');

export const prepareSql = (read: PreparedStatement) => `PREPARE ${checked(read).name}${list(read.types)} AS ${read.sql}`;

export const executeSql = (read: PreparedStatement) => `EXECUTE ${checked(read).name}${list(read.params.map(literal))}`;

/** The statement as plain SQL with its parameters inlined (inside an ORM transaction). */
export const inlineSql = (read: SqlStatement): string =>
  typeof read === 'string'
    ? read
    : checked(read).sql.replace(/\$(\d+)/g, (_, n: string) => literal(read.params[Number(n) - 1] ?? null));

/** Which statements each pooled connection has prepared (PREPARE lasts for the session). */
const preparedOn = new WeakMap<object, Set<string>>();

export const isPreparedOn = (connection: object, name: string) => preparedOn.get(connection)?.has(name) ?? false;

export function markPrepared(connection: object, names: readonly string[]): void {
  let set = preparedOn.get(connection);
  if (!set) preparedOn.set(connection, (set = new Set()));
  for (const n of names) set.add(n);
}

/** After a failed message nobody knows which PREPAREs took: the caller deallocates them all. */
export const forgetPrepared = (connection: object) => preparedOn.delete(connection);
