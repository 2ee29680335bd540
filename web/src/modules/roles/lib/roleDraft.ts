/** What the role editor holds while someone edits. */
export type RoleDraft = { name: string; description: string; permissions: string[] };

// The server's limits (roles service): a name of 1–80 characters, a description of at most 500.
export const ROLE_NAME_MAX_LENGTH = 80;
export const ROLE_DESCRIPTION_MAX_LENGTH = 500;

export function validateRoleDraft(draft: RoleDraft): { name: string | null; description: string | null } {
  const name = draft.name.trim();
  return {
    name:
      name === ''
        ? 'Give the role a name people will recognize in the users list and the audit log.'
        : name.length > ROLE_NAME_MAX_LENGTH
          ? `Use at most ${ROLE_NAME_MAX_LENGTH} characters.`
          : null,
    description:
      draft.description.trim().length > ROLE_DESCRIPTION_MAX_LENGTH
        ? `Use at most ${ROLE_DESCRIPTION_MAX_LENGTH} characters.`
        : null,
  };
}

/** What an edit changed, compared as the server stores it (trimmed text, permissions as a set). */
export function roleDraftChanged(before: RoleDraft, after: RoleDraft): { permissions: boolean; any: boolean } {
  const permissions =
    before.permissions.length !== after.permissions.length || before.permissions.some((p) => !after.permissions.includes(p));
  const text = before.name.trim() !== after.name.trim() || before.description.trim() !== after.description.trim();
  return { permissions, any: permissions || text };
}
