-- Holdings valuation (issue 10, item 7): prices of held assets in the reference currency, read from
-- a pricing venue's public tickers (no key, no identity) by the worker's holdings.refresh-prices job.
--
-- Prices are public market data about no organization, so the table has no org_id and its read
-- policy is not per org: every organization values a BTC with the same BTC/USD quote, and keeping
-- one copy per org would only multiply the same public number. What stays per org is what a price
-- multiplies: the balances (0021, 0020), read under their own policies (balances:read, the org,
-- an Employee only its own). A request reads prices only joined to those.
--
-- Each refresh adds one row per asset it priced; rows are never rewritten: a value "now" uses the
-- newest row (with its time, shown as "as of"), a value at a past snapshot the row nearest in time
-- (valuation.queries.ts). A refresh that fails adds nothing, so the last prices stay.
--
-- Only the worker writes (vigil_system: SELECT, INSERT); a request session (vigil_user) may only
-- SELECT. Neither may UPDATE or DELETE: the grants make the table append-only, so no trigger is
-- needed for that (a retention job would be granted DELETE with its own migration). RLS is forced
-- like on every table, so a later grant cannot open writes to requests by accident.
--
-- The set of assets priced is the union of what every organization holds. A request session could
-- in principle list it (SELECT is not per org); the API never exposes the table on its own, only
-- valued rows of the reader's own balances, and the set is a list of tickers, never who holds them.

CREATE TABLE asset_prices (
  id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The asset as balances name it (ccxt's unified code, or a wallet token's symbol).
  asset   text NOT NULL CHECK (length(asset) BETWEEN 1 AND 32),
  -- The reference currency the price is in (REFERENCE_CURRENCY).
  quote   text NOT NULL CHECK (quote ~ '^[A-Z]{2,10}$'),
  price   numeric NOT NULL CHECK (price > 0),
  -- When Vigil read it (venue tickers carry no reliable time of their own).
  at      timestamptz(3) NOT NULL,
  -- The pricing venue it came from (PRICING_VENUE).
  source  text NOT NULL CHECK (source ~ '^[a-z0-9]{1,32}$'),
  CONSTRAINT asset_prices_asset_quote_at_key UNIQUE (asset, quote, at)
);
-- The unique index serves both reads: newest per (asset, quote), and nearest before or after a time.

ALTER TABLE asset_prices ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY asset_prices_read ON asset_prices FOR SELECT TO vigil_user USING (true);
CREATE POLICY asset_prices_system ON asset_prices TO vigil_system USING (true) WITH CHECK (true);

GRANT SELECT ON asset_prices TO vigil_user;
GRANT SELECT, INSERT ON asset_prices TO vigil_system;
