import { defineModule } from '@/core/module';
import { AuthResolver } from './auth/auth.resolver';
import { IDENTITY_AUDIT_ACTIONS } from './identity-audit-actions';
import { identityFields } from './identity.fields';
import { roleAccess, userAccess } from './identity.access';
import { OrganizationSchema } from './orgs/organization.entity';
import { RoleSchema } from './roles/role.entity';
import { RoleResolver } from './roles/role.resolver';
import { UserSchema } from './users/user.entity';
import { UserResolver } from './users/user.resolver';

/**
 * Identity: organizations, users, roles, sign-in, MFA and sessions. One module because they
 * share tables, RLS policies and revocation (a role change ends its holders' sessions).
 */
export const identityModule = defineModule({
  name: 'identity',
  entities: [OrganizationSchema, RoleSchema, UserSchema],
  resolvers: [AuthResolver, UserResolver, RoleResolver],
  fields: identityFields,
  access: [userAccess, roleAccess],
  auditActions: Object.values(IDENTITY_AUDIT_ACTIONS),
  sealedColumns: [{ table: 'users', idColumn: 'id', orgColumn: 'org_id', columns: ['mfa_secret_enc', 'mfa_pending_enc'] }],
});
