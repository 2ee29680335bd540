import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { AuditActorsDocument } from '@/generated/graphql';
import { actorOptionLabel, type ActorOption, actorOptionsFor } from '../lib/actorOptions';

/**
 * The actor picker's options for what is typed: the organization's users whose name or email
 * begins with it (looked up by the server, for any audit reader), the actor already picked, and
 * the typed text itself when it is an id.
 */
export function useAuditActorOptions(search: string, picked: ActorOption | null): { options: ActorOption[]; loading: boolean } {
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const { data, loading } = useQuery(AuditActorsDocument, {
    variables: { search: debounced.slice(0, 200), first: 10 },
    fetchPolicy: 'cache-first',
  });
  const options = useMemo(
    () =>
      actorOptionsFor(
        (data?.auditActors ?? []).map((a) => ({ value: a.id, label: actorOptionLabel(a.name, a.email) })),
        picked,
        search,
      ),
    [data, picked, search],
  );
  return { options, loading };
}
