-- Location module tables (owned by modules/location; drizzle schema in src/server/schema.ts).
-- Runs on PostgreSQL 15+ and PGlite; needs pg_trgm, created by the kernel's 0001_core.sql.

CREATE TABLE location (
  id uuid PRIMARY KEY,
  code varchar(8) NOT NULL,
  name varchar(50) NOT NULL,
  type char(1) NOT NULL,
  parent_id uuid REFERENCES location (id),
  male_population integer CHECK (male_population >= 0),
  female_population integer CHECK (female_population >= 0),
  other_population integer CHECK (other_population >= 0),
  families integer CHECK (families >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
-- Codes are unique among current rows only: a deleted location's code can be reused (openIMIS validity_to rule).
CREATE UNIQUE INDEX location_code_uq ON location (code) WHERE deleted_at IS NULL;
-- Tree walks (children, recursive scope expansion) go through parent_id.
CREATE INDEX location_parent_idx ON location (parent_id) WHERE deleted_at IS NULL;
CREATE INDEX location_type_idx ON location (type, code) WHERE deleted_at IS NULL;
CREATE INDEX location_name_trgm ON location USING gin (name gin_trgm_ops);
CREATE INDEX location_code_trgm ON location USING gin (code gin_trgm_ops);

CREATE TABLE health_facility (
  id uuid PRIMARY KEY,
  code varchar(8) NOT NULL,
  name varchar(100) NOT NULL,
  acc_code varchar(25),
  legal_form char(1) NOT NULL CHECK (legal_form IN ('C', 'D', 'G', 'P')),
  level char(1) NOT NULL CHECK (level IN ('D', 'C', 'H')),
  sub_level char(1) CHECK (sub_level IN ('I', 'N', 'R')),
  care_type char(1) NOT NULL CHECK (care_type IN ('I', 'O', 'B')),
  location_id uuid NOT NULL REFERENCES location (id),
  address varchar(100),
  phone varchar(50),
  fax varchar(50),
  email varchar(50),
  status varchar(2) NOT NULL DEFAULT 'AC' CHECK (status IN ('AC', 'IN', 'DE', 'ID')),
  offline boolean NOT NULL DEFAULT false,
  contract_start_date date,
  contract_end_date date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  -- DOMAIN.md §4.2: both contract dates or neither, the end after the start.
  CONSTRAINT health_facility_contract_ck CHECK (
    (contract_start_date IS NULL) = (contract_end_date IS NULL)
    AND (contract_end_date IS NULL OR contract_end_date > contract_start_date)
  )
);
CREATE UNIQUE INDEX health_facility_code_uq ON health_facility (code) WHERE deleted_at IS NULL;
CREATE INDEX health_facility_location_idx ON health_facility (location_id) WHERE deleted_at IS NULL;
CREATE INDEX health_facility_level_idx ON health_facility (level) WHERE deleted_at IS NULL;
CREATE INDEX health_facility_legal_form_idx ON health_facility (legal_form) WHERE deleted_at IS NULL;
CREATE INDEX health_facility_status_idx ON health_facility (status) WHERE deleted_at IS NULL;
CREATE INDEX health_facility_name_trgm ON health_facility USING gin (name gin_trgm_ops);
CREATE INDEX health_facility_code_trgm ON health_facility USING gin (code gin_trgm_ops);

CREATE TABLE health_facility_catchment (
  hf_id uuid NOT NULL REFERENCES health_facility (id),
  village_id uuid NOT NULL REFERENCES location (id),
  percentage integer NOT NULL CHECK (percentage BETWEEN 0 AND 100),
  PRIMARY KEY (hf_id, village_id)
);
-- Capitation and "which facilities serve this village" read by village.
CREATE INDEX health_facility_catchment_village_idx ON health_facility_catchment (village_id);
