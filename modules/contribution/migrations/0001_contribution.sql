-- Contribution module tables (owned by modules/contribution; drizzle schema in src/server/schema.ts).
-- Effective-dated (kernel versionColumns): a change closes the current row (valid_to) and opens a new version with
-- the same id; a delete only closes it. No foreign keys to other modules' tables: the service checks the policy
-- (policy service) and the payer (payer service).

CREATE TABLE premium (
  row_id uuid PRIMARY KEY,
  id uuid NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to timestamptz,
  policy_id uuid NOT NULL,
  -- Copied from the policy when recorded: receipts are unique per product (DOMAIN.md §11), and reads are scoped
  -- by the family's village without asking the policy module for each row.
  product_id uuid NOT NULL,
  family_id uuid NOT NULL,
  payer_id uuid,
  amount numeric(18,2) NOT NULL CHECK (amount > 0),
  receipt varchar(50) NOT NULL CHECK (btrim(receipt) <> ''),
  pay_date date NOT NULL,
  pay_type char(1) NOT NULL CHECK (pay_type IN ('C', 'B', 'M', 'F')),
  is_photo_fee boolean NOT NULL DEFAULT false,
  is_offline boolean NOT NULL DEFAULT false,
  source varchar(50),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT premium_validity_ck CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
-- One current version per contribution.
CREATE UNIQUE INDEX premium_current_uq ON premium (id) WHERE valid_to IS NULL;
-- A receipt number is used once per product among current contributions (case-insensitive): the database keeps
-- it true even when two clerks save the same receipt at the same moment.
CREATE UNIQUE INDEX premium_receipt_uq ON premium (product_id, lower(receipt)) WHERE valid_to IS NULL;
CREATE INDEX premium_versions_idx ON premium (id, valid_from);
CREATE INDEX premium_policy_idx ON premium (policy_id, pay_date) WHERE valid_to IS NULL;
CREATE INDEX premium_family_idx ON premium (family_id) WHERE valid_to IS NULL;
CREATE INDEX premium_pay_date_idx ON premium (pay_date, id) WHERE valid_to IS NULL;
CREATE INDEX premium_payer_idx ON premium (payer_id) WHERE valid_to IS NULL AND payer_id IS NOT NULL;
CREATE INDEX premium_receipt_prefix_idx ON premium (lower(receipt) text_pattern_ops) WHERE valid_to IS NULL;
