import type { ReactNode } from 'react';
import { useViewer } from '@/modules/auth';
import { AccessDenied } from '@/ui/components/AccessDenied';
import { hasPermission } from '../permissions/hasPermission';

/** Hides a page the role cannot read; the server refuses the data anyway (this is for clarity). */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const viewer = useViewer();
  if (!hasPermission(viewer.permissions, permission)) {
    return <AccessDenied detail={`Your role (${viewer.user.role.name}) does not include ${permission}.`} />;
  }
  return children;
}
