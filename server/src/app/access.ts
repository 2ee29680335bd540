import { forbidden } from '@/lib/errors/app-error';
import type { Actor } from './actor';

/** The first line of a service method: the actor holds the permission, or FORBIDDEN. */
export function requirePermission(actor: Actor, permission: string): void {
  if (!actor.permissions.has(permission)) throw forbidden(`Needs the ${permission} permission`);
}
