-- migration runs as: administrator (it gives a function to vigil_system)
-- Alerts: the compliance queue (issue 10, item 10; server/src/modules/alerts/README.md).
--
-- An alert is raised by Vigil (a poll, a rule), once per triggering event: the raiser names the
-- event with an idempotency key, unique per organization, and raising it again returns the alert
-- it already raised. People with alerts:write move it forward only, open → acknowledged → resolved
-- (open → resolved directly too), and resolving takes a note. Every transition is one row of
-- alert_events, at most one per status an alert enters, and one audit entry.
--
-- The tables belong to vigil_owner like every other table; only the function below is given to
-- vigil_system, which is why this file runs as the administrator.
SET LOCAL ROLE vigil_owner;

CREATE TABLE alerts (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id           uuid NOT NULL REFERENCES organizations (id),
  kind             text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{0,62}$'),
  severity         text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
  -- What the alert is about (a connection, a wallet, a trade), named as it was when raised.
  subject_type     text NOT NULL CHECK (subject_type ~ '^[a-z][a-z0-9_]{0,62}$'),
  subject_id       uuid NOT NULL,
  subject_label    text NOT NULL CHECK (length(subject_label) BETWEEN 1 AND 200),
  -- The employee the subject belongs to, when it belongs to one (no foreign key: employees are
  -- the holdings module's, and an alert outlives what it is about).
  employee_id      uuid,
  title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description      text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  details          jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object' AND pg_column_size(details) <= 16384),
  idempotency_key  text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
  opened_at        timestamptz(3) NOT NULL DEFAULT now(),
  acknowledged_at  timestamptz(3),
  acknowledged_by  uuid,
  resolved_at      timestamptz(3),
  resolved_by      uuid,
  resolution_note  text,
  UNIQUE (org_id, idempotency_key),
  UNIQUE (org_id, id),
  -- Each status carries exactly the marks of the transitions that led to it.
  CONSTRAINT alerts_status_marks CHECK (
    CASE status
      WHEN 'open' THEN acknowledged_at IS NULL AND acknowledged_by IS NULL AND resolved_at IS NULL
                       AND resolved_by IS NULL AND resolution_note IS NULL
      WHEN 'acknowledged' THEN acknowledged_at IS NOT NULL AND resolved_at IS NULL AND resolved_by IS NULL
                               AND resolution_note IS NULL
      ELSE resolved_at IS NOT NULL
    END),
  CONSTRAINT alerts_resolution_note CHECK (
    resolution_note IS NULL OR (length(btrim(resolution_note)) > 0 AND length(resolution_note) <= 2000)),
  CONSTRAINT alerts_resolved_with_note CHECK (status <> 'resolved' OR resolution_note IS NOT NULL)
);
-- The queue: newest first, per org, optionally by status.
CREATE INDEX alerts_org_opened_idx ON alerts (org_id, opened_at DESC, id DESC);
CREATE INDEX alerts_org_status_opened_idx ON alerts (org_id, status, opened_at DESC, id DESC);

-- The history of an alert: one row as it opens, one per transition, never changed or removed.
CREATE TABLE alert_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id       uuid NOT NULL,
  alert_id     uuid NOT NULL,
  status       text NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
  actor_type   text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system')),
  actor_id     uuid,
  -- A person's name, an API key's name, or the system source, as it was then.
  actor_label  text NOT NULL CHECK (length(actor_label) BETWEEN 1 AND 200),
  note         text CHECK (note IS NULL OR (length(btrim(note)) > 0 AND length(note) <= 2000)),
  at           timestamptz(3) NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, alert_id) REFERENCES alerts (org_id, id),
  -- An alert enters each status once: a second acknowledgement is refused by the database too.
  UNIQUE (alert_id, status),
  CHECK ((actor_type = 'system') = (actor_id IS NULL))
);

-- Forward only. Nothing of an alert but its status and the marks of its transitions ever changes,
-- a resolved alert never changes, and each transition sets exactly its own marks.
CREATE FUNCTION alerts_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.org_id, NEW.kind, NEW.severity, NEW.subject_type, NEW.subject_id, NEW.subject_label, NEW.employee_id,
      NEW.title, NEW.description, NEW.details, NEW.idempotency_key, NEW.opened_at)
     IS DISTINCT FROM
     (OLD.org_id, OLD.kind, OLD.severity, OLD.subject_type, OLD.subject_id, OLD.subject_label, OLD.employee_id,
      OLD.title, OLD.description, OLD.details, OLD.idempotency_key, OLD.opened_at) THEN
    RAISE EXCEPTION 'an alert''s content never changes' USING ERRCODE = 'VAL01';
  END IF;
  IF NOT ((OLD.status = 'open' AND NEW.status IN ('acknowledged', 'resolved'))
          OR (OLD.status = 'acknowledged' AND NEW.status = 'resolved')) THEN
    RAISE EXCEPTION 'an alert moves forward only: % → % is refused', OLD.status, NEW.status USING ERRCODE = 'VAL01';
  END IF;
  IF OLD.status = 'acknowledged'
     AND (NEW.acknowledged_at, NEW.acknowledged_by) IS DISTINCT FROM (OLD.acknowledged_at, OLD.acknowledged_by) THEN
    RAISE EXCEPTION 'an acknowledgement is never rewritten' USING ERRCODE = 'VAL01';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER alerts_forward_only BEFORE UPDATE ON alerts
  FOR EACH ROW EXECUTE FUNCTION alerts_forward_only();

