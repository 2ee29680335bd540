import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALERT_SEVERITIES } from '../alert-model';
import { ALERT_RULES, alertRuleFor, isAlertKind } from '../rules';
import type { AlertRule } from '../rules/alert-rule';

const RULES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../rules');
const subject = { type: 'connection', id: '00000000-0000-4000-8000-000000000001', label: 'Binance · main (…7f3a)' };

// Sample details each rule accepts, so its templates can be read.
const SAMPLES: Record<string, Record<string, unknown>> = {
  connection_broken: { venue: 'Binance', error: 'Invalid API-key', since: '2026-12-03T08:00:00.000Z' },
  scope_widened: { venue: 'OKX', permissions: ['trade', 'withdraw'] },
  scope_unverified: { venue: 'NewVenue' },
  key_expiring: { venue: 'Bybit', expiresAt: '2026-12-10T00:00:00.000Z' },
};

describe('alert rules', () => {
  it('should list every rule file of rules/ in the registry when a rule is added', () => {
    const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.rule.ts'));
    const kinds = files.map((f) => f.replace(/\.rule\.ts$/, '').replaceAll('-', '_'));
    expect(kinds.sort()).toEqual(ALERT_RULES.map((r) => r.kind).sort());
  });

  it('should name kinds and subject types as the alerts table accepts them', () => {
    for (const rule of ALERT_RULES as readonly AlertRule[]) {
      expect(rule.kind).toMatch(/^[a-z][a-z0-9_]{0,62}$/);
      expect(rule.subjectType).toMatch(/^[a-z][a-z0-9_]{0,62}$/);
      expect(ALERT_SEVERITIES).toContain(rule.severity);
      expect(rule.summary.length).toBeGreaterThan(10);
    }
  });

  it('should render a title naming the subject and a description naming the venue for each kind', () => {
    for (const rule of ALERT_RULES as readonly AlertRule[]) {
      const details = rule.details.parse(SAMPLES[rule.kind]);
      expect(rule.title(subject, details)).toContain(subject.label);
      expect(rule.description(subject, details)).toContain(String(SAMPLES[rule.kind]!.venue));
    }
  });

  it('should state times in descriptions as people read them, in UTC, not as ISO strings', () => {
    const broken = alertRuleFor('connection_broken')!;
    const expiring = alertRuleFor('key_expiring')!;
    const brokenText = broken.description(subject, broken.details.parse(SAMPLES.connection_broken));
    const expiringText = expiring.description(subject, expiring.details.parse(SAMPLES.key_expiring));
    expect(brokenText).toContain('since 2026-12-03 08:00:00 UTC');
    expect(expiringText).toContain('at 2026-12-10 00:00:00 UTC');
    for (const text of [brokenText, expiringText]) expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
  });

  it('should refuse details a rule does not declare the shape of', () => {
    expect(() => alertRuleFor('scope_widened')!.details.parse({ venue: 'OKX', permissions: [] })).toThrow();
    expect(() => alertRuleFor('key_expiring')!.details.parse({ venue: 'Bybit', expiresAt: 'soon' })).toThrow();
    expect(() => alertRuleFor('connection_broken')!.details.parse({})).toThrow();
  });

  it('should know only the registered kinds', () => {
    expect(isAlertKind('connection_broken')).toBe(true);
    expect(isAlertKind('restricted_trade')).toBe(false);
    expect(alertRuleFor('nope')).toBeUndefined();
  });
});
