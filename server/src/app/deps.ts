import type { MikroORM } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import type { Env } from '@/config/env';
import type { SecretBox } from '@/lib/crypto/secret-box';
import type { AttemptLimiter } from '@/lib/kv/attempt-limiter';
import type { Logger } from '@/lib/logger';
import type { AuditBatcher } from '@/modules/audit/audit-batcher';
import type { AuditChainer } from '@/modules/audit/audit-chainer';
import type { AccessTokens } from '@/modules/auth/access-token';
import type { SessionRevocation } from '@/modules/auth/session-revocation';

/** The process-wide services a request can use; built once by the composition root. */
export type AppDeps = {
  env: Env;
  logger: Logger;
  orm: MikroORM;
  redis: Redis | undefined;
  tokens: AccessTokens;
  revocation: SessionRevocation;
  secrets: SecretBox;
  auditBatcher: AuditBatcher;
  /** The chainer of this process (modes all and worker), for its delay figures. */
  auditChainer?: AuditChainer;
  limits: {
    mfaPerUser: AttemptLimiter;
    mfaPerIp: AttemptLimiter;
    loginPerIp: AttemptLimiter;
  };
};
