-- Medical module tables (owned by modules/medical; drizzle schema in src/server/schema.ts).
-- Effective-dated registers: each version is a row (row_id); id is the stable entity id; valid_to NULL = current.
-- Needs pg_trgm, created by the kernel's 0001_core.sql.

CREATE TABLE medical_item (
  row_id uuid PRIMARY KEY,
  id uuid NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to timestamptz,
  code varchar(6) NOT NULL,
  name varchar(100) NOT NULL,
  type char(1) NOT NULL CHECK (type IN ('D', 'M')),
  package varchar(255),
  price numeric(18, 2) NOT NULL CHECK (price >= 0),
  quantity numeric(18, 2) CHECK (quantity >= 0),
  maximum_quantity numeric(18, 2) CHECK (maximum_quantity >= 0),
  care_type char(1) NOT NULL CHECK (care_type IN ('I', 'O', 'B')),
  frequency smallint CHECK (frequency >= 0),
  -- DECISIONS.md #3: 1–15, 0 refused.
  patient_category smallint NOT NULL CHECK (patient_category BETWEEN 1 AND 15),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX medical_item_current_uq ON medical_item (id) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX medical_item_code_uq ON medical_item (code) WHERE valid_to IS NULL;
CREATE INDEX medical_item_id_idx ON medical_item (id, valid_from);
CREATE INDEX medical_item_code_idx ON medical_item (code, valid_from);
CREATE INDEX medical_item_name_trgm ON medical_item USING gin (name gin_trgm_ops);
CREATE INDEX medical_item_code_trgm ON medical_item USING gin (code gin_trgm_ops);

CREATE TABLE medical_service (
  row_id uuid PRIMARY KEY,
  id uuid NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to timestamptz,
  code varchar(6) NOT NULL,
  name varchar(100) NOT NULL,
  type char(1) NOT NULL CHECK (type IN ('P', 'C')),
  category char(1) CHECK (category IN ('S', 'D', 'A', 'H', 'C', 'O', 'V')),
  level char(1) NOT NULL CHECK (level IN ('S', 'V', 'D', 'H')),
  price numeric(18, 2) NOT NULL CHECK (price >= 0),
  maximum_quantity numeric(18, 2) CHECK (maximum_quantity >= 0),
  care_type char(1) NOT NULL CHECK (care_type IN ('I', 'O', 'B')),
  frequency smallint CHECK (frequency >= 0),
  patient_category smallint NOT NULL DEFAULT 15 CHECK (patient_category BETWEEN 1 AND 15),
  package_type char(1) NOT NULL DEFAULT 'S' CHECK (package_type IN ('S', 'P', 'F')),
  manual_price boolean NOT NULL DEFAULT false,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX medical_service_current_uq ON medical_service (id) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX medical_service_code_uq ON medical_service (code) WHERE valid_to IS NULL;
CREATE INDEX medical_service_id_idx ON medical_service (id, valid_from);
CREATE INDEX medical_service_code_idx ON medical_service (code, valid_from);
CREATE INDEX medical_service_name_trgm ON medical_service USING gin (name gin_trgm_ops);
CREATE INDEX medical_service_code_trgm ON medical_service USING gin (code gin_trgm_ops);

CREATE TABLE diagnosis (
  row_id uuid PRIMARY KEY,
  id uuid NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to timestamptz,
  code varchar(6) NOT NULL,
  name varchar(255) NOT NULL,
  name_fr varchar(255),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX diagnosis_current_uq ON diagnosis (id) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX diagnosis_code_uq ON diagnosis (code) WHERE valid_to IS NULL;
CREATE INDEX diagnosis_id_idx ON diagnosis (id, valid_from);
CREATE INDEX diagnosis_code_idx ON diagnosis (code, valid_from);
CREATE INDEX diagnosis_name_trgm ON diagnosis USING gin (name gin_trgm_ops);
CREATE INDEX diagnosis_name_fr_trgm ON diagnosis USING gin (name_fr gin_trgm_ops);
CREATE INDEX diagnosis_code_trgm ON diagnosis USING gin (code gin_trgm_ops);
