import { createBrowserRouter } from 'react-router';
import { AccountPage } from '@/modules/account/pages/AccountPage';
import { AuditPage } from '@/modules/audit/pages/AuditPage';
import { RequireSession } from '@/modules/auth/components/RequireSession';
import { SignInPage } from '@/modules/auth/pages/SignInPage';
import { RolesPage } from '@/modules/roles/pages/RolesPage';
import { AppLayout } from '@/modules/shell/components/AppLayout';
import { RequirePermission } from '@/modules/shell/components/RequirePermission';
import { LandingRedirect } from '@/modules/shell/pages/LandingRedirect';
import { NotFoundPage } from '@/modules/shell/pages/NotFoundPage';
import { UsersPage } from '@/modules/users/pages/UsersPage';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <LandingRedirect /> },
      {
        path: 'users',
        element: (
          <RequirePermission permission="users:read">
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'roles',
        element: (
          <RequirePermission permission="roles:read">
            <RolesPage />
          </RequirePermission>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequirePermission permission="audit:read">
            <AuditPage />
          </RequirePermission>
        ),
      },
      { path: 'account', element: <AccountPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
