import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAppendBench, type AppendBenchResult } from './append-bench';
import { runExportBench, type ExportBenchResult } from './export-bench';
import { runHoldingsBench } from './holdings/holdings-bench';

// `pnpm bench` (repo root): every benchmark in sequence, each in its own throwaway database,
// then one table. Args: `appends`, `export` or `holdings` (src/holdings/holdings-bench.ts) to run one. Env: BENCH_SECONDS (per pgbench phase,
// default 30), BENCH_ROUNDS (slices per design, 6), BENCH_CLIENTS (32), BENCH_EXPORT_ROWS (1000000).

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const clients = Number(process.env.BENCH_CLIENTS ?? 32);
const rounds = Number(process.env.BENCH_ROUNDS ?? 6);
const exportRows = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
const only = process.argv[2];
const log = (s: string) => process.stderr.write(`${s}\n`);

type Row = [string, string, string, string];
const rows: Row[] = [];
const goal = (ok: boolean) => (ok ? 'met' : 'MISSED');
const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function appendRows(a: AppendBenchResult): void {
  rows.push(
    ['(i) naive per-entry locked chain', `${n(a.naive)} appends/s`, '', ''],
    ['(ii) plain INSERT, no chain', `${n(a.plain)} appends/s`, '', ''],
    ['(iii) audit_log + chainer', `${n(a.audited)} appends/s`, '', ''],
    ['(iii)/(i)', `${n(a.audited / a.naive, 1)}x`, '>= 5x', goal(a.audited / a.naive >= 5)],
    ['(iii)/(ii)', `${n((a.audited / a.plain) * 100)} %`, '>= 75 %', goal(a.audited / a.plain >= 0.75)],
    ['(iii) drain after writers stop (worst slice)', `${n(a.drainMs)} ms`, 'all linked', goal(a.chained === a.auditedEntries)],
    ['(iii) incl. drains: entries / (T + drains)', `${n(a.endToEnd)} appends/s`, '', ''],
    ['worst chaining delay', `${n(a.worstDelayMs)} ms`, '<= 500 ms', goal(a.worstDelayMs <= 500)],
    ['  per batch: worst delay p50 / p99', `${n(a.delayP50Ms)} / ${n(a.delayP99Ms)} ms (${n(a.chainBatches)} batches)`, '', ''],
    ['  per batch: duration p50 / max', `${n(a.batchP50Ms)} / ${n(a.batchMaxMs)} ms`, '', ''],
    [
      'chain verification (MACs checked)',
      `${n(verifyRate(a))} entries/s (${n(a.verified)} in ${n(a.verifyMs)} ms, ${a.verifyValid ? 'valid' : 'INVALID'})`,
      '>= 100k/s',
      goal(a.verifyValid && verifyRate(a) >= 100_000),
    ],
    [
      '  / raw SHA-256 of the same bytes',
      `${n((verifyRate(a) / a.ceilings.sha256PerSec) * 100)} % (${n(a.ceilings.sha256PerSec)} entries/s, ${n(a.ceilings.sample)} entries)`,
      '>= 50 %',
      goal(verifyRate(a) / a.ceilings.sha256PerSec >= 0.5),
    ],
    [
      '  / SHA-256 + MAC check of the same bytes',
      `${n((verifyRate(a) / a.ceilings.sha256MacPerSec) * 100)} % (${n(a.ceilings.sha256MacPerSec)} entries/s)`,
      '',
      '',
    ],
    ['entry MAC, writer side (Node)', `${n(a.ceilings.macSignUs, 2)} µs per entry`, '', ''],
  );
}

const verifyRate = (a: AppendBenchResult) => a.verified / (a.verifyMs / 1000);

function exportRowsOf(e: ExportBenchResult): void {
  rows.push(
    [
      `CSV export of ${n(e.rows)} rows`,
      `${n(e.rowsPerSec)} rows/s (${n(e.ms / 1000, 2)} s, ${n(e.bytes / 1048576)} MiB)`,
      '>= 200k/s',
      goal(e.rowsPerSec >= 200_000),
    ],
    [
      '  / bare COPY of the same rows',
      `${n((e.rowsPerSec / e.bareRowsPerSec) * 100)} % (${n(e.bareRowsPerSec)} rows/s, ${n(e.bareMs / 1000, 2)} s, psql to /dev/null)`,
      '>= 60 %',
      goal(e.rowsPerSec / e.bareRowsPerSec >= 0.6),
    ],
    [
      'export peak RSS (child process)',
      `${n(e.maxRssMb)} MB (at start ${n(e.baseRssMb)} MB, so the export adds ${n(e.maxRssMb - e.baseRssMb)} MB)`,
      '< 128 MB',
      goal(e.maxRssMb < 128),
    ],
  );
}

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  seconds,
  clients,
};
if (!only || only === 'appends') {
  log(`(a) audited appends, ${clients} writers, ${seconds} s per design in ${rounds} alternating slices`);
  const a = await runAppendBench({ seconds, rounds, clients, log });
  results.appends = a;
  appendRows(a);
}
if (!only || only === 'export') {
  log(`(c) CSV export, ${exportRows} rows`);
  const e = await runExportBench({ rows: exportRows, log });
  results.export = e;
  exportRowsOf(e);
}
if (!only || only === 'holdings') {
  const h = await runHoldingsBench(log);
  results.holdings = h.results;
  rows.push(...h.rows);
}

const widths = [0, 1, 2, 3].map((i) =>
  Math.max(...rows.map((r) => r[i]!.length), ['benchmark', 'result', 'goal', ''][i]!.length),
);
const line = (r: readonly string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
process.stdout.write(`\nmachine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}, ${n(os.totalmem() / 2 ** 30)} GiB\n`);
process.stdout.write(`${line(['benchmark', 'result', 'goal', ''])}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n`);
for (const r of rows) process.stdout.write(`${line(r)}\n`);

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results');
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, `bench-${Date.now()}.json`), JSON.stringify(results, null, 2));
