import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { createBenchDatabase, withAdmin } from './databases';

// (c) A 1M-row audit CSV export through streamAuditCsv, in a child process whose peak RSS is
// measured: Node, pg and the export module, bundled with esbuild and run by plain node, so the
// figure is the export's own memory, not a TypeScript loader's (~40 MB) or the ORM's (~30 MB),
// which the server holds whether or not it exports. The growth during the export (peak − start)
// is reported too: it is what an export adds to the server. Rows are generated in SQL (realistic
// widths; hashes are not a valid chain, which an export does not check).

export type ExportBenchResult = {
  rows: number;
  ms: number;
  cpuMs: number;
  bytes: number;
  maxRssMb: number;
  baseRssMb: number;
  rowsPerSec: number;
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
    opts.log('  exporting in a child process ...');
    const child = await bundleChild();
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [child, db.appUrl, org], { maxBuffer: 1 << 20 }, (err, stdout, stderr) =>
        err ? reject(new Error(`export child failed: ${stderr || err.message}`)) : resolve(stdout),
      ),
    );
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as Omit<ExportBenchResult, 'rowsPerSec'>;
    opts.log(`  child: ${out.trim()}`);
    if (r.rows !== opts.rows) throw new Error(`export returned ${r.rows} rows, expected ${opts.rows}`);
    return { ...r, rowsPerSec: r.rows / (r.ms / 1000) };
  } finally {
    await db.drop();
  }
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
