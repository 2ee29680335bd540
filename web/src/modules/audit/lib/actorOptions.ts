import { looksLikeActorId } from './auditFilter';

/** An option of the actor picker: the id the filter sends, and how it is shown. */
export type ActorOption = { value: string; label: string };

export const actorOptionLabel = (name: string, email: string | null): string => (email ? `${name} <${email}>` : name);

/**
 * The options to offer: the server's matches, the actor already picked (so the picker can still
 * show it whatever is typed next), and the typed text as an id when it is one. Each id once.
 */
export function actorOptionsFor(matches: readonly ActorOption[], picked: ActorOption | null, typed: string): ActorOption[] {
  const options = [...matches];
  const has = (id: string) => options.some((o) => o.value === id);
  if (picked && !has(picked.value)) options.unshift(picked);
  const id = typed.trim();
  if (looksLikeActorId(id) && !has(id)) options.push({ value: id, label: `Actor id ${id}` });
  return options;
}
