import pg from 'pg';

/**
 * Who a transaction acts for. `vigil_user` is bound by every RLS policy of the actor's org;
 * `vigil_system` is for work that spans organizations (login lookup, audit chaining, jobs).
 * `app.actor_type` says which kind of actor (user, api_key, system) for policies that tell them
 * apart.
 */
export type DbScope =
  | {
      role: 'vigil_user';
      /** Who acts: a person (JWT) or an integrator's API key. */
      actorType: 'user' | 'api_key';
      orgId: string;
      actorId: string;
      roleId: string | null;
      permissions: readonly string[];
    }
  | { role: 'vigil_system'; source: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PERMISSION = /^[a-z_]+:[a-z_]+$/;

/**
 * The statements that open a scope inside a transaction: `SET LOCAL ROLE` and transaction-local
 * settings only, so nothing leaks to the next user of the pooled connection (and it is safe on
 * PGlite's single shared session). Values are validated and then quoted, so the preamble can
 * travel in the same simple-query message as the statement it guards: one round trip.
 */
export function scopePreamble(scope: DbScope): string {
  if (scope.role === 'vigil_system') {
    return `SET LOCAL ROLE vigil_system; SELECT set_config('app.actor_type', 'system', true), set_config('app.system_source', ${pg.escapeLiteral(scope.source)}, true);`;
  }
  for (const id of [scope.orgId, scope.actorId]) {
    if (!UUID.test(id)) throw new Error('scope ids must be UUIDs');
  }
  if (scope.roleId !== null && !UUID.test(scope.roleId)) throw new Error('scope ids must be UUIDs');
  if (scope.actorType !== 'user' && scope.actorType !== 'api_key') throw new Error('bad actor type in scope');
  for (const p of scope.permissions) {
    if (!PERMISSION.test(p)) throw new Error(`bad permission name in scope: ${p}`);
  }
  return (
    'SET LOCAL ROLE vigil_user; SELECT ' +
    [
      `set_config('app.actor_type', '${scope.actorType}', true)`,
      `set_config('app.org_id', '${scope.orgId}', true)`,
      `set_config('app.actor_id', '${scope.actorId}', true)`,
      `set_config('app.role_id', '${scope.roleId ?? ''}', true)`,
      `set_config('app.permissions', '${scope.permissions.join(',')}', true)`,
    ].join(', ') +
    ';'
  );
}
