import { describe, expect, it } from 'vitest';
import { checkHandlers, type JobHandler } from '../job-registry';

const handler = (name: string): JobHandler => ({ name, handle: async () => undefined }) as unknown as JobHandler;

describe('job registry', () => {
  it('should accept exactly one handler per registered job', () => {
    expect(checkHandlers([handler('audit.verify-chains')]).size).toBe(1);
  });

  it('should refuse to start when a job has no handler', () => {
    expect(() => checkHandlers([])).toThrow(/without a handler: audit.verify-chains/);
  });

  it('should refuse to start when a job has two handlers', () => {
    expect(() => checkHandlers([handler('audit.verify-chains'), handler('audit.verify-chains')])).toThrow(/two handlers/);
  });

  it('should refuse a handler for a job that is not registered', () => {
    expect(() => checkHandlers([handler('audit.verify-chains'), handler('nope.job')])).toThrow(/unknown job/);
  });
});
