-- Holdings: the backfill 0026 meant to make, made (issue 10).
--
-- 0026 set each existing connection's `balances_at` from its snapshots, but migrations run as
-- vigil_owner, and forced RLS shows the owner no row of exchange_connections or exchange_balances
-- (no policy is the owner's): the UPDATE changed nothing. A database that had connections before
-- 0026 kept `balances_at` NULL for each until its next poll, and a value "now" left their
-- balances out until then. RLS is lifted for this transaction only, as 0005 and 0012 do; only
-- connections still without `balances_at` are set, so a poll since 0026 is never moved back.

ALTER TABLE exchange_connections NO FORCE ROW LEVEL SECURITY;
ALTER TABLE exchange_balances NO FORCE ROW LEVEL SECURITY;

UPDATE exchange_connections c
   SET balances_at = b.at
  FROM (SELECT connection_id, max(fetched_at) AS at FROM exchange_balances GROUP BY connection_id) b
 WHERE c.id = b.connection_id AND c.balances_at IS NULL;

ALTER TABLE exchange_connections FORCE ROW LEVEL SECURITY;
ALTER TABLE exchange_balances FORCE ROW LEVEL SECURITY;
