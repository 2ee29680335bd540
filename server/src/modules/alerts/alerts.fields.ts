import { defineRootFields, WHOLE_ORG_READ_COST } from '@/core/graphql/root-field';
import { can } from '@/core/graphql/rules';

/**
 * Every root field of alerts, once. Reading the queue needs alerts:read; moving an alert needs
 * alerts:write (Compliance). Not an Admin write: working alerts is compliance's daily job, and
 * Admin holds only alerts:read.
 */
export const alertsFields = defineRootFields({
  Query: {
    alerts: { rule: can('alerts:read'), resource: 'alert', cost: WHOLE_ORG_READ_COST },
    alert: { rule: can('alerts:read'), resource: 'alert', idArg: 'id' },
    alertRules: { rule: can('alerts:read'), resource: 'alert' },
  },
  Mutation: {
    acknowledgeAlert: { rule: can('alerts:write'), resource: 'alert', idArg: 'id' },
    resolveAlert: { rule: can('alerts:write'), resource: 'alert', idArg: 'id' },
  },
});
