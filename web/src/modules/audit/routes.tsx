import { IconFileCertificate } from '@tabler/icons-react';
import type { ConsoleRoute } from '@/app/routing/ConsoleRoute';
import { AuditPage } from './pages/AuditPage';

export const auditRoutes: readonly ConsoleRoute[] = [
  {
    path: '/audit',
    element: <AuditPage />,
    requires: 'audit:read',
    nav: { key: 'audit', label: 'Audit log', icon: IconFileCertificate, section: 'administration' },
  },
];
