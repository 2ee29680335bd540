/**
 * Names for the ids an entry carries, resolved when the log is read (issue 9, item 4). The
 * database functions of migration 0016 (extended by modules' migrations, e.g. 0029 for holdings'
 * employees and connections) answer one jsonb object keyed `<object type>:<id>`, for the caller's
 * organization only and only while its scope holds audit:read; an entry's actor and resource are
 * looked up in it by the entry's own types, so a module that names its objects there needs no
 * change here. A person's entries keep their ids: the names are today's, the ids are the record
 * (and what the chain hashes).
 */

/** The SQL naming an entry's columns (they differ between listing and export). */
export type EntryColumnRefs = {
  actorType: string;
  actorId: string;
  actorRole: string;
  resourceType: string;
  resourceId: string;
};

/**
 * The `people` CTE of a statement, from one call of a people function (`source`), read through an
 * uncorrelated subquery, which runs once, not per row.
 */
export const peopleCteSql = (source: string) => `people AS MATERIALIZED (SELECT ${source} AS m)`;

/** The whole organization's people, for a statement that reads every entry (the CSV export). */
export const WITH_ORG_PEOPLE_SQL = `WITH ${peopleCteSql('audit_people_of_org()')}`;

/**
 * The two lookups of an entry: its actor's and its resource's `{"name", "email"}`, or null (a
 * type the functions do not name, or no such row). `#>` walks the map by path and copies only
 * what it finds, so a row does not copy a whole type's map. Only a `user` actor is looked up: an
 * anonymous sign-in attempt names the account it claimed, not who made it.
 */
export const personLookupsSql = (refs: EntryColumnRefs) => ({
  actorPerson: `CASE WHEN ${refs.actorType}::text = 'user' THEN (SELECT m FROM people) #> ARRAY['user', ${refs.actorId}::text] END`,
  resourcePerson: `(SELECT m FROM people) #> ARRAY[${refs.resourceType}::text, ${refs.resourceId}::text]`,
});

export type PeopleSql = { actorName: string; actorEmail: string; resourceName: string };

/**
 * The names, from the lookups (expressions, or columns that hold them). An API key is named as
 * its entry recorded it (its display name, in actor_role).
 */
export function namesSql(
  refs: Pick<EntryColumnRefs, 'actorType' | 'actorRole'>,
  lookups: { actorPerson: string; resourcePerson: string },
): PeopleSql {
  return {
    actorName: `CASE WHEN ${refs.actorType}::text = 'api_key' THEN ${refs.actorRole} ELSE ${lookups.actorPerson} ->> 'name' END`,
    actorEmail: `${lookups.actorPerson} ->> 'email'`,
    resourceName: `${lookups.resourcePerson} ->> 'name'`,
  };
}
