import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineJob, type JobHandler } from '../job-definition';
import { JobRegistry } from '../job-registry';

const verifyChains = defineJob({ name: 'audit.verify-chains', queue: 'maintenance', payload: z.object({}) });
const registry = new JobRegistry([verifyChains]);
const handler = (name: string): JobHandler => ({ name, handle: async () => undefined });

describe('job registry', () => {
  it('should accept exactly one handler per registered job', () => {
    expect(registry.checkHandlers([handler('audit.verify-chains')]).size).toBe(1);
  });

  it('should refuse to start when a job has no handler', () => {
    expect(() => registry.checkHandlers([])).toThrow(/without a handler: audit.verify-chains/);
  });

  it('should refuse to start when a job has two handlers', () => {
    expect(() => registry.checkHandlers([handler('audit.verify-chains'), handler('audit.verify-chains')])).toThrow(
      /two handlers/,
    );
  });

  it('should refuse a handler for a job that is not registered', () => {
    expect(() => registry.checkHandlers([handler('audit.verify-chains'), handler('nope.job')])).toThrow(/unknown job/);
  });

  it('should refuse a job declared twice', () => {
    expect(() => new JobRegistry([verifyChains, verifyChains])).toThrow(/declared twice/);
  });
});
