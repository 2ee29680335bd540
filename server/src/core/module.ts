import type { EntitySchema } from '@mikro-orm/core';
import type { Router } from 'express';
import type { Env } from '@/config/env';
import type { SealedColumns } from '@/lib/crypto/sealed-columns';
import type { JobDefinition, JobHandler, RecurringSchedule } from '@/lib/queue/job-definition';
import type { AccessProvider } from '@/core/access/require-access';
import type { CoreDeps } from '@/core/deps';
import type { RootFields } from '@/core/graphql/root-field';

/** A type-graphql resolver class. */
export type ResolverClass = abstract new (...args: never[]) => object;

/** An HTTP route outside GraphQL, mounted at `path` (REST exports, partner callbacks). */
export type HttpRoute = { path: string; router: (deps: CoreDeps) => Router };

/**
 * Everything a capability brings, in one manifest: the composition root (app/modules.ts) lists
 * each module once, and bootstrap, the schema, the shield, the job registry, the re-encryption
 * command and the coverage tests are all built from that list. Nothing else needs an edit when
 * a module is added.
 */
export type VigilModule = {
  /** The module's folder name; job names and custom audit actions start with it. */
  name: string;
  /** MikroORM EntitySchema definitions of the tables the module owns through the ORM. */
  entities?: readonly EntitySchema[];
  resolvers?: readonly ResolverClass[];
  /** Each root field the resolvers serve: its rule, audited resource and id argument. */
  fields?: RootFields;
  /** Which object ids of its resources an actor may touch (`access.require`). */
  access?: readonly AccessProvider[];
  jobs?: readonly JobDefinition[];
  /** One handler per declared job; the worker refuses to start otherwise. */
  handlers?: (deps: CoreDeps) => readonly JobHandler[];
  schedules?: (env: Env) => readonly RecurringSchedule[];
  /** Columns holding SecretBox ciphertexts: `reencrypt-secrets` walks them. */
  sealedColumns?: readonly SealedColumns[];
  /** Audit actions the module writes besides its root fields' `query.*` / `mutation.*`. */
  auditActions?: readonly string[];
  routes?: readonly HttpRoute[];
};

export const defineModule = <const M extends VigilModule>(module: M): M => module;
