import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/config/env';
import type { CoreDeps } from '@/core/deps';
import { probeModule } from '../../../test/fixtures/probe.module';
import { rootFieldGaps } from '../../../test/helpers/module-checks';
import { MODULES } from '../modules';
import { ModuleRegistry } from '../module-registry';
import { buildBareSchema } from '../schema';
import { rootRulesOf } from '../shield';

const withProbe = () => new ModuleRegistry([...MODULES, probeModule]);
// Handler factories only close over their deps; building them needs config and nothing else.
const depsForHandlers = { env: parseEnv({}) } as CoreDeps;

describe('module coverage', () => {
  it('should have an explicit rule and an audited resource for every Query and Mutation field when the schema is built', async () => {
    const registry = new ModuleRegistry(MODULES);
    const gaps = rootFieldGaps(await buildBareSchema(registry), registry.rootFields);
    expect(gaps.undeclared).toEqual([]);
  });

  it('should have no rule for a field the schema does not have (a stale rule hides a rename)', async () => {
    const registry = new ModuleRegistry(MODULES);
    expect(rootFieldGaps(await buildBareSchema(registry), registry.rootFields).stale).toEqual([]);
  });

  it('should give every declared job exactly one handler', () => {
    const registry = new ModuleRegistry(MODULES);
    expect(registry.jobs.checkHandlers(registry.handlers(depsForHandlers)).size).toBe(registry.jobs.names.length);
  });

  it('should find a module added only to the list: its undeclared field, its stale declaration and its handlerless job', async () => {
    const registry = withProbe();
    const schema = await buildBareSchema(registry);
    expect(Object.keys(schema.getQueryType()!.getFields())).toContain('probeStatus');
    expect(rootRulesOf(registry.rootFields).Query.probeStatus).toBeDefined();
    expect(rootFieldGaps(schema, registry.rootFields)).toEqual({
      undeclared: ['Query.probeUndeclared'],
      stale: ['Query.probeGone'],
    });
    expect(() => registry.jobs.checkHandlers(registry.handlers(depsForHandlers))).toThrow('jobs without a handler: probe.ping');
    expect(registry.entities.map((e) => e.meta.tableName)).toContain('probe_items');
    expect(registry.sealedColumns.map((s) => s.table)).toContain('probe_items');
  });

  it('should refuse a module list where two modules declare the same root field, job or module name', () => {
    expect(
      () => new ModuleRegistry([...MODULES, probeModule, { ...probeModule, name: 'probe2', jobs: [], entities: [] }]),
    ).toThrow(/Query.probeStatus is declared twice/);
    expect(() => new ModuleRegistry([...MODULES, probeModule, { name: 'probe' }])).toThrow(/module listed twice: probe/);
  });
});
