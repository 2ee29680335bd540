import type { MikroORM } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import type { Env } from '@/config/env';
import type { DevSecrets } from '@/lib/crypto/dev-secrets';
import { loadKeyRing } from '@/lib/crypto/key-ring';
import { SecretBox } from '@/lib/crypto/secret-box';
import { AttemptLimiter } from '@/lib/kv/attempt-limiter';
import { memoryKv, redisKv, type KvStore } from '@/lib/kv/kv-store';
import { ProgressiveDelay } from '@/lib/kv/progressive-delay';
import type { Logger } from '@/lib/logger';
import { AuditBatcher, AuditChainStatus, AuditEntryMac } from '@/core/audit';
import type { CoreDeps } from '@/core/deps';
import { AccessTokens, SessionRevocation } from '@/core/identity';
import type { ModuleRegistry } from './module-registry';

/** The process-wide services, built once from config and the module list. */
export function buildDeps(opts: {
  env: Env;
  logger: Logger;
  orm: MikroORM;
  requestOrm: MikroORM;
  redis: Redis | undefined;
  dev: DevSecrets | undefined;
  registry: ModuleRegistry;
  longReads: CoreDeps['longReads'];
  /** The denylist's store when neither Redis nor memory will do (embedded mode: durableKv). */
  kv?: KvStore;
}): CoreDeps {
  const { env, logger, orm, requestOrm, redis, dev, registry } = opts;
  const ring = loadKeyRing({ inline: env.ENCRYPTION_KEYS ?? dev?.encryptionKeys, file: env.ENCRYPTION_KEYS_FILE });
  if (!ring) throw new Error('no encryption key ring');
  const jwtSecret = env.JWT_SECRET ?? dev?.jwtSecret;
  if (!jwtSecret) throw new Error('no JWT signing key');
  const auditMac = new AuditEntryMac(ring);
  const kv = opts.kv ?? (redis ? redisKv(redis) : memoryKv());
  const limiter = (name: string, maxFailures: number) =>
    new AttemptLimiter({
      name,
      keyPrefix: env.REDIS_KEY_PREFIX,
      maxFailures,
      windowSeconds: env.MFA_FAILURE_WINDOW_SECONDS,
      redis,
    });
  return {
    env,
    logger,
    orm,
    requestOrm,
    redis,
    tokens: new AccessTokens(Buffer.from(jwtSecret, 'base64')),
    revocation: new SessionRevocation(kv, env.REDIS_KEY_PREFIX),
    secrets: new SecretBox(ring),
    auditMac,
    auditBatcher: new AuditBatcher(orm, auditMac),
    auditChainStatus: new AuditChainStatus(orm, auditMac, env.AUDIT_STATUS_CACHE_MS),
    longReads: opts.longReads,
    access: registry.access,
    rootFields: registry.rootFields,
    auditActions: registry.auditActions,
    jobRegistry: registry.jobs,
    limits: {
      mfaPerUser: limiter('mfa-user', env.MFA_MAX_FAILURES_PER_USER),
      mfaPerIp: limiter('mfa-ip', env.MFA_MAX_FAILURES_PER_IP),
      loginPerIp: limiter('login-ip', env.LOGIN_MAX_FAILURES_PER_IP),
      loginPerAccount: new ProgressiveDelay({
        name: 'login-account',
        keyPrefix: env.REDIS_KEY_PREFIX,
        freeFailures: env.LOGIN_ACCOUNT_FREE_FAILURES,
        baseDelayMs: env.LOGIN_ACCOUNT_BASE_DELAY_MS,
        maxDelayMs: env.LOGIN_ACCOUNT_MAX_DELAY_SECONDS * 1000,
        windowSeconds: 24 * 60 * 60,
        knownSourceSeconds: 30 * 24 * 60 * 60,
        redis,
      }),
    },
  };
}
