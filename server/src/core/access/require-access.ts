import type { RequestDb } from '@/lib/db/request-db';
import { forbidden, notFound } from '@/lib/errors/app-error';
import type { Actor } from '@/core/actor';
import { resourceOf, type Permission, type Resource } from './permission-catalog';

/**
 * Answers, for one resource, which of the given object ids an actor may touch. The module that
 * owns the resource registers it in its manifest; participation rules (a funder's deals, an
 * employee's connections) live here and again in RLS. It runs under the actor's RLS scope, so
 * it can never answer more than the database would show.
 */
export type AccessProvider = {
  resource: Resource;
  /** What NOT_FOUND calls a missing object: "User". */
  label: string;
  /** The subset of `ids` (distinct UUIDs) the actor may touch, in one round trip. */
  visibleIds(actor: Actor, ids: readonly string[], db: RequestDb): Promise<ReadonlySet<string>>;
};

export type AccessProviders = ReadonlyMap<Resource, AccessProvider>;

/** The providers of every module, one per resource. */
export function accessProviders(list: readonly AccessProvider[]): AccessProviders {
  const byResource = new Map<Resource, AccessProvider>();
  for (const p of list) {
    if (byResource.has(p.resource)) throw new Error(`two access providers for ${p.resource}`);
    byResource.set(p.resource, p);
  }
  return byResource;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The actor holds the permission, or FORBIDDEN. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) throw forbidden(`Needs the ${permission} permission`);
}

/**
 * The first line of a service method: `access.require(actor, 'deals:read', [dealId])`. The
 * actor must hold the permission (FORBIDDEN otherwise) and be allowed to touch every id, as
 * the resource's provider says; an id it may not touch is NOT_FOUND, the same as one that does
 * not exist, so nobody learns what another org or participant holds.
 */
export class ObjectAccess {
  constructor(
    private readonly providers: AccessProviders,
    private readonly db: () => RequestDb,
  ) {}

  async require(actor: Actor, permission: Permission, ids: readonly string[] = []): Promise<void> {
    requirePermission(actor, permission);
    if (ids.length === 0) return;
    const resource = resourceOf(permission);
    const provider = this.providers.get(resource);
    if (!provider) throw new Error(`no access provider is registered for ${resource}`);
    const distinct = [...new Set(ids)];
    if (!distinct.every((id) => UUID.test(id))) throw notFound(provider.label);
    const visible = await provider.visibleIds(actor, distinct, this.db());
    if (!distinct.every((id) => visible.has(id))) throw notFound(provider.label);
  }
}
