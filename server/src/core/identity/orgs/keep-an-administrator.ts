import { conflict } from '@/lib/errors/app-error';
import { sqlState } from '@/lib/db/pg-errors';

// Raised by the database (migration 0013) when a change would leave an organization without an
// enabled user whose role holds users:write and roles:write. The check lives there so that two
// concurrent demotions cannot both pass it.
const LAST_ADMINISTRATOR = 'VGA01';

export const LAST_ADMINISTRATOR_MESSAGE =
  'This would leave the organization without an administrator: at least one enabled user must hold a role with ' +
  'users:write and roles:write. Give such a role to someone else first.';

/** Runs a flush; the database's last-administrator refusal becomes CONFLICT, other errors pass. */
export async function keepingAnAdministrator<T>(flush: () => Promise<T>): Promise<T> {
  try {
    return await flush();
  } catch (err) {
    if (sqlState(err) === LAST_ADMINISTRATOR) throw conflict(LAST_ADMINISTRATOR_MESSAGE);
    throw err;
  }
}
