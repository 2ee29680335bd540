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

/**
 * A time in a description, as people read it: "2026-12-04 03:08:24 UTC". Descriptions are stored
 * when the alert opens and read in any time zone, so they name UTC rather than a reader's zone;
 * the details keep the exact ISO value.
 */
export const utcText = (iso: string): string => `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
