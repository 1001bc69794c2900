-- Payer module tables (owned by modules/payer; drizzle schema in src/server/schema.ts).
-- Effective-dated (kernel versioned.ts): one row a version; `id` is the payer, `row_id` the version.

CREATE TABLE payer (
  row_id uuid PRIMARY KEY,
  id uuid NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to timestamptz,
  type char(1) NOT NULL CHECK (type IN ('C', 'D', 'G', 'L', 'O', 'P')),
  name varchar(100) NOT NULL,
  address varchar(100),
  location_id uuid NOT NULL REFERENCES location (id),
  phone varchar(50),
  fax varchar(50),
  email varchar(50),
  CONSTRAINT payer_validity_ck CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
-- One current version per payer.
CREATE UNIQUE INDEX payer_current_uq ON payer (id) WHERE valid_to IS NULL;
CREATE INDEX payer_versions_idx ON payer (id, valid_from);
CREATE INDEX payer_location_idx ON payer (location_id) WHERE valid_to IS NULL;
CREATE INDEX payer_name_trgm ON payer USING gin (name gin_trgm_ops);
