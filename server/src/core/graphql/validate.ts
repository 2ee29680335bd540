import { z } from 'zod';
import { badInput } from '@/lib/errors/app-error';

/** Parses resolver input with a zod schema; a failure is BAD_USER_INPUT naming the field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.') || undefined;
  throw badInput(field ? `${field}: ${issue.message}` : issue.message, field ? { field } : {});
}

export const uuid = z.uuid({ message: 'must be a UUID' });
export const pageSize = z.number().int().min(1).max(200);
