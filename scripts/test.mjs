#!/usr/bin/env node
// The README's second command: the whole test suite. Expects PostgreSQL on 127.0.0.1:5432
// (superuser `postgres`, trust auth on loopback) and Redis on 127.0.0.1:6379 — from
// `docker compose up -d postgres redis` or the system packages — and Chromium at
// /usr/bin/chromium for the browser journeys (CHROMIUM_PATH overrides).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureInstalled, pnpm, ROOT, run } from './lib.mjs';

// One set of variables moves every suite to other hosts and ports (the server's tests read the
// TEST_* ones, the browser journeys the E2E_* ones derived from them here).
const pgHost = process.env.TEST_PG_HOST ?? '127.0.0.1';
const pgPort = Number(process.env.TEST_PG_PORT ?? 5432);
const redisUrl = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
process.env.E2E_PG_HOST ??= `${pgHost}:${pgPort}`;
process.env.E2E_PG_SUPERUSER ??= process.env.TEST_PG_SUPERUSER ?? 'postgres';
process.env.E2E_REDIS_URL ??= redisUrl.href;

const reachable = (host, port) =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });

for (const [name, host, port] of [
  ['PostgreSQL', pgHost, pgPort],
  ['Redis', redisUrl.hostname, Number(redisUrl.port || 6379)],
]) {
  if (!(await reachable(host, port))) {
    console.error(
      `${name} is not reachable on ${host}:${port}. Start it: \`docker compose up -d postgres redis\` or the system service (or point TEST_PG_HOST, TEST_PG_PORT, TEST_REDIS_URL elsewhere).`,
    );
    process.exit(1);
  }
}

await ensureInstalled();

const reports = path.join(ROOT, 'node_modules/.vigil-test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const vitest = (pkg, name) => [
  '--filter',
  pkg,
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${path.join(reports, `${name}.json`)}`,
];

const steps = [
  [
    'schema/schema.graphql is current',
    () => pnpm(['--filter', '@vigil/server', 'exec', 'tsx', 'src/cli/index.ts', 'emit-schema', '--check']),
  ],
  [
    'console operations are current',
    async () => {
      const code = await pnpm(['--filter', '@vigil/web', 'codegen']);
      if (code !== 0 || !existsSync(path.join(ROOT, '.git'))) return code;
      return run('git', ['diff', '--exit-code', '--stat', '--', 'web/src/generated']);
    },
  ],
  ['typecheck', () => pnpm(['-r', 'typecheck'])],
  ['lint (zero warnings)', () => pnpm(['exec', 'eslint', '.', '--max-warnings', '0'])],
  ['formatted (prettier --check)', () => pnpm(['exec', 'prettier', '--check', '.'])],
  ['server tests (PostgreSQL, Redis)', () => pnpm(vitest('@vigil/server', 'server'))],
  ['console unit tests', () => pnpm(vitest('@vigil/web', 'web'))],
  ['console build', () => pnpm(['--filter', '@vigil/web', 'build'])],
  ['browser journeys (Chromium)', () => pnpm(vitest('@vigil/e2e', 'e2e'))],
];

const failed = [];
for (const [name, step] of steps) {
  console.log(`\n=== ${name}`);
  if ((await step()) !== 0) failed.push(name);
}

let passed = 0;
let failedTests = 0;
for (const name of ['server', 'web', 'e2e']) {
  const file = path.join(reports, `${name}.json`);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failedTests += (report.numFailedTests ?? 0) + (report.numTodoTests ?? 0) + (report.numPendingTests ?? 0);
}
if (failed.length) console.log(`\nFailed steps: ${failed.join('; ')}`);
console.log(`\n${passed} passed, ${failedTests} failed`);
process.exit(failed.length || failedTests ? 1 : 0);
