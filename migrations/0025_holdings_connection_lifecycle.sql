-- Holdings: removing and rotating an exchange key (issue 10).
--
-- A removed connection keeps its row and everything polled with it (balances, trades, transfers,
-- poll runs reference it), but not its key: the sealed key, secret and passphrase are erased
-- (NULL) in the same statement that marks it removed. A rotation is a removal that names the
-- connection holding the fresh key for the same venue (replaced_by), written in one transaction
-- with that connection's insert.

ALTER TABLE exchange_connections
  ALTER COLUMN api_key_enc DROP NOT NULL,
  ALTER COLUMN secret_enc DROP NOT NULL,
  ADD COLUMN removed_at   timestamptz(3),
  ADD COLUMN replaced_by  uuid,
  -- Only a removed connection may lack its key: anything the poller may pick up has one.
  ADD CONSTRAINT exchange_connections_key_kept CHECK (status = 'removed' OR (api_key_enc IS NOT NULL AND secret_enc IS NOT NULL)),
  ADD CONSTRAINT exchange_connections_replaced_by_removed CHECK (replaced_by IS NULL OR status = 'removed'),
  ADD CONSTRAINT exchange_connections_replaced_by_fkey FOREIGN KEY (org_id, replaced_by) REFERENCES exchange_connections (org_id, id);

-- A user session (the employee, or a reviewer holding connections:write) may remove a connection
-- and erase its key; it never brings a removed connection back, and never writes a key into a
-- row it did not insert. The worker (vigil_system) is not limited here.
CREATE FUNCTION exchange_connections_guard_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user <> 'vigil_user' THEN
    RETURN NEW;
  END IF;
  IF OLD.status = 'removed' THEN
    RAISE EXCEPTION 'a removed connection is kept as history and cannot change' USING ERRCODE = '42501';
  END IF;
  IF (NEW.api_key_enc IS NOT NULL AND NEW.api_key_enc IS DISTINCT FROM OLD.api_key_enc)
     OR (NEW.secret_enc IS NOT NULL AND NEW.secret_enc IS DISTINCT FROM OLD.secret_enc)
     OR (NEW.passphrase_enc IS NOT NULL AND NEW.passphrase_enc IS DISTINCT FROM OLD.passphrase_enc) THEN
    RAISE EXCEPTION 'a user session only erases a connection''s key' USING ERRCODE = '42501';
  END IF;
  IF (NEW.id, NEW.org_id, NEW.employee_id, NEW.venue) IS DISTINCT FROM (OLD.id, OLD.org_id, OLD.employee_id, OLD.venue) THEN
    RAISE EXCEPTION 'a connection''s owner and venue do not change' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER exchange_connections_guard_update BEFORE UPDATE ON exchange_connections
  FOR EACH ROW EXECUTE FUNCTION exchange_connections_guard_update();

GRANT SELECT (removed_at, replaced_by) ON exchange_connections TO vigil_user;
