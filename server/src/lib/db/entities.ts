import { OrganizationSchema } from '@/modules/orgs/organization.entity';
import { RoleSchema } from '@/modules/roles/role.entity';
import { UserSchema } from '@/modules/users/user.entity';

// Every entity schema the ORM knows. Entities are EntitySchema definitions with explicit
// column types, so no decorator metadata is needed by tsx, esbuild or vitest.
export const entities = [OrganizationSchema, RoleSchema, UserSchema];
