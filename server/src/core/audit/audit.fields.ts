import { defineRootFields, WHOLE_ORG_READ_COST } from '@/core/graphql/root-field';
import { can } from '@/core/graphql/rules';

export const auditFields = defineRootFields({
  Query: {
    // A filter that matches little reads the org's whole log to fill a page.
    auditEntries: { rule: can('audit:read'), resource: 'audit_log', cost: WHOLE_ORG_READ_COST },
    // Walks the org's chain from its last verified point, and all of it when there is none.
    auditChainStatus: { rule: can('audit:read'), resource: 'audit_log', cost: WHOLE_ORG_READ_COST },
  },
});
