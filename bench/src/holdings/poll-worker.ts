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
import { noopJob, type OverheadAnswer, type OverheadAsk, type OverheadSample } from './overhead-messages';

// The bench's worker process (a child, so its CPU time is its own: process.cpuUsage).
// BENCH_HOLDINGS_MODE=cycle: Vigil in mode `worker`, exactly as deployed: the scheduler tick
// claims due connections, the `polling` queue runs ConnectionPoller with the real ccxt adapters
// (EXCHANGE_API_BASE_* point them at the doubles).
// BENCH_HOLDINGS_MODE=overhead: Vigil in mode `api` (it works no queue itself) plus a BullMQ
// runner of the bench's own under another prefix, holding the real poll job and its real
// handler next to a no-op job on the same `polling` queue and worker, concurrency 1; samples are
// paired (poll job, the same handler called directly, no-op job), one job at a time.

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
  let noops = 0;
  const one = async (kind: OverheadSample['kind'], connectionId: string): Promise<OverheadSample> => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    if (kind === 'direct') await poll.handle({ connectionId }, ctx);
    else {
      done = 0;
      target = 1;
      const finishedOne = new Promise<void>((resolve) => (finished = resolve));
      if (kind === 'poll') await jobs.enqueue(pollConnectionJob, { connectionId });
      else await jobs.enqueue(noopJob, { connectionId }, { jobId: `noop-${++noops}` });
      await finishedOne;
    }
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { kind, ms, cpuUs: cpu.user + cpu.system };
  };
  const ORDERS: OverheadSample['kind'][][] = [
    ['poll', 'direct', 'noop'],
    ['direct', 'poll', 'noop'],
    ['noop', 'poll', 'direct'],
    ['noop', 'direct', 'poll'],
  ];
  // ids: 2N connections, the i-th and (N+i)-th at the same venue. The poll job and the direct
  // call of a pair poll different connections of that venue (a second poll of one key within a
  // second would wait in the key's budget), swapped every other pair.
  const runJobs = async (m: OverheadAsk): Promise<OverheadAnswer> => {
    const samples: OverheadSample[][] = [];
    const half = Math.floor(m.ids.length / 2);
    for (let i = 0; i < half; i++) {
      const [a, b] = [m.ids[i]!, m.ids[half + i]!];
      const idFor = (kind: OverheadSample['kind']) => ((kind === 'direct') === (i % 2 === 0) ? a : b);
      const pair: OverheadSample[] = [];
      for (const kind of ORDERS[(i + m.round) % ORDERS.length]!) pair.push(await one(kind, idFor(kind)));
      samples.push(pair);
    }
    return { type: 'overhead-done', samples };
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
