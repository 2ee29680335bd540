// Design measurement for the planned audit change (server/src/modules/audit/README.md, "Next"):
// each entry's content written once, by the writer, and a narrow link row appended by the chainer.
// Not product code: a stand-in chainer, enough to compare appends/s with plain INSERT the way
// `bench:appends` compares today's inbox design. Delete it when the design lands in the product
// and in src/append-bench.ts.
//
//   pnpm --filter @vigil/bench exec tsx --tsconfig tsconfig.json prototypes/content-once.ts
//
// Same conditions as bench:appends: pgbench -M prepared, 32 clients, 2 threads, as vigil_system,
// one org, alternating 5 s slices with a CHECKPOINT before each; a 50 ms chainer interval; each
// slice counts once its chain has caught up.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { computeEntryHash, GENESIS_HASH } from '@/modules/audit/audit-entry';
import { atIsoSql, entryFromArray } from '@/modules/audit/audit-sql';
import { createBenchDatabase, withAdmin } from '../src/databases';
import { runPgbench } from '../src/pgbench';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const BATCH = 5000;
const COLUMNS = `org_id uuid NOT NULL, at timestamptz(3) NOT NULL, actor_type text NOT NULL, actor_id text,
  actor_role text, system_source text, action text NOT NULL, resource_type text, resource_id text,
  deal_id text, ip_address text, outcome text NOT NULL, details jsonb NOT NULL DEFAULT '{}'`;

// Plain: as in bench:appends. Content: the same columns and listing indexes, keyed by the writer's
// (xid, id), which is also the chain order. Links: what the chainer adds per entry.
const SETUP = `
CREATE TABLE plain_log (id bigserial PRIMARY KEY, ${COLUMNS});
CREATE INDEX ON plain_log (org_id, at); CREATE INDEX ON plain_log (org_id, actor_id); CREATE INDEX ON plain_log (org_id, resource_type);
CREATE TABLE content_log (id bigserial NOT NULL, xid xid8 NOT NULL DEFAULT pg_current_xact_id(), ${COLUMNS}, PRIMARY KEY (xid, id));
CREATE INDEX ON content_log (org_id, at); CREATE INDEX ON content_log (org_id, actor_id); CREATE INDEX ON content_log (org_id, resource_type);
CREATE TABLE chain_links (org_id uuid NOT NULL, seq bigint NOT NULL, entry_xid xid8 NOT NULL, entry_id bigint NOT NULL,
  prev_hash text NOT NULL, hash text NOT NULL, PRIMARY KEY (org_id, seq), UNIQUE (entry_xid, entry_id));
GRANT ALL ON ALL TABLES IN SCHEMA public TO vigil_system;
GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO vigil_system;`;

const db = await createBenchDatabase();
const org = randomUUID();
await withAdmin(db, (c) => c.query(SETUP));
const chainer = new pg.Client({ connectionString: db.appUrl });
await chainer.connect();
const heads = new Map<string, { seq: number; hash: string }>();
let chained = 0;
let worstDelayMs = 0;

