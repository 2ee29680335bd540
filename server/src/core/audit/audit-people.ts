/**
 * Names for the ids an entry carries, resolved when the log is read (issue 9, item 4). The
 * database functions of migration 0016 answer one jsonb object keyed `<object type>:<id>`, for
 * the caller's organization only and only while its scope holds audit:read; an entry's actor and
 * resource are looked up in it. A person's entries keep their ids: the names are today's, the
 * ids are the record (and what the chain hashes).
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
 * The `people` CTE of a statement, from one call of a migration-0016 function (`source`): its
 * maps by object type, each read through an uncorrelated subquery, which runs once, not per row.
 */
export const peopleCteSql = (source: string) =>
  `people AS MATERIALIZED (SELECT m -> 'user' AS users, m -> 'role' AS roles, m -> 'organization' AS orgs FROM (SELECT ${source} AS m) p)`;

/** The whole organization's people, for a statement that reads every entry (the CSV export). */
export const WITH_ORG_PEOPLE_SQL = `WITH ${peopleCteSql('audit_people_of_org()')}`;

/**
 * The two lookups of an entry: its actor's and its resource's `{"name", "email"}`, or null, only
 * for the rows that name a user, a role or the organization. Only a `user` actor is looked up: an
 * anonymous sign-in attempt names the account it claimed, not who made it.
 */
export const personLookupsSql = (refs: EntryColumnRefs) => ({
  actorPerson: `CASE WHEN ${refs.actorType}::text = 'user' THEN (SELECT users FROM people) -> ${refs.actorId} END`,
  resourcePerson: `CASE ${refs.resourceType} WHEN 'user' THEN (SELECT users FROM people) -> ${refs.resourceId}
    WHEN 'role' THEN (SELECT roles FROM people) -> ${refs.resourceId}
    WHEN 'organization' THEN (SELECT orgs FROM people) -> ${refs.resourceId} END`,
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
