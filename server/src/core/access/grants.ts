import { badInput, forbidden, type AppError } from '@/lib/errors/app-error';
import type { Permission } from './permission-catalog';

// Who may define and give which permissions (R9). The database holds the same rules
// (migration 0007): a CHECK for separation of duties, RLS for role definitions, a trigger for
// role assignment.

/** Permissions that administer: people, roles, partners, API keys. */
export const ADMINISTERING: readonly Permission[] = ['users:write', 'roles:write', 'partners:write', 'api_keys:write'];
/** Permissions that move money: approving milestones, releasing funds. */
export const RELEASING: readonly Permission[] = ['milestones:write', 'releases:write'];

/** A role that administers never also approves or releases, whoever defines it. */
export function separationOfDutiesRefusal(permissions: readonly string[]): AppError | null {
  const administers = ADMINISTERING.filter((p) => permissions.includes(p));
  const releases = RELEASING.filter((p) => permissions.includes(p));
  if (administers.length === 0 || releases.length === 0) return null;
  return badInput(`A role cannot both administer (${administers.join(', ')}) and approve or release (${releases.join(', ')})`, {
    field: 'permissions',
  });
}

const lacking = (held: ReadonlySet<string>, permissions: readonly string[]) => permissions.filter((p) => !held.has(p));

/** A custom role is defined only with permissions its writer holds, and never against separation of duties. */
export function definitionRefusal(held: ReadonlySet<string>, permissions: readonly string[]): AppError | null {
  const sod = separationOfDutiesRefusal(permissions);
  if (sod) return sod;
  const missing = lacking(held, permissions);
  return missing.length ? forbidden(`You cannot grant permissions you do not hold: ${missing.join(', ')}`) : null;
}

/**
 * A role is given only by someone holding all of its permissions, with one exception that
 * provisioning needs: a built-in role may be given to someone else when what the giver lacks of
 * it is business permissions (an Admin makes Funders, Compliance officers and Employees without
 * holding their permissions). Administering permissions are only ever given by their holders,
 * custom roles only by holders of all of theirs, and nobody gives themselves what they lack.
 */
export function assignmentRefusal(
  held: ReadonlySet<string>,
  role: { name: string; permissions: readonly string[]; builtIn: boolean },
  toSelf: boolean,
): AppError | null {
  const missing = lacking(held, role.permissions);
  if (missing.length === 0) return null;
  const provisioning = role.builtIn && !toSelf && !missing.some((p) => (ADMINISTERING as readonly string[]).includes(p));
  if (provisioning) return null;
  return forbidden(
    toSelf
      ? `You cannot give yourself permissions you do not hold: ${missing.join(', ')}`
      : `Only someone holding all of its permissions can give the role "${role.name}" (you lack ${missing.join(', ')})`,
  );
}
