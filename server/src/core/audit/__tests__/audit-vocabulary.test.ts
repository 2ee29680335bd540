import { describe, expect, it } from 'vitest';
import { auditVocabulary } from '../audit-vocabulary';

describe('auditVocabulary', () => {
  it('should name each root field as its entries do, and add the modules’ own actions once, sorted', () => {
    const v = auditVocabulary(['Query.users', 'Mutation.createUser', 'Query.auditEntries'], ['audit.export_csv', 'query.users']);
    expect(v.actions).toEqual(['audit.export_csv', 'mutation.createUser', 'query.auditEntries', 'query.users']);
  });

  it('should offer every object type of the catalogue plus session and organization', () => {
    const { resourceTypes } = auditVocabulary([], []);
    expect(resourceTypes).toEqual(expect.arrayContaining(['user', 'role', 'audit_log', 'api_key', 'session', 'organization']));
    expect(new Set(resourceTypes).size).toBe(resourceTypes.length);
  });
});
