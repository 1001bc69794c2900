-- Insuree module tables (owned by modules/insuree; drizzle schema in src/server/schema.ts).
-- Effective-dated (kernel versionColumns): a change closes the current row (valid_to) and opens a new one with the
-- same id; removing an insuree or deleting a family only closes it. No foreign keys to other modules' tables; the
-- service checks villages, facilities and codes. Needs pg_trgm, created by the kernel's 0001_core.sql.

CREATE TABLE family (
  row_id uuid PRIMARY KEY,
  id uuid NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to timestamptz,
  head_insuree_id uuid,
  location_id uuid NOT NULL,
  poverty boolean,
  family_type varchar(2),
  confirmation_type varchar(3),
  confirmation_no varchar(12),
  address varchar(200),
  ethnicity char(1),
  json_ext jsonb
);
CREATE UNIQUE INDEX family_current_uq ON family (id) WHERE valid_to IS NULL;
CREATE INDEX family_id_idx ON family (id, valid_from);
CREATE INDEX family_location_idx ON family (location_id) WHERE valid_to IS NULL;

CREATE TABLE insuree (
  row_id uuid PRIMARY KEY,
  id uuid NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to timestamptz,
  family_id uuid NOT NULL,
  chf_id varchar(50) NOT NULL,
  last_name varchar(100) NOT NULL,
  other_names varchar(100) NOT NULL,
  dob date NOT NULL,
  gender varchar(1),
  is_head boolean NOT NULL DEFAULT false,
  relationship varchar(4),
  marital_status varchar(1),
  profession varchar(4),
  education varchar(4),
  phone varchar(50),
  email varchar(100),
  type_of_id varchar(1),
  passport varchar(25),
  current_village_id uuid,
  current_address varchar(200),
  health_facility_id uuid,
  card_issued boolean NOT NULL DEFAULT false,
  photo_id uuid,
  json_ext jsonb,
  enrolled_on date NOT NULL DEFAULT CURRENT_DATE
);
CREATE UNIQUE INDEX insuree_current_uq ON insuree (id) WHERE valid_to IS NULL;
-- DOMAIN.md §1.2: the insurance number is unique among current insurees only.
CREATE UNIQUE INDEX insuree_chf_id_uq ON insuree (chf_id) WHERE valid_to IS NULL;
-- One head per family at a time.
CREATE UNIQUE INDEX insuree_head_uq ON insuree (family_id) WHERE is_head AND valid_to IS NULL;
CREATE INDEX insuree_id_idx ON insuree (id, valid_from);
CREATE INDEX insuree_family_idx ON insuree (family_id) WHERE valid_to IS NULL;
CREATE INDEX insuree_name_order_idx ON insuree (last_name, other_names, id) WHERE valid_to IS NULL;
CREATE INDEX insuree_last_name_trgm ON insuree USING gin (last_name gin_trgm_ops) WHERE valid_to IS NULL;
CREATE INDEX insuree_other_names_trgm ON insuree USING gin (other_names gin_trgm_ops) WHERE valid_to IS NULL;
CREATE INDEX insuree_chf_id_prefix_idx ON insuree (chf_id varchar_pattern_ops) WHERE valid_to IS NULL;
CREATE INDEX insuree_dob_idx ON insuree (dob) WHERE valid_to IS NULL;
-- Duplicate checks at enrolment compare phone digits and identification numbers.
CREATE INDEX insuree_phone_idx ON insuree ((regexp_replace(phone, '\D', '', 'g'))) WHERE valid_to IS NULL AND phone IS NOT NULL;
CREATE INDEX insuree_passport_idx ON insuree (passport) WHERE valid_to IS NULL AND passport IS NOT NULL;

-- Photos are stored with the record (DOMAIN.md §9.3); a new photo is a new row and a new insuree version.
CREATE TABLE insuree_photo (
  id uuid PRIMARY KEY,
  insuree_id uuid NOT NULL,
  mime varchar(20) NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
  bytes integer NOT NULL CHECK (bytes > 0),
  data bytea NOT NULL,
  taken_on date NOT NULL DEFAULT CURRENT_DATE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX insuree_photo_insuree_idx ON insuree_photo (insuree_id);
