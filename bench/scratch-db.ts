import { randomUUID } from 'node:crypto';
import { createBenchDatabase, withAdmin } from './src/databases';
const db = await createBenchDatabase();
const org = randomUUID();
await withAdmin(db, async (c) => {
  await c.query(`INSERT INTO audit_log (id, org_id, at, actor_type, actor_id, actor_role, system_source, action,
           resource_type, resource_id, deal_id, ip_address, outcome, details)
         SELECT g, $1, timestamptz '2026-01-01' + g * interval '10 ms', 'user', gen_random_uuid()::text, 'Compliance', NULL,
           'holdings.read', 'employee', gen_random_uuid()::text, CASE WHEN g % 10 = 0 THEN 'deal-' || g END,
           '198.51.100.4', 'allowed', jsonb_build_object('page', g % 7, 'fields', jsonb_build_array('balance', 'venue'))
         FROM generate_series(1, 1000000) AS g`, [org]);
  await c.query(`INSERT INTO audit_chain (org_id, seq, entry_xid, entry_id, prev_hash, hash)
         SELECT org_id, id, xid, id, md5(id::text) || md5((id + 1)::text), md5(id::text || 'h') || md5((id + 2)::text)
         FROM audit_log WHERE org_id = $1`, [org]);
  await c.query('VACUUM ANALYZE audit_log, audit_chain');
});
console.log(db.name, org);
