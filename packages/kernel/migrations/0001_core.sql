CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE app_user (
  id uuid PRIMARY KEY,
  username varchar(50) NOT NULL,
  last_name varchar(100) NOT NULL,
  other_names varchar(100) NOT NULL,
  email varchar(200),
  phone varchar(50),
  language varchar(5) NOT NULL DEFAULT 'en',
  password_hash text,
  must_change_password boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  is_active boolean NOT NULL DEFAULT true,
  health_facility_id uuid,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX app_user_username_uq ON app_user (lower(username)) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX app_user_email_uq ON app_user (lower(email)) WHERE deleted_at IS NULL AND email IS NOT NULL;

CREATE TABLE role (
  id uuid PRIMARY KEY,
  name varchar(50) NOT NULL,
  name_fr varchar(50),
  is_system integer NOT NULL DEFAULT 0,
  is_blocked boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX role_name_uq ON role (lower(name)) WHERE deleted_at IS NULL;

CREATE TABLE role_right (
  role_id uuid NOT NULL REFERENCES role (id),
  right_name varchar(100) NOT NULL,
  PRIMARY KEY (role_id, right_name)
);

CREATE TABLE user_role (
  user_id uuid NOT NULL REFERENCES app_user (id),
  role_id uuid NOT NULL REFERENCES role (id),
  PRIMARY KEY (user_id, role_id)
);
CREATE INDEX user_role_role_idx ON user_role (role_id);

CREATE TABLE user_district (
  user_id uuid NOT NULL REFERENCES app_user (id),
  location_id uuid NOT NULL,
  PRIMARY KEY (user_id, location_id)
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid,
  username varchar(50),
  entity varchar(60) NOT NULL,
  entity_id varchar(64) NOT NULL,
  action varchar(30) NOT NULL,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id);

-- Append-only: the database itself refuses to change or remove audit rows.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE mutation_log (
  user_id uuid NOT NULL,
  client_mutation_id varchar(100) NOT NULL,
  operation varchar(100) NOT NULL,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, client_mutation_id)
);

CREATE TABLE job (
  id uuid PRIMARY KEY,
  type varchar(100) NOT NULL,
  payload jsonb NOT NULL,
  status varchar(10) NOT NULL DEFAULT 'queued',
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 3,
  done integer NOT NULL DEFAULT 0,
  total integer NOT NULL DEFAULT 0,
  checkpoint jsonb,
  result jsonb,
  error text,
  locked_by varchar(100),
  heartbeat_at timestamptz,
  run_after timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
-- The claim query: due queued jobs (and stale running ones) in creation order.
CREATE INDEX job_queue_idx ON job (created_at) WHERE status IN ('queued', 'running');

-- Kernel settings (the JWT signing secret, shared by every server of a cluster).
CREATE TABLE kernel_setting (
  key varchar(100) PRIMARY KEY,
  value text NOT NULL
);

-- Rights already granted to the system roles, so a module composed later gives its rights to them once.
CREATE TABLE known_right (
  right_name varchar(100) PRIMARY KEY
);
