import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerChild } from '../../request/child';
import { summarizeProfile, type CpuProfile } from '../../request/profile-summary';
import {
  compareInSlices,
  referenceBody,
  referencesAfterWarmUp,
  runIsCorrect,
  type ComparedOperation,
  type ServerRun,
} from '../../request/server-comparison';
import { assertFullEmployeesPage, EMPLOYEES_BODY } from './list/employees-query';

// (c) The employees list: `employees(first: 50)` through the real server (authenticated, shield
// rules, RLS-bound request transaction, audited) against a bare Apollo Server answering the same
// shape from memory, measured as the request-path bench measures the users list
// (request/server-comparison.ts): a checked reference body per server, every response compared
// byte for byte, the servers taking turns in short slices in alternating order, and one audit
// entry per answered request on Vigil.

const here = path.dirname(fileURLToPath(import.meta.url));

const EMPLOYEES: ComparedOperation = {
  body: EMPLOYEES_BODY,
  check: assertFullEmployeesPage,
  auditAction: 'query.employees',
};

export type ListResult = { connections: number; vigil: ServerRun; bare: ServerRun; correct: boolean };

export async function runHoldingsListBench(o: {
  seconds: number;
  rounds: number;
  warmup: number;
  connections: number;
  log: (s: string) => void;
  /** BENCH_PROFILE: a sampling CPU profile of each slice of each server goes here (slows them: not figures). */
  profileDir?: string;
}): Promise<ListResult> {
  if (o.profileDir) await mkdir(o.profileDir, { recursive: true });
  o.log('  starting Vigil (fresh database, 60 employees) and the bare server ...');
  const vigil = await startServerChild({
    name: 'vigil',
    file: '../src/holdings/list/employees-vigil-server.ts',
    tsconfig: path.resolve(here, '../../../server/tsconfig.json'),
  });
  const bare = await startServerChild({
    name: 'bare',
    file: '../src/holdings/list/employees-bare-server.ts',
    tsconfig: path.resolve(here, '../../tsconfig.json'),
  });
  try {
    const servers = [vigil, bare];
    const bodies = await referencesAfterWarmUp(servers, EMPLOYEES, o.connections, o.warmup, o.log);
    const { runs, profiles } = await compareInSlices({
      servers,
      op: EMPLOYEES,
      bodies,
      connections: o.connections,
      seconds: o.seconds,
      rounds: o.rounds,
      profileDir: o.profileDir,
      profileLabel: 'employees',
      log: o.log,
    });
    // A few more full checks after the load, not just byte equality during it.
    for (const s of servers) for (let i = 0; i < 3; i++) await referenceBody(s, EMPLOYEES);
    for (const file of profiles) {
      o.log(summarizeProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, path.basename(file)));
    }
    const [v, b] = runs as [ServerRun, ServerRun];
    return { connections: o.connections, vigil: v, bare: b, correct: runIsCorrect(v) && runIsCorrect(b) };
  } finally {
    await Promise.all([vigil.stop(), bare.stop()]);
  }
}
