-- Holdings: each connection names its latest balance snapshot (issue 10, the employees list).
--
-- Every read of "what a connection holds now" looked the newest snapshot up with a correlated
-- max(fetched_at) per balance line, under RLS: the employees list valued 50 employees with ~400
-- of those look-ups per request. The connection now carries its newest snapshot's time, and a
-- reader joins on (connection_id, fetched_at), one index probe per connection.
--
-- A trigger keeps it, whoever inserts balances (the poller; seeds in tests and benches): a
-- statement's lines of one snapshot share fetched_at, and a time never moves back.

ALTER TABLE exchange_connections ADD COLUMN balances_at timestamptz(3);

UPDATE exchange_connections c
   SET balances_at = (SELECT max(b.fetched_at) FROM exchange_balances b WHERE b.connection_id = c.id);

CREATE FUNCTION exchange_balances_mark_latest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE exchange_connections c
     SET balances_at = n.at
    FROM (SELECT connection_id, max(fetched_at) AS at FROM inserted GROUP BY connection_id) n
   WHERE c.id = n.connection_id AND (c.balances_at IS NULL OR c.balances_at < n.at);
  RETURN NULL;
END
$$;
CREATE TRIGGER exchange_balances_mark_latest AFTER INSERT ON exchange_balances
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION exchange_balances_mark_latest();

GRANT SELECT (balances_at) ON exchange_connections TO vigil_user;
