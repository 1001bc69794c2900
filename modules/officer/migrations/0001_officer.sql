-- Officer module tables (owned by modules/officer; drizzle schema in src/server/schema.ts).
-- Current rows + audit log, soft delete through deleted_at (see schema.ts for why not effective-dated).

CREATE TABLE officer (
  id uuid PRIMARY KEY,
  code varchar(8) NOT NULL,
  last_name varchar(100) NOT NULL,
  other_names varchar(100) NOT NULL,
  dob date,
  phone varchar(50),
  email varchar(50),
  location_id uuid NOT NULL REFERENCES location (id),
  substitute_id uuid REFERENCES officer (id),
  works_to date,
  veo_code varchar(25),
  veo_last_name varchar(100),
  veo_other_names varchar(100),
  veo_dob date,
  veo_phone varchar(25),
  phone_communication boolean NOT NULL DEFAULT false,
  address varchar(200),
  user_id uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CONSTRAINT officer_substitute_self_ck CHECK (substitute_id IS NULL OR substitute_id <> id),
  CONSTRAINT officer_works_to_ck CHECK (dob IS NULL OR works_to IS NULL OR works_to > dob)
);
-- Codes are unique among current rows only: a deleted officer's code can be reused (openIMIS validity_to rule).
CREATE UNIQUE INDEX officer_code_uq ON officer (code) WHERE deleted_at IS NULL;
-- One current officer per user account.
CREATE UNIQUE INDEX officer_user_uq ON officer (user_id) WHERE deleted_at IS NULL AND user_id IS NOT NULL;
CREATE INDEX officer_location_idx ON officer (location_id) WHERE deleted_at IS NULL;
CREATE INDEX officer_substitute_idx ON officer (substitute_id) WHERE deleted_at IS NULL;
CREATE INDEX officer_last_name_trgm ON officer USING gin (last_name gin_trgm_ops);
CREATE INDEX officer_code_trgm ON officer USING gin (code gin_trgm_ops);

CREATE TABLE officer_village (
  officer_id uuid NOT NULL REFERENCES officer (id),
  village_id uuid NOT NULL REFERENCES location (id),
  PRIMARY KEY (officer_id, village_id)
);
-- "Which officers serve this village" reads by village.
CREATE INDEX officer_village_village_idx ON officer_village (village_id);

CREATE TABLE claim_admin (
  id uuid PRIMARY KEY,
  code varchar(8) NOT NULL,
  last_name varchar(100) NOT NULL,
  other_names varchar(100) NOT NULL,
  dob date,
  phone varchar(50),
  email varchar(50),
  hf_id uuid NOT NULL REFERENCES health_facility (id),
  user_id uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE UNIQUE INDEX claim_admin_code_uq ON claim_admin (code) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX claim_admin_user_uq ON claim_admin (user_id) WHERE deleted_at IS NULL AND user_id IS NOT NULL;
CREATE INDEX claim_admin_hf_idx ON claim_admin (hf_id) WHERE deleted_at IS NULL;
CREATE INDEX claim_admin_last_name_trgm ON claim_admin USING gin (last_name gin_trgm_ops);
CREATE INDEX claim_admin_code_trgm ON claim_admin USING gin (code gin_trgm_ops);
