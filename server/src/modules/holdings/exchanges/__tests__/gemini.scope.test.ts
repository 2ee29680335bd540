import { describe, expect, it } from 'vitest';
import { evaluateGeminiScope } from '../venues/gemini.scope';

const auditor = { isAuditor: true, isFundManager: false, isTrader: false, counterparty_id: 'X' };

describe('evaluateGeminiScope', () => {
  it('should accept the Auditor role only', () => {
    expect(evaluateGeminiScope(auditor)).toMatchObject({ verdict: 'read_only', offending: [] });
  });

  it('should name Trader and Fund Manager, and a role Gemini adds later', () => {
    expect(evaluateGeminiScope({ ...auditor, isTrader: true })).toMatchObject({ verdict: 'too_broad', offending: ['isTrader'] });
    expect(evaluateGeminiScope({ isAuditor: false, isFundManager: true, isTrader: false })).toMatchObject({
      verdict: 'too_broad',
      offending: ['isFundManager'],
    });
    expect(evaluateGeminiScope({ ...auditor, isAdministrator: true })).toMatchObject({
      verdict: 'too_broad',
      offending: ['isAdministrator'],
    });
  });

  it('should be unknown when a role flag is missing or odd, or no role is granted', () => {
    expect(evaluateGeminiScope({ isAuditor: true }).verdict).toBe('unknown');
    expect(evaluateGeminiScope({ ...auditor, isTrader: 'no' }).verdict).toBe('unknown');
    expect(evaluateGeminiScope({ isAuditor: false, isFundManager: false, isTrader: false }).verdict).toBe('unknown');
    expect(evaluateGeminiScope({ result: 'error', reason: 'InvalidSignature' }).verdict).toBe('unknown');
  });
});
