import { buildSchema, getIntrospectionQuery, parse, validate, specifiedRules } from 'graphql';
import { describe, expect, it } from 'vitest';
import { allow } from 'graphql-shield';
import { fieldCostRule } from '../field-cost';
import { queryLimits } from '../query-limits';
import { indexRootFields } from '../root-field';

const schema = buildSchema(`
  type Status { valid: Boolean! checked: Int! }
  type Me { id: ID! }
  type Query { status: Status! me: Me! }
  type Mutation { rewalk: Status! }
`);

const rootFields = indexRootFields([
  {
    Query: { status: { rule: allow, resource: 'audit_log', cost: 1000 }, me: { rule: allow, resource: 'user' } },
    Mutation: { rewalk: { rule: allow, resource: 'audit_log', cost: 3000 } },
  },
]);

const env = {
  GRAPHQL_MAX_DEPTH: 10,
  GRAPHQL_MAX_ALIASES: 30,
  GRAPHQL_MAX_COST: 5000,
  GRAPHQL_MAX_DIRECTIVES: 20,
  GRAPHQL_MAX_TOKENS: 2000,
};

const limits = queryLimits(env, rootFields);
const errorsOf = (query: string) =>
  validate(schema, parse(query), [...specifiedRules, ...limits.validationRules]).map((e) => e.message);
const aliases = (n: number, field = 'status { valid }') => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');

describe('declared field costs', () => {
  it('should refuse 30 aliases of a field that carries a cost, and accept one', () => {
    expect(errorsOf(`{ ${aliases(30)} }`)).toEqual([
      expect.stringMatching(/^Query cost limit of 5000 exceeded, found 30\d\d\d \(status costs 1000\)/),
    ]);
    expect(errorsOf('{ status { valid checked } }')).toEqual([]);
  });

  it('should add the shape of the document to the declared costs when five aliases meet the budget exactly', () => {
    expect(errorsOf(`{ ${aliases(4)} }`)).toEqual([]);
    expect(errorsOf(`{ ${aliases(5)} }`)).toEqual([expect.stringMatching(/cost limit/)]);
  });

  it('should leave fields without a declared cost to the shape limit alone', () => {
    expect(errorsOf(`{ ${aliases(30, 'me { id }')} }`)).toEqual([]);
  });

  it('should count every spread of a fragment and every inline fragment, and the mutation root', () => {
    const spread = 'fragment S on Query { a: status { valid } b: status { valid } }';
    expect(errorsOf(`{ ...S ...S ...S } ${spread}`)).toEqual([expect.stringMatching(/cost limit/)]);
    expect(errorsOf(`{ ... on Query { ${aliases(6)} } }`)).toEqual([expect.stringMatching(/cost limit/)]);
    expect(errorsOf('mutation { a: rewalk { valid } b: rewalk { valid } }')).toEqual([
      expect.stringMatching(/rewalk costs 3000/),
    ]);
  });

  it('should cost nested fragments that double at each level once each, without walking every path', () => {
    const levels = 24;
    // Each fragment spreads the next twice (through two inline fragments): 2^23 paths to the field.
    const doc = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Query { status { valid } }`
        : `fragment F${i} on Query { ... on Query { ...F${i + 1} } ... on Query { ...F${i + 1} } }`,
    ).join('\n');
    const started = performance.now();
    const rule = fieldCostRule({ rootFields, maxCost: 5000 });
    const errors = validate(schema, parse(`{ ...F0 } ${doc}`), [rule]).map((e) => e.message);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(errors).toEqual([`Query cost limit of 5000 exceeded, found ${2 ** (levels - 1) * 1000} (status costs 1000).`]);
  });

  it('should end on a fragment cycle, which validation refuses on its own', () => {
    const errors = errorsOf('{ ...A } fragment A on Query { status { valid } ...B } fragment B on Query { ...A }');
    expect(errors.some((m) => /Cannot spread fragment "A" within itself/.test(m))).toBe(true);
  });
});

describe('limits on introspection', () => {
  const ofTypeChain = (depth: number) => `{ __schema { types { ${'ofType { '.repeat(depth)} name ${'} '.repeat(depth)} } } }`;

  it('should refuse a depth-55 ofType chain under __schema with the depth error', () => {
    const errors = errorsOf(ofTypeChain(55));
    expect(errors).toContain('Syntax Error: Query depth limit of 10 exceeded, found 58.');
  });

  it('should refuse the full introspection query of tools, and answer a shallow one', () => {
    expect(errorsOf(getIntrospectionQuery()).some((m) => /depth limit of 10 exceeded, found 21/.test(m))).toBe(true);
    expect(errorsOf('{ __schema { queryType { name } types { name kind } } }')).toEqual([]);
    expect(errorsOf('{ __type(name: "Status") { fields { name type { name kind ofType { name } } } } }')).toEqual([]);
  });
});
