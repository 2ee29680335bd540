import { defineRootFields, WHOLE_ORG_READ_COST } from '@/core/graphql/root-field';
import { can } from '@/core/graphql/rules';

export const auditFields = defineRootFields({
  Query: {
    // A filter that matches little reads the org's whole log to fill a page.
    auditEntries: { rule: can('audit:read'), resource: 'audit_log', cost: WHOLE_ORG_READ_COST },
    // The actor filter's picker: at most 50 of the org's users, by a name or email prefix.
    auditActors: { rule: can('audit:read'), resource: 'audit_log' },
    // Known actions and resource types, from the registered root fields: no database read.
    auditVocabulary: { rule: can('audit:read'), resource: 'audit_log' },
    // Walks the org's chain from its last verified point, and all of it when there is none.
    auditChainStatus: { rule: can('audit:read'), resource: 'audit_log', cost: WHOLE_ORG_READ_COST },
  },
});
