import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startVigil } from '@vigil/server/app/bootstrap';
import { parseEnv } from '@vigil/server/config/env';
import { createLogger } from '@vigil/server/lib/logger';

// Vigil in mode `worker` (the audit chainer and jobs, no HTTP) against the bench's database: the
// topology a deployment uses, API replicas and workers in separate processes.
const env = parseEnv({
  NODE_ENV: 'test',
  VIGIL_MODE: 'worker',
  DATABASE_URL: process.env.BENCH_WORKER_DATABASE_URL,
  REDIS_URL: process.env.BENCH_WORKER_REDIS_URL,
  REDIS_KEY_PREFIX: process.env.BENCH_WORKER_REDIS_KEY_PREFIX,
  AUDIT_CHAIN_INTERVAL_MS: process.env.BENCH_CHAIN_INTERVAL_MS ?? '50',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
  DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-worker-')),
});
const vigil = await startVigil(env, createLogger(env.LOG_LEVEL));
const stop = () => void vigil.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('disconnect', stop);
