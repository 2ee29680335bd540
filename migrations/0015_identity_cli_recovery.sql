-- For the day an organization locks itself out (issue 9, item 2), the CLI's `reset-mfa` clears a
-- user's TOTP enrolment as vigil_system (from a shell on the server, never from a request, and
-- with an audit entry in the org's chain). The system could only move the TOTP step until now
-- (updated_at: the ORM stamps every update).
GRANT UPDATE (mfa_secret_enc, mfa_pending_enc, mfa_enabled_at, updated_at) ON users TO vigil_system;
