import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchDatabase } from './databases';

export const PGBENCH = process.env.PGBENCH ?? '/usr/bin/pgbench';

export type PgbenchRun = { tps: number; transactions: number; failed: number; seconds: number; output: string };

/**
 * Runs a custom pgbench script as vigil_app with `role` set at connection start (PGOPTIONS), so
 * each transaction is the bare statement: no SET ROLE round trip in any variant.
 */
export async function runPgbench(
  db: BenchDatabase,
  script: string,
  opts: { clients: number; threads: number; seconds: number; role: string; defines?: Record<string, string> },
): Promise<PgbenchRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vigil-pgbench-'));
  const file = path.join(dir, 'script.sql');
  await writeFile(file, script);
  const args = [
    '-n',
    '-M',
    'prepared',
    '-f',
    file,
    '-c',
    String(opts.clients),
    '-j',
    String(opts.threads),
    '-T',
    String(opts.seconds),
    '-h',
    db.host,
    '-p',
    db.port,
    '-U',
    'vigil_app',
    ...Object.entries(opts.defines ?? {}).flatMap(([k, v]) => ['-D', `${k}=${v}`]),
    db.name,
  ];
  try {
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        PGBENCH,
        args,
        { env: { ...process.env, PGOPTIONS: `-c role=${opts.role}` }, maxBuffer: 16 << 20 },
        (err, stdout, stderr) => (err ? reject(new Error(`pgbench failed: ${stderr || err.message}`)) : resolve(stdout + stderr)),
      );
    });
    const num = (re: RegExp) => Number(re.exec(output)?.[1] ?? NaN);
    return {
      tps: num(/tps = ([\d.]+) \(without initial connection time\)/),
      transactions: num(/number of transactions actually processed: (\d+)/),
      failed: num(/number of failed transactions: (\d+)/) || 0,
      seconds: opts.seconds,
      output,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
