import { defineRootFields } from '@/core/graphql/root-field';
import { can } from '@/core/graphql/rules';

export const auditFields = defineRootFields({
  Query: {
    auditEntries: { rule: can('audit:read'), resource: 'audit_log' },
    auditChainStatus: { rule: can('audit:read'), resource: 'audit_log' },
  },
});
