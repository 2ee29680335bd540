import type { Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import type { Env } from '@/config/env';
import { loadOrCreateDevSecrets } from '@/lib/crypto/dev-secrets';
import { loadKeyRing } from '@/lib/crypto/key-ring';
import { SecretBox } from '@/lib/crypto/secret-box';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { runMigrations } from '@/lib/db/migrate';
import { createOrm } from '@/lib/db/orm';
import { AttemptLimiter } from '@/lib/kv/attempt-limiter';
import { memoryKv, redisKv } from '@/lib/kv/kv-store';
import { createLogger, type Logger } from '@/lib/logger';
import { AuditBatcher } from '@/modules/audit/audit-batcher';
import { ensureFirstAdmin } from '@/modules/orgs/ensure-first-admin';
import { verifyChainsJob } from '@/modules/audit/jobs/verify-chains.job';
import { recurringSchedules } from '@/modules/scheduler/schedules';
import type { JobHandler } from '@/lib/queue/job-registry';
import { startBullmqRunner, startInProcessRunner, type JobRunner } from '@/lib/queue/job-runner';
import { AuditChainer } from '@/modules/audit/audit-chainer';
import { AccessTokens } from '@/modules/auth/access-token';
import { SessionRevocation } from '@/modules/auth/session-revocation';
import type { AppDeps } from './deps';
import { createGraphQLServer } from './graphql-server';
import { createHttpApp } from './http';
import { buildAppSchema } from './schema';

export type Vigil = {
  deps: AppDeps;
  chainer: AuditChainer | undefined;
  jobs: JobRunner;
  /** The listening address, when the mode serves the API. */
  url: string | undefined;
  stop(): Promise<void>;
};

/** The composition root: builds every process-wide service once, in dependency order. */
export async function startVigil(env: Env, logger: Logger = createLogger(env.LOG_LEVEL)): Promise<Vigil> {
  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((err) => logger.error({ err }, 'shutdown step failed'));
  };
  try {
    const { databaseUrl, adminUrl, embedded } = await resolveDatabase(env, logger);
    if (embedded) stops.push(() => embedded.stop());
    // The app role may not change the schema: migrations run only with an administrator's URL
    // (embedded mode has one; a deployment runs the `migrate` command or sets DATABASE_ADMIN_URL).
    if (adminUrl) {
      const migrations = await runMigrations(adminUrl);
      if (migrations.applied.length) logger.info({ applied: migrations.applied }, 'migrations applied');
    } else {
      logger.info('DATABASE_ADMIN_URL not set: migrations are left to the `migrate` command');
    }

    const orm: MikroORM = await createOrm({ url: databaseUrl, poolMax: embedded ? 1 : env.DATABASE_POOL_MAX });
    stops.push(() => orm.close(true));

    if (env.FIRST_ADMIN_EMAIL && env.FIRST_ADMIN_PASSWORD) {
      const outcome = await ensureFirstAdmin(orm, {
        orgName: env.FIRST_ORG_NAME,
        email: env.FIRST_ADMIN_EMAIL,
        password: env.FIRST_ADMIN_PASSWORD,
      });
      if (outcome === 'created') logger.info({ email: env.FIRST_ADMIN_EMAIL }, 'first organization and Admin created');
    }

    const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, {
          maxRetriesPerRequest: 2,
          // Denylist look-ups of requests arriving together leave in one write.
          enableAutoPipelining: true,
        }) : undefined;
    if (redis) stops.push(() => redis.quit());
    else logger.warn('REDIS_URL not set: in-memory denylist, rate limits and jobs (one node only)');

    const dev = env.JWT_SECRET && (env.ENCRYPTION_KEYS || env.ENCRYPTION_KEYS_FILE) ? undefined : await loadOrCreateDevSecrets(env.DATA_DIR);
    const ring = loadKeyRing({ inline: env.ENCRYPTION_KEYS ?? dev?.encryptionKeys, file: env.ENCRYPTION_KEYS_FILE })!;
    const kv = redis ? redisKv(redis) : memoryKv();
    const limiter = (name: string, maxFailures: number) =>
      new AttemptLimiter({ name, keyPrefix: env.REDIS_KEY_PREFIX, maxFailures, windowSeconds: env.MFA_FAILURE_WINDOW_SECONDS, redis });

    const auditBatcher = new AuditBatcher(orm);
    const deps: AppDeps = {
      env,
      logger,
      orm,
      redis,
      tokens: new AccessTokens(Buffer.from(env.JWT_SECRET ?? dev!.jwtSecret, 'base64')),
      revocation: new SessionRevocation(kv, env.REDIS_KEY_PREFIX),
      secrets: new SecretBox(ring),
      auditBatcher,
      limits: {
        mfaPerUser: limiter('mfa-user', env.MFA_MAX_FAILURES_PER_USER),
        mfaPerIp: limiter('mfa-ip', env.MFA_MAX_FAILURES_PER_IP),
        loginPerIp: limiter('login-ip', env.LOGIN_MAX_FAILURES_PER_IP),
      },
    };
    stops.push(() => auditBatcher.idle());

    let chainer: AuditChainer | undefined;
    if (env.VIGIL_MODE !== 'api') {
      chainer = new AuditChainer(orm, {
        intervalMs: env.AUDIT_CHAIN_INTERVAL_MS,
        onError: (err) => logger.error({ err }, 'audit chaining failed'),
      });
      chainer.start();
      deps.auditChainer = chainer;
      stops.push(() => chainer!.stop());
    }

    const work = env.VIGIL_MODE !== 'api';
    const jobOpts = { handlers: jobHandlers(deps), schedules: recurringSchedules(env), work, logger };
    const jobs = env.REDIS_URL
      ? await startBullmqRunner({ ...jobOpts, redisUrl: env.REDIS_URL, prefix: `${env.REDIS_KEY_PREFIX}bull` })
      : startInProcessRunner(jobOpts);
    stops.push(() => jobs.stop());

    let url: string | undefined;
    if (env.VIGIL_MODE !== 'worker') {
      const apollo = createGraphQLServer(deps, await buildAppSchema());
      await apollo.start();
      stops.push(() => apollo.stop());
      const app = createHttpApp(deps, apollo, () => isReady(orm, redis));
      const server = await listen(app, env.PORT, env.HOST);
      stops.push(() => new Promise((resolve) => server.close(resolve)));
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : env.PORT;
      url = `http://${env.HOST}:${port}`;
      logger.info({ url, mode: env.VIGIL_MODE }, 'Vigil API listening');
    }
    return { deps, chainer, jobs, url, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** One handler per registered job (lib/queue/job-registry.ts checks it). */
const jobHandlers = (deps: AppDeps): JobHandler[] => [verifyChainsJob(deps)];

async function resolveDatabase(env: Env, logger: Logger) {
  if (env.DATABASE_URL) {
    return { databaseUrl: env.DATABASE_URL, adminUrl: env.DATABASE_ADMIN_URL, embedded: undefined };
  }
  const embedded: EmbeddedPostgres = await startEmbeddedPostgres(env.DATA_DIR);
  logger.warn({ dataDir: env.DATA_DIR }, 'DATABASE_URL not set: embedded PostgreSQL (PGlite), for a first run only');
  return { databaseUrl: embedded.url, adminUrl: embedded.url, embedded };
}

async function isReady(orm: MikroORM, redis: Redis | undefined): Promise<boolean> {
  if (!(await orm.isConnected())) return false;
  if (redis && (await redis.ping()) !== 'PONG') return false;
  return true;
}

function listen(app: ReturnType<typeof createHttpApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(server)));
  });
}
