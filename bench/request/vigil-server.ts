import { adminWithMfa, createTestOrg, createUserWithRole, login, startTestApp } from '@vigil/server/testing/test-app';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { serveOverIpc } from './ipc';

// Vigil as the tests run it (startTestApp: fresh migrated database, the machine's Redis under a
// key prefix of its own, the real HTTP server), NODE_ENV=test, logging silent, the production
// default chainer interval. Seeds an org with an Admin and 60 more users through the API, then
// serves the bench with an Admin session (AAL1: enough for users:read).

const SEED_USERS = Number(process.env.BENCH_SEED_USERS ?? 60);

// BENCH_WORKER=separate: this process serves the API only (mode `api`) and a second process runs
// the chainer (mode `worker`), as a deployment would.
const separateWorker = process.env.BENCH_WORKER === 'separate';

const app = await startTestApp({
  ...(separateWorker ? { VIGIL_MODE: 'api' } : {}),
  AUDIT_CHAIN_INTERVAL_MS: process.env.BENCH_CHAIN_INTERVAL_MS ?? '50',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
  ...(process.env.BENCH_POOL_MAX ? { DATABASE_POOL_MAX: process.env.BENCH_POOL_MAX } : {}),
});
let worker: ChildProcess | undefined;
try {
  if (separateWorker) {
    const env = app.vigil.deps.env;
    worker = spawn(process.execPath, [...process.execArgv, path.join(import.meta.dirname, 'vigil-worker.ts')], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: {
        ...process.env,
        BENCH_WORKER_DATABASE_URL: env.DATABASE_URL,
        BENCH_WORKER_REDIS_URL: env.REDIS_URL,
        BENCH_WORKER_REDIS_KEY_PREFIX: env.REDIS_KEY_PREFIX,
      },
    });
  }
  const org = await createTestOrg(app, 'Bench Org');
  const { token: aal2 } = await adminWithMfa(app, org);
  const viewer = org.roles.Viewer.id;
  const compliance = org.roles.Compliance.id;
  for (let i = 0; i < SEED_USERS; i += 6) {
    await Promise.all(
      Array.from({ length: Math.min(6, SEED_USERS - i) }, (_, k) =>
        createUserWithRole(app, aal2, (i + k) % 3 === 0 ? compliance : viewer, `user${String(i + k).padStart(2, '0')}`),
      ),
    );
  }
  const token = await login(app, org.admin);
  const batcher = app.vigil.deps.auditBatcher;
  serveOverIpc(
    {
      url: app.url,
      path: '/graphql',
      headers: { authorization: `Bearer ${token}` },
      adminUrl: app.db.adminUrl,
      orgId: org.orgId,
    },
    async () => {
      worker?.kill('SIGTERM');
      await app.stop();
    },
    () => ({ ...batcher.stats }),
  );
} catch (err) {
  worker?.kill('SIGTERM');
  await app.stop();
  throw err;
}
