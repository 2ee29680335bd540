import { EntitySchema } from '@mikro-orm/core';

export class Organization {
  id!: string;
  name!: string;
  /** What a person types to sign in to this organization (unique, see lib/text/slug). */
  slug!: string;
  createdAt!: Date;
}

export const OrganizationSchema = new EntitySchema<Organization>({
  class: Organization,
  tableName: 'organizations',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    name: { type: 'text' },
    slug: { type: 'text' },
    createdAt: { type: 'Date', columnType: 'timestamptz(3)', defaultRaw: 'now()' },
  },
});
