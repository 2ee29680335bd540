import { OBJECT_TYPE_OF } from '@/core/access/permission-catalog';

export type AuditVocabulary = { actions: string[]; resourceTypes: string[] };

/**
 * What the action and resource-type filters can match, for the console's pickers. Actions: each
 * registered root field as its entries name it (`Query.users` → `query.users`, `Mutation.login` →
 * `mutation.login`), and the actions modules declare besides (`audit.export_csv`, …). Resource
 * types: the one object-type vocabulary (core README, invariant 3). Sorted, without repeats.
 */
export function auditVocabulary(rootFieldKeys: Iterable<string>, moduleActions: readonly string[]): AuditVocabulary {
  const fieldActions = [...rootFieldKeys].map((key) => {
    const dot = key.indexOf('.');
    return `${key.slice(0, dot).toLowerCase()}.${key.slice(dot + 1)}`;
  });
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  return {
    actions: sorted([...fieldActions, ...moduleActions]),
    resourceTypes: sorted([...Object.values(OBJECT_TYPE_OF), 'session', 'organization']),
  };
}
