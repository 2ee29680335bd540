-- Holdings valuation: each (asset, quote) names its newest price (issue 10, the employees list).
--
-- A value "now" multiplies a holding by the newest price of its asset. Readers found it with a
-- lateral look-up per asset (ORDER BY at DESC LIMIT 1 on asset_prices' unique index): cheap per
-- look-up, but it made the employees list's value a chain of sorts, a de-duplication and a merge
-- join for a 50-row page. With the newest price kept here, a reader joins on (asset, quote): one
-- row per pair, whatever the history holds.
--
-- A trigger keeps it, whoever inserts prices (the worker's refresh; seeds in tests and benches),
-- statement by statement: a statement's newest row per (asset, quote) replaces the kept one only
-- when it is newer, so a late insert of an older price changes nothing, and concurrent refreshes
-- end with the newest (ON CONFLICT locks the row; the later commit re-checks the time). asset_prices
-- stays append-only (0023): no UPDATE or DELETE on it, so the newest row never goes away.
--
-- Like asset_prices: public market data about no organization (no org_id), readable by requests,
-- written only by the worker's role (the trigger runs as the inserting role). RLS is forced.

CREATE TABLE asset_prices_latest (
  asset  text NOT NULL,
  quote  text NOT NULL,
  price  numeric NOT NULL,
  at     timestamptz(3) NOT NULL,
  PRIMARY KEY (asset, quote)
);

-- The backfill reads the history as the owner, which forced RLS shows nothing (no policy is the
-- owner's): lifted for this transaction only, as 0005 and 0012 do.
ALTER TABLE asset_prices NO FORCE ROW LEVEL SECURITY;
INSERT INTO asset_prices_latest (asset, quote, price, at)
SELECT DISTINCT ON (asset, quote) asset, quote, price, at FROM asset_prices ORDER BY asset, quote, at DESC;
ALTER TABLE asset_prices FORCE ROW LEVEL SECURITY;

CREATE FUNCTION asset_prices_mark_latest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO asset_prices_latest AS l (asset, quote, price, at)
  SELECT DISTINCT ON (asset, quote) asset, quote, price, at FROM inserted ORDER BY asset, quote, at DESC
  ON CONFLICT (asset, quote) DO UPDATE SET price = excluded.price, at = excluded.at WHERE l.at < excluded.at;
  RETURN NULL;
END
$$;
CREATE TRIGGER asset_prices_mark_latest AFTER INSERT ON asset_prices
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION asset_prices_mark_latest();

ALTER TABLE asset_prices_latest ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY asset_prices_latest_read ON asset_prices_latest FOR SELECT TO vigil_user USING (true);
CREATE POLICY asset_prices_latest_system ON asset_prices_latest TO vigil_system USING (true) WITH CHECK (true);

GRANT SELECT ON asset_prices_latest TO vigil_user;
GRANT SELECT, INSERT, UPDATE ON asset_prices_latest TO vigil_system;
