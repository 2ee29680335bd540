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
import { assertFullPage, USERS_BODY } from '../../request/query';
import { assertFullEmployeesPage, EMPLOYEES_BODY } from './list/employees-query';

// (c) The employees list: `employees(first: 50)` through the real server (authenticated, shield
// rules, RLS-bound request transaction, audited) against a bare Apollo Server answering the same
// shape from memory, measured as the request-path bench measures the users list
// (request/server-comparison.ts): a checked reference body per server, every response compared
// byte for byte, the servers taking turns in short slices in alternating order, and one audit
// entry per answered request on Vigil.
//
// Then, in the same run, the core's own list (`users(first: 50)`, the request-path bench's two
// servers, the same slices): how far the employees list lags the request path it is built on. The
// ratio of either to bare moves with the host (the users list gave 62-66 % on one day and 40 % on
// another); the two side by side say what the holdings part costs on the day.

const here = path.dirname(fileURLToPath(import.meta.url));

const EMPLOYEES: ComparedOperation = {
  body: EMPLOYEES_BODY,
  check: assertFullEmployeesPage,
  auditAction: 'query.employees',
};

const USERS: ComparedOperation = { body: USERS_BODY, check: assertFullPage, auditAction: 'query.users' };

export type ListResult = {
  connections: number;
  vigil: ServerRun;
  bare: ServerRun;
  /** The users list on Vigil and bare, measured after the employees list (BENCH_LIST_REFERENCE=0: skipped). */
  usersList?: { vigil: ServerRun; bare: ServerRun };
  correct: boolean;
};

type ListOptions = {
  seconds: number;
  rounds: number;
  warmup: number;
  connections: number;
  log: (s: string) => void;
  /** BENCH_PROFILE: a sampling CPU profile of each slice of each server goes here (slows them: not figures). */
  profileDir?: string;
  /** Also measure the users list (the core's request path) after the employees list. */
  withUsersList: boolean;
};

export async function runHoldingsListBench(o: ListOptions): Promise<ListResult> {
  if (o.profileDir) await mkdir(o.profileDir, { recursive: true });
  o.log('  starting Vigil (fresh database, 60 employees) and the bare server ...');
  const employees = await comparePair(o, EMPLOYEES, 'employees', {
    vigil: '../src/holdings/list/employees-vigil-server.ts',
    bare: '../src/holdings/list/employees-bare-server.ts',
  });
  let usersList: ListResult['usersList'];
  if (o.withUsersList) {
    o.log('  the users list in the same run: starting Vigil (fresh database, seeded users) and its bare server ...');
    usersList = await comparePair(o, USERS, 'users', { vigil: 'vigil-server.ts', bare: 'bare-server.ts' });
  }
  const runs = [employees.vigil, employees.bare, ...(usersList ? [usersList.vigil, usersList.bare] : [])];
  return { connections: o.connections, ...employees, usersList, correct: runs.every(runIsCorrect) };
}

/** Vigil and its bare server on one operation, each in its own child process (files relative to bench/request). */
async function comparePair(
  o: ListOptions,
  op: ComparedOperation,
  label: string,
  files: { vigil: string; bare: string },
): Promise<{ vigil: ServerRun; bare: ServerRun }> {
  const vigil = await startServerChild({
    name: 'vigil',
    file: files.vigil,
    tsconfig: path.resolve(here, '../../../server/tsconfig.json'),
  });
  const bare = await startServerChild({ name: 'bare', file: files.bare, tsconfig: path.resolve(here, '../../tsconfig.json') });
  try {
    const servers = [vigil, bare];
    const bodies = await referencesAfterWarmUp(servers, op, o.connections, o.warmup, o.log);
    const { runs, profiles } = await compareInSlices({
      servers,
      op,
      bodies,
      connections: o.connections,
      seconds: o.seconds,
      rounds: o.rounds,
      profileDir: o.profileDir,
      profileLabel: label,
      log: o.log,
    });
    // A few more full checks after the load, not just byte equality during it.
    for (const s of servers) for (let i = 0; i < 3; i++) await referenceBody(s, op);
    for (const file of profiles) {
      o.log(summarizeProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, path.basename(file)));
    }
    const [v, b] = runs as [ServerRun, ServerRun];
    return { vigil: v, bare: b };
  } finally {
    await Promise.all([vigil.stop(), bare.stop()]);
  }
}
