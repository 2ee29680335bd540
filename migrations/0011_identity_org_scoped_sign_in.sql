-- Tenants do not learn about each other (issue 8, item 9).
--
-- Until now an email was unique across every organization (users_email_key), so an Admin of one
-- org creating a user with another org's user's email was told "already exists": whether an
-- address is a customer of Vigil leaked across tenants. An account now belongs to one
-- organization: the email is unique within it only, and sign-in names the organization by its
-- slug (as a workspace URL or an account alias does). The same person may hold accounts in two
-- organizations, each with its own password, MFA and sessions; nothing one org does can be seen
-- from the other.

ALTER TABLE organizations ADD COLUMN slug text;

-- Existing orgs get a slug from their name: lower case, runs of anything else made one hyphen,
-- at most 48 characters, "org" when nothing is left; a repeat gets the first 8 hex digits of
-- its id appended.
WITH named AS (
  SELECT id, created_at, coalesce(nullif(
           trim(BOTH '-' FROM left(trim(BOTH '-' FROM regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g')), 48)), ''), 'org') AS base
  FROM organizations
), ranked AS (
  SELECT id, base, row_number() OVER (PARTITION BY base ORDER BY created_at, id) AS n FROM named
)
UPDATE organizations o
   SET slug = r.base || CASE WHEN r.n = 1 THEN '' ELSE '-' || left(replace(o.id::text, '-', ''), 8) END
  FROM ranked r WHERE r.id = o.id;

ALTER TABLE organizations
  ALTER COLUMN slug SET NOT NULL,
  ADD CONSTRAINT organizations_slug_format CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
  ADD CONSTRAINT organizations_slug_key UNIQUE (slug);

DROP INDEX users_email_key;
CREATE UNIQUE INDEX users_org_email_key ON users (org_id, email);
