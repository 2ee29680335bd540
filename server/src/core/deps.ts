import type { MikroORM } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import type { Env } from '@/config/env';
import type { ConcurrencyLimiter } from '@/lib/concurrency/concurrency-limiter';
import type { RawClientSource } from '@/lib/db/raw-client';
import type { SecretBox } from '@/lib/crypto/secret-box';
import type { AttemptLimiter } from '@/lib/kv/attempt-limiter';
import type { ProgressiveDelay } from '@/lib/kv/progressive-delay';
import type { Logger } from '@/lib/logger';
import type { JobRegistry } from '@/lib/queue/job-registry';
import type { JobQueue } from '@/lib/queue/job-runner';
import type { AccessProviders } from '@/core/access/require-access';
import type { AuditBatcher } from '@/core/audit/audit-batcher';
import type { AuditChainer } from '@/core/audit/audit-chainer';
import type { AuditChainStatus } from '@/core/audit/audit-chain-status';
import type { AuditEntryMac } from '@/core/audit/audit-entry-mac';
import type { AccessTokens } from '@/core/identity/auth/access-token';
import type { SessionRevocation } from '@/core/identity/auth/session-revocation';
import type { RootFieldIndex } from '@/core/graphql/root-field';

/**
 * The process-wide services a request or a job can use; built once by the composition root
 * (app/deps.ts) from config and the module list.
 */
export type CoreDeps = {
  env: Env;
  logger: Logger;
  /** The system pool (vigil_app): audit appends, the chainer, jobs, sign-in lookups. */
  orm: MikroORM;
  /**
   * The request pool (vigil_request, which can become vigil_user and nothing else): every
   * request's own transaction. Embedded mode has one connection, so one pool serves both.
   */
  requestOrm: MikroORM;
  redis: Redis | undefined;
  tokens: AccessTokens;
  revocation: SessionRevocation;
  secrets: SecretBox;
  /**
   * Signs every audit entry a writer appends and checks each when a chain is verified, under keys
   * derived from the key ring (never in the database).
   */
  auditMac: AuditEntryMac;
  auditBatcher: AuditBatcher;
  /** The chainer of this process (modes all and worker), for its delay figures. */
  auditChainer?: AuditChainer;
  /** Each org's chain status, verified from its last verified point, one walk at a time per org. */
  auditChainStatus: AuditChainStatus;
  /**
   * Long reads (CSV exports): their connections come from a pool of their own, so they never hold
   * one a request needs (the ORM's only on the embedded single-session database, where a cut
   * statement cannot be cancelled either), and `slots` bounds how many run per org and per user.
   */
  longReads: { source: RawClientSource; cancelable: boolean; slots: ConcurrencyLimiter };
  /** Every module's object-access providers, by resource. */
  access: AccessProviders;
  /** Every module's root fields, for the audit middleware. */
  rootFields: RootFieldIndex;
  /** Every module's own audit actions besides its root fields' (the audit filter's vocabulary). */
  auditActions: readonly string[];
  /** Every module's jobs. */
  jobRegistry: JobRegistry;
  /** Where jobs go: BullMQ, or the in-process runner. Set once the runner has started. */
  jobs?: JobQueue;
  limits: {
    mfaPerUser: AttemptLimiter;
    mfaPerIp: AttemptLimiter;
    loginPerIp: AttemptLimiter;
    /** Password guesses per account, whatever the IP: progressive delays, never a lock-out. */
    loginPerAccount: ProgressiveDelay;
  };
};