ALTER TABLE alerts ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE alert_events ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- A request reads its own org's alerts with alerts:read (working them implies reading them), and
-- moves them with alerts:write. It inserts none itself: raising goes through alerts_open() below.
CREATE POLICY alerts_read ON alerts FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND ((SELECT app_has('alerts:read')) OR (SELECT app_has('alerts:write'))));
CREATE POLICY alerts_update ON alerts FOR UPDATE TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND (SELECT app_has('alerts:write')))
  WITH CHECK (org_id = (SELECT app_org_id()));
CREATE POLICY alerts_system ON alerts TO vigil_system USING (true) WITH CHECK (true);

-- A transition's event names the actor that made it, in the actor's org.
CREATE POLICY alert_events_read ON alert_events FOR SELECT TO vigil_user
  USING (org_id = (SELECT app_org_id()) AND ((SELECT app_has('alerts:read')) OR (SELECT app_has('alerts:write'))));
CREATE POLICY alert_events_insert ON alert_events FOR INSERT TO vigil_user
  WITH CHECK (org_id = (SELECT app_org_id()) AND (SELECT app_has('alerts:write')) AND status <> 'open'
              AND actor_id = (SELECT app_actor_id())
              AND actor_type = (SELECT current_setting('app.actor_type', true)));
CREATE POLICY alert_events_system ON alert_events TO vigil_system USING (true) WITH CHECK (true);

GRANT SELECT ON alerts, alert_events TO vigil_user;
GRANT UPDATE (status, acknowledged_at, acknowledged_by, resolved_at, resolved_by, resolution_note) ON alerts TO vigil_user;
GRANT INSERT (org_id, alert_id, status, actor_type, actor_id, actor_label, note) ON alert_events TO vigil_user;
GRANT SELECT, INSERT ON alerts, alert_events TO vigil_system;

RESET ROLE;

-- Raising an alert: insert-or-return by (org, idempotency key), with its "open" event. Any actor
-- may raise one in its own org — an employee's onboarding finds a venue whose scope cannot be
-- checked — without being able to read alerts, so this runs as vigil_system and answers only the
-- alert's id and whether this call created it. The system raises in any org.
CREATE FUNCTION alerts_open(
  p_org uuid, p_kind text, p_severity text, p_subject_type text, p_subject_id uuid, p_subject_label text,
  p_employee_id uuid, p_title text, p_description text, p_details jsonb, p_idempotency_key text, p_source text)
  RETURNS TABLE (alert_id uuid, created boolean)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  new_id uuid;
BEGIN
  IF current_setting('app.actor_type', true) IS DISTINCT FROM 'system'
     AND p_org IS DISTINCT FROM nullif(current_setting('app.org_id', true), '')::uuid THEN
    RAISE EXCEPTION 'an alert is raised only in the actor''s own organization' USING ERRCODE = '42501';
  END IF;
  INSERT INTO alerts (org_id, kind, severity, subject_type, subject_id, subject_label, employee_id, title,
                      description, details, idempotency_key)
  VALUES (p_org, p_kind, p_severity, p_subject_type, p_subject_id, p_subject_label, p_employee_id, p_title,
          p_description, p_details, p_idempotency_key)
  ON CONFLICT (org_id, idempotency_key) DO NOTHING
  RETURNING id INTO new_id;
  IF new_id IS NOT NULL THEN
    INSERT INTO alert_events (org_id, alert_id, status, actor_type, actor_id, actor_label)
    VALUES (p_org, new_id, 'open', 'system', NULL, p_source);
    RETURN QUERY SELECT new_id, true;
    RETURN;
  END IF;
  -- Raised before (READ COMMITTED: this statement sees the row a concurrent raiser committed).
  RETURN QUERY SELECT a.id, false FROM alerts a WHERE a.org_id = p_org AND a.idempotency_key = p_idempotency_key;
END
$$;
ALTER FUNCTION alerts_open(uuid, text, text, text, uuid, text, uuid, text, text, jsonb, text, text) OWNER TO vigil_system;
REVOKE ALL ON FUNCTION alerts_open(uuid, text, text, text, uuid, text, uuid, text, text, jsonb, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION alerts_open(uuid, text, text, text, uuid, text, uuid, text, text, jsonb, text, text)
  TO vigil_user, vigil_system;
