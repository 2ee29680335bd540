import { writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import type { Env } from '@/config/env';
import { loadOrCreateDevSecrets } from '@/lib/crypto/dev-secrets';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { runMigrations } from '@/lib/db/migrate';
import { createLongReadPool } from '@/lib/db/long-read-pool';
import { inScopedTransaction } from '@/lib/db/request-db';
import { durableKv } from '@/lib/kv/durable-kv';
import { createOrm } from '@/lib/db/orm';
import { ConcurrencyLimiter } from '@/lib/concurrency/concurrency-limiter';
import { createLogger, type Logger } from '@/lib/logger';
import type { JobRunner } from '@/lib/queue/job-runner';
import { AuditChainer, ENTRY_MAC_MIGRATION, sealMacStarts } from '@/core/audit';
import type { CoreDeps } from '@/core/deps';
import { ensureFirstAdmin } from '@/core/identity';
import { buildDeps } from './deps';
import { createGraphQLServer } from './graphql-server';
import { createHttpApp } from './http';
import { startDemo } from '@/modules/demo';
import { startJobs } from './jobs';
import { MODULES } from './modules';
import { ModuleRegistry } from './module-registry';
import { buildAppSchema } from './schema';

export type Vigil = {
  deps: CoreDeps;
  chainer: AuditChainer | undefined;
  jobs: JobRunner;
  /** The listening address, when the mode serves the API. */
  url: string | undefined;
  stop(): Promise<void>;
};

/**
 * The composition root: builds every process-wide service once, in dependency order, from
 * config and the module list (app/modules.ts).
 */
export async function startVigil(
  configured: Env,
  logger: Logger = createLogger(configured.LOG_LEVEL),
  modules = MODULES,
): Promise<Vigil> {
  const registry = new ModuleRegistry(modules);
  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((err) => logger.error({ err }, 'shutdown step failed'));
  };
  try {
    // Demo mode (never in production): its simulated exchange and chain start first, and the
    // config everything else is built from points the real adapters at them.
    const demo = configured.VIGIL_DEMO ? await startDemo(configured, logger) : undefined;
    if (demo) stops.push(() => demo.stop());
    const env = demo?.env ?? configured;
    const { databaseUrl, adminUrl, embedded } = await resolveDatabase(env, logger);
    if (embedded) stops.push(() => embedded.stop());
    // The app role may not change the schema: migrations run only with an administrator's URL
    // (embedded mode has one; a deployment runs the `migrate` command or sets DATABASE_ADMIN_URL).
    let macsBegin = false;
    if (adminUrl) {
      const migrations = await runMigrations(adminUrl);
      if (migrations.applied.length) logger.info({ applied: migrations.applied }, 'migrations applied');
      macsBegin = migrations.applied.includes(ENTRY_MAC_MIGRATION);
    } else {
      logger.info('DATABASE_ADMIN_URL not set: migrations are left to the `migrate` command');
    }

    const orm: MikroORM = await createOrm({
      url: databaseUrl,
      poolMax: embedded ? 1 : env.DATABASE_REQUEST_URL ? env.DATABASE_SYSTEM_POOL_MAX : env.DATABASE_POOL_MAX,
      entities: registry.entities,
    });
    stops.push(() => orm.close(true));
    // Requests get a pool of their own, as a role that cannot become vigil_system (migration 0010).
    const requestOrm: MikroORM =
      env.DATABASE_REQUEST_URL && !embedded
        ? await createOrm({ url: env.DATABASE_REQUEST_URL, poolMax: env.DATABASE_POOL_MAX, entities: registry.entities })
        : orm;
    if (requestOrm !== orm) stops.push(() => requestOrm.close(true));
    else if (!embedded) logger.warn('DATABASE_REQUEST_URL not set: requests share the system pool (development only)');

    if (env.FIRST_ADMIN_EMAIL && env.FIRST_ADMIN_PASSWORD) {
      const outcome = await ensureFirstAdmin(orm, {
        orgName: env.FIRST_ORG_NAME,
        slug: env.FIRST_ORG_SLUG,
        email: env.FIRST_ADMIN_EMAIL,
        password: env.FIRST_ADMIN_PASSWORD,
      });
      if (outcome.created)
        logger.info({ email: env.FIRST_ADMIN_EMAIL, organization: outcome.slug }, 'first organization and Admin created');
      // For the launcher's banner: it prints the first password only while it still works.
      if (env.FIRST_ADMIN_STATUS_FILE) {
        const status = {
          organization: outcome.slug,
          email: env.FIRST_ADMIN_EMAIL,
          initialPasswordInUse: outcome.initialPasswordInUse,
        };
        await writeFile(env.FIRST_ADMIN_STATUS_FILE, JSON.stringify(status), { mode: 0o600 });
      }
    }

    const redis = env.REDIS_URL
      ? new Redis(env.REDIS_URL, {
          maxRetriesPerRequest: 2,
          // Denylist look-ups of requests arriving together leave in one write.
          enableAutoPipelining: true,
        })
      : undefined;
    if (redis) stops.push(() => redis.quit());
    else
      logger.warn(
        embedded
          ? 'REDIS_URL not set: the denylist is kept in the embedded database; rate limits and jobs in memory (one node only)'
          : 'REDIS_URL not set: in-memory denylist, rate limits and jobs (one node only)',
      );

    const dev =
      env.JWT_SECRET && (env.ENCRYPTION_KEYS || env.ENCRYPTION_KEYS_FILE)
        ? undefined
        : await loadOrCreateDevSecrets(env.DATA_DIR);
    // Exports read on a pool of their own: however many run, they never hold a request's connection.
    // Exports are requests' reads (user scope): they connect as the request role too.
    const longReadPool = embedded
      ? undefined
      : createLongReadPool(env.DATABASE_REQUEST_URL ?? databaseUrl, env.EXPORT_MAX_CONCURRENT, (err) =>
          logger.warn({ err }, 'long-read connection lost'),
        );
    if (longReadPool) stops.push(() => longReadPool.end());
    const longReads = { source: longReadPool ?? orm, cancelable: !embedded, slots: new ConcurrencyLimiter() };
    // Embedded mode has no Redis: its denylist is kept in the embedded database as well, so a
    // restart (which keeps the signing key and the tokens) keeps every revocation too.
    const kv =
      embedded && !redis
        ? await durableKv(
            <T>(sql: string, params: unknown[]) =>
              inScopedTransaction(orm, { role: 'vigil_system', source: 'denylist' }, (em) => em.execute<T[]>(sql, params)),
            (err) => logger.error({ err }, 'denylist: a revocation did not reach the embedded database'),
          )
        : undefined;
    if (kv) stops.push(() => kv.settled());
    const deps = buildDeps({ env, logger, orm, requestOrm, redis, dev, registry, longReads, kv });
    // This process began entry MACs: it seals each org's MAC start, before it writes any entry.
    if (macsBegin) {
      const sealing = await sealMacStarts(orm, deps.auditMac);
      if (sealing.pending === 0) logger.info(sealing, 'audit MAC starts sealed');
      else logger.error(sealing, 'audit MAC starts left unsealed: entries from before migration 0012 will verify as forged');
    }
    const auditBatcher = deps.auditBatcher;
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

    const jobs = await startJobs(deps, registry, logger);
    stops.push(() => jobs.stop());

    let url: string | undefined;
    if (env.VIGIL_MODE !== 'worker') {
      const apollo = createGraphQLServer(deps, await buildAppSchema(registry));
      await apollo.start();
      stops.push(() => apollo.stop());
      const app = createHttpApp(
        deps,
        apollo,
        registry.routes,
        async () => (await isReady(orm, redis)) && requestOrm.isConnected(),
      );
      const server = await listen(app, env.PORT, env.HOST);
      stops.push(() => new Promise((resolve) => server.close(resolve)));
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : env.PORT;
      url = `http://${env.HOST}:${port}`;
      logger.info({ url, mode: env.VIGIL_MODE }, 'Vigil API listening');
    }
    // A failed seed leaves a working server: loud in the log, not a failed boot.
    if (demo && url)
      await demo
        .seed({ orm, auditMac: deps.auditMac, apiUrl: url })
        .catch((err: unknown) => logger.error({ err }, 'DEMO MODE: seeding the demo employees failed'));
    return { deps, chainer, jobs, url, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

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
