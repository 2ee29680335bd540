import type { EntitySchema } from '@mikro-orm/core';
import type { Env } from '@/config/env';
import type { SealedColumns } from '@/lib/crypto/sealed-columns';
import type { JobHandler, RecurringSchedule } from '@/lib/queue/job-definition';
import { JobRegistry } from '@/lib/queue/job-registry';
import { accessProviders, type AccessProviders } from '@/core/access/require-access';
import type { CoreDeps } from '@/core/deps';
import { indexRootFields, type RootFieldIndex } from '@/core/graphql/root-field';
import type { HttpRoute, ResolverClass, VigilModule } from '@/core/module';

/**
 * What the modules of a list bring, gathered once and checked for clashes: two modules that
 * declare one root field, job, access provider, audit action or route path refuse to start.
 */
export class ModuleRegistry {
  readonly rootFields: RootFieldIndex;
  readonly access: AccessProviders;
  readonly jobs: JobRegistry;
  readonly auditActions: readonly string[];

  constructor(readonly modules: readonly VigilModule[]) {
    const names = modules.map((m) => m.name);
    const twice = names.filter((n, i) => names.indexOf(n) !== i);
    if (twice.length) throw new Error(`module listed twice: ${twice.join(', ')}`);
    this.rootFields = indexRootFields(modules.flatMap((m) => (m.fields ? [m.fields] : [])));
    this.access = accessProviders(modules.flatMap((m) => m.access ?? []));
    this.jobs = new JobRegistry(modules.flatMap((m) => m.jobs ?? []));
    this.auditActions = unique(
      'audit action',
      modules.flatMap((m) => m.auditActions ?? []),
    );
    unique(
      'route',
      this.routes.map((r) => r.path),
    );
  }

  get entities(): EntitySchema[] {
    return this.modules.flatMap((m) => m.entities ?? []);
  }

  get resolvers(): ResolverClass[] {
    return this.modules.flatMap((m) => m.resolvers ?? []);
  }

  get sealedColumns(): SealedColumns[] {
    return this.modules.flatMap((m) => m.sealedColumns ?? []);
  }

  get routes(): HttpRoute[] {
    return this.modules.flatMap((m) => m.routes ?? []);
  }

  schedules(env: Env): RecurringSchedule[] {
    return this.modules.flatMap((m) => m.schedules?.(env) ?? []);
  }

  handlers(deps: CoreDeps): JobHandler[] {
    return this.modules.flatMap((m) => m.handlers?.(deps) ?? []);
  }
}

function unique(what: string, values: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw new Error(`${what} ${v} is declared twice`);
    seen.add(v);
  }
  return [...seen];
}
