import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { hasPermission } from '@/app/permissions/hasPermission';
import { AuditRoleNamesDocument, AuditUserNamesDocument } from '@/generated/graphql';
import { useViewer } from '@/modules/auth';
import type { NameOf } from '../lib/auditEntryFields';

/**
 * Names for the user and role ids in audit entries, from the lists this viewer may read anyway
 * (the first 200 users). Without users:read or roles:read, or for an id not in the list, entries
 * keep showing the id: the names are a convenience, the ids are the record.
 */
export function useAuditNames(): NameOf {
  const viewer = useViewer();
  const users = useQuery(AuditUserNamesDocument, {
    skip: !hasPermission(viewer.permissions, 'users:read'),
    fetchPolicy: 'cache-first',
  });
  const roles = useQuery(AuditRoleNamesDocument, {
    skip: !hasPermission(viewer.permissions, 'roles:read'),
    fetchPolicy: 'cache-first',
  });

  const names = useMemo(() => {
    const byKey = new Map<string, string>();
    for (const user of users.data?.users.nodes ?? []) byKey.set(`user:${user.id}`, user.name);
    for (const role of roles.data?.roles ?? []) byKey.set(`role:${role.id}`, role.name);
    // The viewer is always known, whatever their permissions.
    byKey.set(`user:${viewer.user.id}`, viewer.user.name);
    return byKey;
  }, [users.data, roles.data, viewer.user.id, viewer.user.name]);

  return useCallback((type, id) => names.get(`${type}:${id}`) ?? null, [names]);
}
