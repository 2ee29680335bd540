import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startVigil } from '@vigil/server/app/bootstrap';
import { queueSettings } from '@vigil/server/app/jobs';
import { parseEnv } from '@vigil/server/config/env';
import { createLogger } from '@vigil/server/lib/logger';
import { handleJob, type JobHandler } from '@vigil/server/lib/queue/job-definition';
import { JobRegistry } from '@vigil/server/lib/queue/job-registry';
import { startBullmqRunner, type JobRunner } from '@vigil/server/lib/queue/job-runner';
import { pollHandlers } from '@vigil/server/modules/holdings/polling/poll-handlers';
import { pollConnectionJob } from '@vigil/server/modules/holdings/polling/poll-jobs';
import { serveOverIpc } from '../../request/ipc';
import { noopJob, type OverheadAnswer, type OverheadAsk } from './overhead-messages';

// The bench's worker process (a child, so its CPU time is its own: process.cpuUsage).
// BENCH_HOLDINGS_MODE=cycle: Vigil in mode `worker`, exactly as deployed: the scheduler tick
// claims due connections, the `polling` queue runs ConnectionPoller with the real ccxt adapters
// (EXCHANGE_API_BASE_* point them at the doubles).
// BENCH_HOLDINGS_MODE=overhead: Vigil in mode `api` (it works no queue itself) plus a BullMQ
// runner of the bench's own under another prefix, holding the real poll job and its real
// handler next to a no-op job on the same `polling` queue and worker, concurrency 1.

const env = parseEnv(JSON.parse(process.env.BENCH_HOLDINGS_ENV ?? '{}') as Record<string, string>);
const mode = process.env.BENCH_HOLDINGS_MODE ?? 'cycle';
const vigil = await startVigil(env, createLogger(env.LOG_LEVEL));
let runner: JobRunner | undefined;
let control: http.Server | undefined;

if (mode === 'overhead') {
  const poll = pollHandlers(vigil.deps).find((h) => h.name === pollConnectionJob.name)!;
  let done = 0;
  let target = 0;
  let finished: (() => void) | undefined;
  const counted = (h: JobHandler): JobHandler => ({
    name: h.name,
    async handle(payload, ctx) {
      await h.handle(payload, ctx);
      if (++done === target) finished?.();
    },
  });
  runner = await startBullmqRunner({
    registry: new JobRegistry([pollConnectionJob, noopJob]),
    handlers: [counted(poll), counted(handleJob(noopJob, async () => {}))],
    schedules: [],
    queues: { ...queueSettings(env), polling: { concurrency: 1 } },
    work: true,
    logger: vigil.deps.logger,
    redisUrl: env.REDIS_URL!,
    prefix: `${env.REDIS_KEY_PREFIX}overhead-bull`,
  });
  const jobs = runner;
  const ctx = { jobId: 'direct', attempt: 1, logger: vigil.deps.logger };
  const runJobs = async (m: OverheadAsk): Promise<OverheadAnswer> => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    if (m.kind === 'direct') {
      for (const connectionId of m.ids) await poll.handle({ connectionId }, ctx);
    } else if (m.ids.length > 0) {
      done = 0;
      target = m.ids.length;
      const all = new Promise<void>((resolve) => (finished = resolve));
      for (const [i, connectionId] of m.ids.entries()) {
        if (m.kind === 'poll') await jobs.enqueue(pollConnectionJob, { connectionId });
        else await jobs.enqueue(noopJob, { connectionId }, { jobId: `noop-${m.round}-${i}` });
      }
      await all;
    }
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { type: 'overhead-done', ms, cpuUs: cpu.user + cpu.system };
  };
  // The bench asks over loopback HTTP (the IPC channel carries the shared harness's messages).
  control = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void runJobs(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OverheadAsk).then(
        (answer) => res.end(JSON.stringify(answer)),
        (err: unknown) => {
          res.statusCode = 500;
          res.end(String(err));
        },
      );
    });
  });
  await new Promise<void>((resolve) => control!.listen(0, '127.0.0.1', resolve));
}

serveOverIpc(
  { url: control ? `http://127.0.0.1:${(control.address() as AddressInfo).port}` : '', path: '/run', headers: {} },
  async () => {
    control?.close();
    await runner?.stop();
    await vigil.stop();
  },
);
