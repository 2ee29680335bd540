import pg from 'pg';
import { USER_COLUMNS } from './user.queries';

/** One row: the user with their role and organization, for `me` and for login responses. */
export const viewerSql = (userId: string) => `
  SELECT ${USER_COLUMNS},
    (SELECT count(*)::int FROM recovery_codes rc WHERE rc.user_id = u.id AND rc.used_at IS NULL) AS recovery_codes_remaining,
    json_build_object('id', r.id, 'name', r.name, 'description', r.description, 'permissions', array_to_string(r.permissions, ','),
                      'built_in', r.built_in, 'user_count', (SELECT count(*) FROM users c WHERE c.role_id = r.id)) AS role,
    o.id AS org_id, o.name AS org_name, o.slug AS org_slug
  FROM users u JOIN roles r ON r.id = u.role_id JOIN organizations o ON o.id = u.org_id
  WHERE u.id = ${pg.escapeLiteral(userId)}::uuid`;
