import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { AUDIT_CSV_COLUMNS } from '@vigil/server/core/audit/audit-export';
import { atIsoSql, JOIN_LINKS_BY_KEY } from '@vigil/server/core/audit/audit-sql';
import { createBenchDatabase, withAdmin, type BenchDatabase } from './databases';

// (c) A 1M-row audit CSV export through streamAuditCsv, in a child process whose peak RSS is
// measured: Node, pg and the export module, bundled with esbuild and run by plain node, so the
// figure is the export's own memory, not a TypeScript loader's (~40 MB) or the ORM's (~30 MB),
// which the server holds whether or not it exports. The growth during the export (peak − start)
// is reported too: it is what an export adds to the server. Rows are generated in SQL (realistic
// widths; hashes are not a valid chain, which an export does not check). Its ceiling, measured in
// the same run: a bare `COPY (SELECT the same columns FROM the same rows) TO STDOUT (FORMAT csv)`
// by psql into /dev/null, as a superuser (no scope, no RLS, no formula quoting, no Node), with the
// same join plan.

export const PSQL = process.env.PSQL ?? '/usr/bin/psql';
export type ExportBenchResult = {
  rows: number;
  ms: number;
  cpuMs: number;
  bytes: number;
  maxRssMb: number;
  baseRssMb: number;
  rowsPerSec: number;
  /** The bare COPY of the same rows: the faster of one run before and one after the export. */
  bareMs: number;
  bareRowsPerSec: number;
};

const here = path.dirname(fileURLToPath(import.meta.url));

export async function runExportBench(opts: { rows: number; log: (s: string) => void }): Promise<ExportBenchResult> {
  const db = await createBenchDatabase();
  try {
    const org = randomUUID();
    opts.log(`  generating ${opts.rows} audit entries and their links ...`);
    await withAdmin(db, async (c) => {
      await c.query(
        `INSERT INTO audit_log (id, org_id, at, actor_type, actor_id, actor_role, system_source, action,
           resource_type, resource_id, deal_id, ip_address, outcome, details)
         SELECT g, $1, timestamptz '2026-01-01' + g * interval '10 ms', 'user', gen_random_uuid()::text, 'Compliance', NULL,
           'holdings.read', 'employee', gen_random_uuid()::text, CASE WHEN g % 10 = 0 THEN 'deal-' || g END,
           '198.51.100.4', 'allowed', jsonb_build_object('page', g % 7, 'fields', jsonb_build_array('balance', 'venue'))
         FROM generate_series(1, $2::int) AS g`,
        [org, opts.rows],
      );
      await c.query(
        `INSERT INTO audit_chain (org_id, seq, entry_xid, entry_id, prev_hash, hash)
         SELECT org_id, id, xid, id, sha256(int8send(id)), sha256(int8send(id + 1))
         FROM audit_log WHERE org_id = $1`,
        [org],
      );
      await c.query('VACUUM ANALYZE audit_log, audit_chain');
    });
    opts.log('  bare COPY of the same rows (psql to /dev/null) ...');
    const bareBefore = await bareCopyMs(db, org);
    const child = await bundleChild();
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [child, db.appUrl, org], { maxBuffer: 1 << 20 }, (err, stdout, stderr) =>
        err ? reject(new Error(`export child failed: ${stderr || err.message}`)) : resolve(stdout),
      ),
    );
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as Omit<ExportBenchResult, 'rowsPerSec'>;
    opts.log(`  child: ${out.trim()}`);
    if (r.rows !== opts.rows) throw new Error(`export returned ${r.rows} rows, expected ${opts.rows}`);
    const bareMs = Math.min(bareBefore, await bareCopyMs(db, org));
    opts.log(`  bare COPY: ${Math.round(bareBefore)} ms before the export, best ${Math.round(bareMs)} ms`);
    return { ...r, rowsPerSec: r.rows / (r.ms / 1000), bareMs, bareRowsPerSec: r.rows / (bareMs / 1000) };
  } finally {
    await db.drop();
  }
}

/**
 * psql streaming the export's columns of the org's rows as CSV into /dev/null: the COPY's own
 * time as psql's \timing reports it (connecting and starting psql excluded), ms.
 */
async function bareCopyMs(db: BenchDatabase, orgId: string): Promise<number> {
  const bare: Partial<Record<(typeof AUDIT_CSV_COLUMNS)[number], string>> = {
    at: `${atIsoSql()} AS at`,
    justification: `details->>'justification' AS justification`,
    // Names are resolved by the export itself; the bare COPY renders empty columns in their place.
    actor_name: 'NULL::text AS actor_name',
    actor_email: 'NULL::text AS actor_email',
    resource_name: 'NULL::text AS resource_name',
  };
  const columns = AUDIT_CSV_COLUMNS.map((c) => bare[c] ?? c).join(', ');
  const copy = `COPY (SELECT ${columns} FROM audit_entries WHERE org_id = '${orgId}' ORDER BY audit_entries.seq) TO STDOUT (FORMAT csv)`;
  const commands = ['BEGIN', JOIN_LINKS_BY_KEY, '\\o /dev/null', '\\timing on', copy, '\\timing off', 'COMMIT'];
  const out = await new Promise<string>((resolve, reject) =>
    execFile(
      PSQL,
      ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db.adminUrl, ...commands.flatMap((c) => ['-c', c])],
      (err, stdout, stderr) => (err ? reject(new Error(`psql failed: ${stderr || err.message}`)) : resolve(stdout)),
    ),
  );
  const ms = Number(/Time: ([\d.]+) ms/.exec(out)?.[1]);
  if (!Number.isFinite(ms)) throw new Error(`psql printed no timing: ${out}`);
  return ms;
}

// `@vigil/server/<path>` is the server package's export of `src/<path>.ts`: bundled, not external.
const bundleServerSource: Plugin = {
  name: 'bundle-vigil-server',
  setup(b) {
    b.onResolve({ filter: /^@vigil\/server\// }, (args) => ({
      path: path.join(here, '../../server/src', `${args.path.slice('@vigil/server/'.length)}.ts`),
    }));
  },
};

async function bundleChild(): Promise<string> {
  // Inside server/node_modules so the bundle's bare imports resolve to the server's packages.
  const outfile = path.join(here, '../../server/node_modules/.cache/vigil-bench/export-child.mjs');
  await build({
    entryPoints: [path.join(here, 'export-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: path.join(here, '../tsconfig.json'),
    // Packages stay in node_modules (resolved from server/), as in the server's own build; the
    // server's own source (imported as @vigil/server/*) is bundled.
    packages: 'external',
    plugins: [bundleServerSource],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}