/** One batch: the entries after the last linked one whose transactions have all ended. */
async function chainOnce(): Promise<number> {
  await chainer.query('BEGIN; SET LOCAL ROLE vigil_system; SET LOCAL synchronous_commit = off');
  // The cursor is the last linked entry: the unique index on (entry_xid, entry_id) finds it.
  const last = await chainer.query<{ xid: string; id: string }>(
    'SELECT entry_xid::text AS xid, entry_id::text AS id FROM chain_links ORDER BY entry_xid DESC, entry_id DESC LIMIT 1',
  );
  const cursor = last.rows[0];
  if (cursor && !/^\d+$/.test(cursor.xid + cursor.id)) throw new Error('unexpected cursor');
  const res = await chainer.query<unknown[]>({
    rowMode: 'array',
    text: `SELECT l.org_id, 0, ${atIsoSql('l.at')}, l.actor_type, l.actor_id, l.actor_role, l.system_source, l.action,
        l.resource_type, l.resource_id, l.deal_id, l.ip_address, l.outcome, l.details, '', '', l.xid::text, l.id::text
      FROM content_log l
      WHERE l.xid < pg_snapshot_xmin(pg_current_snapshot())
        ${cursor ? `AND (l.xid, l.id) > ('${cursor.xid}'::xid8, ${cursor.id})` : ''}
      ORDER BY l.xid, l.id LIMIT ${BATCH}`,
  });
  if (res.rows.length === 0) {
    await chainer.query('COMMIT');
    return 0;
  }
  const cols = { orgs: [] as string[], seqs: [] as number[], xids: [] as string[], ids: [] as string[], prevs: [] as string[], hashes: [] as string[] };
  let oldest = '';
  for (const row of res.rows) {
    const entry = entryFromArray(row);
    const head = heads.get(entry.orgId) ?? { seq: 0, hash: GENESIS_HASH };
    entry.seq = head.seq + 1;
    const hash = computeEntryHash(head.hash, entry);
    heads.set(entry.orgId, { seq: entry.seq, hash });
    cols.orgs.push(entry.orgId);
    cols.seqs.push(entry.seq);
    cols.xids.push(row[16] as string);
    cols.ids.push(row[17] as string);
    cols.prevs.push(head.hash);
    cols.hashes.push(hash);
    if (oldest === '' || entry.at < oldest) oldest = entry.at;
  }
  const arr = (xs: readonly (string | number)[]) => `'{"${xs.join('","')}"}'`;
  await chainer.query(`INSERT INTO chain_links SELECT * FROM unnest(${arr(cols.orgs)}::uuid[], ${arr(cols.seqs)}::bigint[],
    ${arr(cols.xids)}::xid8[], ${arr(cols.ids)}::bigint[], ${arr(cols.prevs)}::text[], ${arr(cols.hashes)}::text[]); COMMIT`);
  worstDelayMs = Math.max(worstDelayMs, Date.now() - Date.parse(oldest));
  chained += res.rows.length;
  return res.rows.length;
}

let running = false;
async function chainLoop(): Promise<void> {
  while (running) {
    const began = Date.now();
    while ((await chainOnce()) >= BATCH);
    await new Promise((r) => setTimeout(r, Math.max(0, 50 - (Date.now() - began))));
  }
}

const VARS = `\\set actor random(1, 1000)\n\\set res random(1, 100000)\n`;
const INSERT = (table: string) => `${VARS}INSERT INTO ${table} (org_id, at, actor_type, actor_id, actor_role, action,
  resource_type, resource_id, ip_address, outcome, details) VALUES (:org, now(), 'user', :actor, 'Compliance',
  'holdings.read', 'employee', :res, '198.51.100.4', 'allowed', '{"page": 1, "fields": ["balance", "venue"]}');\n`;
const appended = { plain_log: 0, content_log: 0 };
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const table of ['plain_log', 'content_log'] as const) {
      await withAdmin(db, (c) => c.query('CHECKPOINT'));
      running = table === 'content_log';
      const loop = running ? chainLoop() : Promise.resolve();
      const run = await runPgbench(db, INSERT(table), { clients: 32, threads: 2, seconds: 5, role: 'vigil_system', defines: { org } });
      running = false;
      await loop;
      while ((await chainOnce()) > 0);
      appended[table] += run.tps * run.seconds;
      console.log(`  ${table.padEnd(11)} ${Math.round(run.tps)} appends/s`);
    }
  }
  const plain = appended.plain_log / (ROUNDS * 5);
  const once = appended.content_log / (ROUNDS * 5);
  console.log(`plain INSERT ${Math.round(plain)}/s, content once + links ${Math.round(once)}/s: ${((100 * once) / plain).toFixed(0)} %;` +
    ` ${chained} entries linked, worst chaining delay ${worstDelayMs} ms`);
} finally {
  await chainer.end();
  await db.drop();
}
