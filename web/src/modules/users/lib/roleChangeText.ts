// The words around a role change, kept apart from the dialog so they can be tested.

/** Before saving a change of one's own role: first person, and what will happen. */
export const OWN_ROLE_WARNING =
  'You are changing your own role. When you save, you will be signed out of every session, this one included, ' +
  'and sign in again with the new role’s permissions. If the new role cannot manage users and roles, you cannot undo this yourself.';

/** Said on the sign-in page after one's own role changed. */
export const ownRoleSignedOutNotice = (roleName: string) =>
  `Your role was changed to ${roleName}. You were signed out because your sessions carried the old role’s permissions; ` +
  'sign in again to continue with the new ones.';

/** A refused change, in words for the person who tried it; CONFLICT is the last-administrator rule. */
export function roleChangeRefusal(code: string | null, serverMessage: string, self: boolean): string {
  if (code !== 'CONFLICT') return serverMessage;
  const who = self ? 'You are' : 'This person is';
  return (
    `Not changed: ${who} the organization’s last administrator (an enabled user whose role can manage users and roles). ` +
    'Give such a role to someone else first, then try again.'
  );
}
