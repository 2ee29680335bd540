import type { z } from 'zod';
import type { AlertSeverity, AlertSubject } from '../alert-model';

/**
 * One kind of alert: what raises it, how severe it is unless the raiser says otherwise, the
 * details a raiser must give (checked when it is raised), and how its title and description read.
 * A rule is one file in this folder, listed once in rules/index.ts.
 */
export type AlertRule<K extends string = string, D extends z.ZodObject = z.ZodObject> = {
  kind: K;
  severity: AlertSeverity;
  /** The kind of subject it is about: `connection`, `wallet`, `trade`. */
  subjectType: string;
  /** For the console's empty state and the rules list: what raises it, in a sentence. */
  summary: string;
  details: D;
  title(subject: AlertSubject, details: z.output<D>): string;
  description(subject: AlertSubject, details: z.output<D>): string;
};

export const defineAlertRule = <const K extends string, D extends z.ZodObject>(rule: AlertRule<K, D>): AlertRule<K, D> => rule;
