import type { and, IRule } from 'graphql-shield';
import type { ObjectType } from '@/core/access/permission-catalog';

/** A rule or a combination of rules (and, or, chain). */
export type ShieldRule = IRule | ReturnType<typeof and>;

/**
 * A Query or Mutation field, declared once by the module that serves it: the shield rule that
 * guards it, the object type its audit entry names (even when the shield refuses it before any
 * service runs), and the argument that names the object it targets.
 */
export type RootField = {
  rule: ShieldRule;
  resource: ObjectType;
  idArg?: string;
  /**
   * What each selection of the field (every alias, every fragment spread) adds to the document's
   * cost, on top of its shape, against GRAPHQL_MAX_COST (`field-cost.ts`). For a field that may
   * read a whole organization's data, so that a handful of aliases of it are refused before
   * anything runs.
   */
  cost?: number;
};

/**
 * The cost of a field that may read a whole organization's data: a fifth of the default
 * GRAPHQL_MAX_COST (5,000), so a document holds at most four such selections.
 */
export const WHOLE_ORG_READ_COST = 1000;

export type RootFields = {
  Query?: Readonly<Record<string, RootField>>;
  Mutation?: Readonly<Record<string, RootField>>;
};

export const defineRootFields = <const T extends RootFields>(fields: T): T => fields;

/** Every module's root fields by `Query.me` / `Mutation.login`; refuses a field declared twice. */
export type RootFieldIndex = ReadonlyMap<string, RootField>;

export function indexRootFields(all: readonly RootFields[]): RootFieldIndex {
  const index = new Map<string, RootField>();
  for (const fields of all) {
    for (const op of ['Query', 'Mutation'] as const) {
      for (const [name, field] of Object.entries(fields[op] ?? {})) {
        const key = `${op}.${name}`;
        if (index.has(key)) throw new Error(`root field ${key} is declared twice`);
        index.set(key, field);
      }
    }
  }
  return index;
}

// Ids longer than this are not ids: the audit entry keeps none rather than a huge value.
const MAX_ID_LENGTH = 100;

/** The target id a root field names in its arguments, when it declares one. */
export function resourceIdOf(field: RootField | undefined, args: Record<string, unknown>): string | null {
  if (!field?.idArg) return null;
  const v = args[field.idArg];
  return typeof v === 'string' && v.length <= MAX_ID_LENGTH ? v : null;
}
