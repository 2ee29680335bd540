-- The job outbox. A job that must neither be lost nor sent before the transaction asking for it
-- commits (a webhook for a release, a poll of a newly onboarded key) is written here in that
-- transaction. Once it commits, the writer enqueues the job and deletes the row; a sweeper
-- re-queues rows that were left behind (a crash between the commit and the enqueue). A row of
-- a transaction that rolled back never existed, so its job is never sent.
CREATE TABLE job_outbox (
  id          uuid PRIMARY KEY,
  -- The org the job is for; null for Vigil's own work.
  org_id      uuid REFERENCES organizations (id),
  job         text NOT NULL CHECK (job ~ '^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$' AND length(job) <= 100),
  payload     jsonb NOT NULL,
  -- The queue's de-duplication id; null: the outbox row's own id.
  job_id      text CHECK (length(job_id) BETWEEN 1 AND 200 AND position(':' IN job_id) = 0),
  created_at  timestamptz(3) NOT NULL DEFAULT now()
);
-- The sweeper takes the oldest rows first.
CREATE INDEX job_outbox_created_idx ON job_outbox (created_at);

ALTER TABLE job_outbox ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- A request writes rows for its own org only, and reads none (ids are made by the writer, so no
-- RETURNING is needed). Enqueueing, deleting and sweeping run as vigil_system.
CREATE POLICY job_outbox_insert ON job_outbox FOR INSERT TO vigil_user
  WITH CHECK (org_id = app_org_id());
CREATE POLICY job_outbox_system ON job_outbox TO vigil_system USING (true) WITH CHECK (true);

GRANT INSERT ON job_outbox TO vigil_user;
GRANT SELECT, INSERT, DELETE ON job_outbox TO vigil_system;
-- The sweeper locks the rows it sends (FOR UPDATE SKIP LOCKED), which PostgreSQL allows only
-- with UPDATE on some column; it never updates one.
GRANT UPDATE (created_at) ON job_outbox TO vigil_system;
