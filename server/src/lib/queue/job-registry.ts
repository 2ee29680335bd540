import type { JobDefinition, JobHandler } from './job-definition';

/**
 * Every job the modules declare. Refuses a job declared twice, and a handler set where a job
 * has no handler, two, or one for an undeclared job: a worker that would silently leave a queue
 * unserved does not start.
 */
export class JobRegistry {
  private readonly byName = new Map<string, JobDefinition>();

  constructor(definitions: readonly JobDefinition[]) {
    for (const def of definitions) {
      if (this.byName.has(def.name)) throw new Error(`job ${def.name} is declared twice`);
      this.byName.set(def.name, def);
    }
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }

  definition(name: string): JobDefinition {
    const def = this.byName.get(name);
    if (!def) throw new Error(`unknown job ${name}`);
    return def;
  }

  get definitions(): JobDefinition[] {
    return [...this.byName.values()];
  }

  checkHandlers(handlers: readonly JobHandler[]): Map<string, JobHandler> {
    const byName = new Map<string, JobHandler>();
    for (const h of handlers) {
      if (!this.byName.has(h.name)) throw new Error(`handler for unknown job ${h.name}`);
      if (byName.has(h.name)) throw new Error(`job ${h.name} has two handlers`);
      byName.set(h.name, h);
    }
    const missing = this.names.filter((n) => !byName.has(n));
    if (missing.length) throw new Error(`jobs without a handler: ${missing.join(', ')}`);
    return byName;
  }
}
