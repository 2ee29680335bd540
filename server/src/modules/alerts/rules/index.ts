import type { z } from 'zod';
import type { AlertRule } from './alert-rule';
import { connectionBrokenRule } from './connection-broken.rule';
import { keyExpiringRule } from './key-expiring.rule';
import { scopeUnverifiedRule } from './scope-unverified.rule';
import { scopeWidenedRule } from './scope-widened.rule';

/**
 * Every kind of alert Vigil raises: a rule is a file `<kind>.rule.ts` in this folder and a line
 * here (a test fails when a rule file is not listed). Nothing else changes for a new kind: no
 * migration, no GraphQL enum, no console code (it reads `alertRules`).
 */
export const ALERT_RULES = [connectionBrokenRule, scopeWidenedRule, scopeUnverifiedRule, keyExpiringRule] as const;

export type AlertKind = (typeof ALERT_RULES)[number]['kind'];
type RuleOf<K extends AlertKind> = Extract<(typeof ALERT_RULES)[number], { kind: K }>;
/** The details a raiser gives for a kind, as its rule declares them. */
export type AlertDetailsOf<K extends AlertKind> = z.input<RuleOf<K>['details']>;

const BY_KIND: ReadonlyMap<string, AlertRule> = (() => {
  const map = new Map<string, AlertRule>();
  for (const rule of ALERT_RULES as readonly AlertRule[]) {
    if (map.has(rule.kind)) throw new Error(`two alert rules of kind ${rule.kind}`);
    map.set(rule.kind, rule);
  }
  return map;
})();

export const alertRuleFor = (kind: string): AlertRule | undefined => BY_KIND.get(kind);

export const isAlertKind = (kind: string): kind is AlertKind => BY_KIND.has(kind);

export { defineAlertRule, type AlertRule } from './alert-rule';
