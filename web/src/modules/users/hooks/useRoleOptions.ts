import { useQuery } from '@apollo/client/react';
import { RoleOptionsDocument } from '@/generated/graphql';

export function useRoleOptions(skip = false) {
  const { data, loading } = useQuery(RoleOptionsDocument, { skip });
  const options = (data?.roles ?? []).map((role) => ({
    value: role.id,
    label: role.builtIn ? role.name : `${role.name} (custom)`,
  }));
  return { options, loading };
}
