import { describe, expect, it } from 'vitest';
import { buildBareSchema } from '../schema';
import { RESOURCE_OF_FIELD } from '../audit-resources';
import { rootRules } from '../permissions';

describe('shield coverage', () => {
  it('should have an explicit rule for every Query and Mutation field when the schema is built', async () => {
    const schema = await buildBareSchema();
    const missing: string[] = [];
    for (const type of [schema.getQueryType(), schema.getMutationType()]) {
      if (!type) continue;
      const rules = rootRules[type.name as keyof typeof rootRules] as Record<string, unknown>;
      for (const field of Object.keys(type.getFields())) {
        if (!rules[field]) missing.push(`${type.name}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('should name the audited resource of every Query and Mutation field', async () => {
    const schema = await buildBareSchema();
    const fields = [schema.getQueryType(), schema.getMutationType()].flatMap((t) => Object.keys(t?.getFields() ?? {}));
    expect(fields.filter((f) => !RESOURCE_OF_FIELD[f])).toEqual([]);
    expect(Object.keys(RESOURCE_OF_FIELD).filter((f) => !fields.includes(f))).toEqual([]);
  });

  it('should have no rule for a field the schema does not have (a stale rule hides a rename)', async () => {
    const schema = await buildBareSchema();
    const stale: string[] = [];
    for (const [typeName, rules] of Object.entries(rootRules)) {
      const type = typeName === 'Query' ? schema.getQueryType() : schema.getMutationType();
      const fields = type?.getFields() ?? {};
      for (const field of Object.keys(rules)) if (!fields[field]) stale.push(`${typeName}.${field}`);
    }
    expect(stale).toEqual([]);
  });
});
