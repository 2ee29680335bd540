import { EntitySchema } from '@mikro-orm/core';

export class Role {
  id!: string;
  orgId!: string;
  name!: string;
  description!: string;
  permissions!: string[];
  builtIn!: boolean;
  createdAt!: Date;
  updatedAt!: Date;
}

export const RoleSchema = new EntitySchema<Role>({
  class: Role,
  tableName: 'roles',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    orgId: { type: 'uuid', fieldName: 'org_id' },
    name: { type: 'text' },
    description: { type: 'text', default: '' },
    permissions: { type: 'string[]', columnType: 'text[]', defaultRaw: "'{}'" },
    builtIn: { type: 'boolean', fieldName: 'built_in', default: false },
    createdAt: { type: 'Date', columnType: 'timestamptz(3)', defaultRaw: 'now()' },
    updatedAt: { type: 'Date', columnType: 'timestamptz(3)', defaultRaw: 'now()', onUpdate: () => new Date() },
  },
});
