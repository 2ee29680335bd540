import pg from 'pg';
import { isoTimestampSql } from '@/lib/db/iso-timestamp-sql';

/** One row: the user with their role and organization, for `me` and for login responses. */
export const viewerSql = (userId: string) => `
  SELECT u.id, u.email, u.name, u.disabled, (u.mfa_enabled_at IS NOT NULL) AS mfa_enabled,
    ${isoTimestampSql('u.created_at')} AS created_at, u.role_id,
    json_build_object('id', r.id, 'name', r.name, 'description', r.description, 'permissions', array_to_string(r.permissions, ','),
                      'built_in', r.built_in, 'user_count', (SELECT count(*) FROM users c WHERE c.role_id = r.id)) AS role,
    o.id AS org_id, o.name AS org_name, o.slug AS org_slug
  FROM users u JOIN roles r ON r.id = u.role_id JOIN organizations o ON o.id = u.org_id
  WHERE u.id = ${pg.escapeLiteral(userId)}::uuid`;
