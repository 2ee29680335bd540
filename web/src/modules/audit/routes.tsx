import { IconFileCertificate } from '@tabler/icons-react';
import type { ConsoleRoute } from '@/app/routing/ConsoleRoute';
import { lazyPage } from '@/ui/components/LazyPage';

export const auditRoutes: readonly ConsoleRoute[] = [
  {
    path: '/audit',
    element: lazyPage(() => import('./pages/AuditPage'), 'AuditPage'),
    requires: 'audit:read',
    nav: { key: 'audit', label: 'Audit log', icon: IconFileCertificate, section: 'administration' },
  },
];
