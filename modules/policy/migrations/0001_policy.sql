-- Policy module tables (owned by modules/policy; drizzle schema in src/server/schema.ts).
-- policy is effective-dated (kernel versionColumns): a change closes the current row (valid_to) and opens a new one
-- with the same id; a delete only closes it. No foreign keys to other modules' tables (a module owns its tables).

CREATE TABLE policy (
  row_id uuid PRIMARY KEY,
  id uuid NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to timestamptz,
  family_id uuid NOT NULL,
  product_id uuid NOT NULL,
  stage char(1) NOT NULL CHECK (stage IN ('N', 'R')),
  status smallint NOT NULL CHECK (status IN (1, 2, 4, 8, 16)),
  enroll_date date NOT NULL,
  start_date date NOT NULL,
  effective_date date,
  expiry_date date NOT NULL,
  value numeric(18,2) NOT NULL CHECK (value >= 0),
  officer_id uuid,
  previous_policy_id uuid,
  CHECK (expiry_date >= start_date)
);
CREATE UNIQUE INDEX policy_current_id ON policy (id) WHERE valid_to IS NULL;
CREATE INDEX policy_current_family ON policy (family_id) WHERE valid_to IS NULL;
CREATE INDEX policy_current_status_expiry ON policy (status, expiry_date) WHERE valid_to IS NULL;
CREATE INDEX policy_current_previous ON policy (previous_policy_id) WHERE valid_to IS NULL AND previous_policy_id IS NOT NULL;
CREATE INDEX policy_history ON policy (id, valid_from);

CREATE TABLE insuree_policy (
  id uuid PRIMARY KEY,
  policy_id uuid NOT NULL,
  insuree_id uuid NOT NULL,
  enrollment_date date NOT NULL,
  start_date date NOT NULL,
  effective_date date,
  expiry_date date NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to timestamptz
);
CREATE UNIQUE INDEX insuree_policy_current ON insuree_policy (policy_id, insuree_id) WHERE valid_to IS NULL;
CREATE INDEX insuree_policy_insuree ON insuree_policy (insuree_id) WHERE valid_to IS NULL;
