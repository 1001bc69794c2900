-- Sessions end for real: logout revokes the token (bearer clients too), and a password reset or a
-- deactivation ends every session issued before it.
ALTER TABLE app_user ADD COLUMN tokens_valid_after timestamptz;

CREATE TABLE revoked_token (
  jti varchar(64) PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX revoked_token_expiry_idx ON revoked_token (expires_at);
