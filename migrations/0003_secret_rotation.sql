-- The re-encryption command (vigil reencrypt-secrets) runs as vigil_system and rewrites sealed
-- secrets under the newest key. It may touch only the sealed columns.
GRANT UPDATE (mfa_secret_enc, mfa_pending_enc) ON users TO vigil_system;
