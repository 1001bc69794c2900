-- Claim module tables (owned by modules/claim; drizzle schema in src/server/schema.ts).
-- Claims are high-volume transactional rows: MUTABLE current state, every change audited through the kernel audit
-- log (docs/adr/0007-mutable-claims.md). Soft delete = deleted_at. Money numeric(18,2); quantities numeric(18,2).
-- No foreign keys to other modules' tables (a module owns its tables); the service checks ids through their APIs.

CREATE TABLE claim (
  id uuid PRIMARY KEY,
  code varchar(50) NOT NULL,
  hf_id uuid NOT NULL,
  insuree_id uuid NOT NULL,
  admin_id uuid,
  date_from date NOT NULL,
  date_to date,
  -- the target date of the rules (RULES.md §1.2), kept by the database for the history queries of the check
  target_date date GENERATED ALWAYS AS (coalesce(date_to, date_from)) STORED,
  date_claimed date NOT NULL,
  icd_id uuid NOT NULL,
  icd_1_id uuid,
  icd_2_id uuid,
  icd_3_id uuid,
  icd_4_id uuid,
  visit_type char(1) NOT NULL DEFAULT 'O' CHECK (visit_type IN ('O', 'E', 'R')),
  category char(1),
  status smallint NOT NULL DEFAULT 2 CHECK (status IN (1, 2, 4, 8, 16)),
  review_status smallint NOT NULL DEFAULT 1 CHECK (review_status IN (1, 2, 4, 8, 16)),
  feedback_status smallint NOT NULL DEFAULT 1 CHECK (feedback_status IN (1, 2, 4, 8, 16)),
  feedback_available boolean NOT NULL DEFAULT false,
  rejection_reason smallint NOT NULL DEFAULT 0,
  guarantee_id varchar(50),
  explanation text,
  adjustment text,
  adjuster_id uuid,
  claimed numeric(18,2) NOT NULL DEFAULT 0,
  approved numeric(18,2),
  valuated numeric(18,2),
  remunerated numeric(18,2),
  date_processed date,
  submit_stamp timestamptz,
  process_stamp timestamptz,
  review_stamp timestamptz,
  submit_user_id uuid,
  process_user_id uuid,
  review_user_id uuid,
  batch_run_id uuid,
  restore_id uuid,
  -- a rejected claim restored into a new one gives its code to the new claim
  code_released boolean NOT NULL DEFAULT false,
  review_flags jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
-- claim code unique per facility among current claims
CREATE UNIQUE INDEX claim_code_uq ON claim (hf_id, code) WHERE deleted_at IS NULL AND NOT code_released;
-- search filters (keyset by id, newest first)
CREATE INDEX claim_hf_status_idx ON claim (hf_id, status, id) WHERE deleted_at IS NULL;
CREATE INDEX claim_status_idx ON claim (status, id) WHERE deleted_at IS NULL;
CREATE INDEX claim_date_claimed_idx ON claim (date_claimed) WHERE deleted_at IS NULL;
CREATE INDEX claim_date_from_idx ON claim (date_from) WHERE deleted_at IS NULL;
CREATE INDEX claim_icd_idx ON claim (icd_id, status, date_claimed) WHERE deleted_at IS NULL;
CREATE INDEX claim_review_idx ON claim (review_status) WHERE deleted_at IS NULL AND status = 4;
CREATE INDEX claim_feedback_idx ON claim (feedback_status) WHERE deleted_at IS NULL AND status = 4;
CREATE INDEX claim_claimed_idx ON claim (claimed) WHERE deleted_at IS NULL;
-- history of the check: the insuree's earlier claims (categories, target dates)
CREATE INDEX claim_insuree_idx ON claim (insuree_id, target_date) WHERE deleted_at IS NULL;
CREATE INDEX claim_restore_idx ON claim (restore_id) WHERE restore_id IS NOT NULL;

-- one table shape for both kinds of line
CREATE TABLE claim_item (
  id uuid PRIMARY KEY,
  claim_id uuid NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
  -- denormalised from the claim for the history queries of the check (insuree + item)
  insuree_id uuid NOT NULL,
  item_id uuid NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  status smallint NOT NULL DEFAULT 1 CHECK (status IN (1, 2)),
  qty_provided numeric(18,2) NOT NULL CHECK (qty_provided > 0),
  qty_approved numeric(18,2) CHECK (qty_approved >= 0),
  price_asked numeric(18,2) NOT NULL CHECK (price_asked >= 0),
  price_adjusted numeric(18,2),
  price_approved numeric(18,2) CHECK (price_approved >= 0),
  price_valuated numeric(18,2),
  explanation text,
  justification text,
  rejection_reason smallint NOT NULL DEFAULT 0,
  rejection_params jsonb,
  product_id uuid,
  policy_id uuid,
  price_origin char(1),
  limitation char(1),
  limitation_value numeric(18,2),
  deductable_amount numeric(18,2),
  exceed_ceiling_amount numeric(18,2),
  exceed_ceiling_amount_category numeric(18,2),
  remunerated_amount numeric(18,2)
);
CREATE INDEX claim_item_claim_idx ON claim_item (claim_id, sort_order);
CREATE INDEX claim_item_history_idx ON claim_item (insuree_id, item_id) WHERE rejection_reason = 0;
CREATE INDEX claim_item_policy_idx ON claim_item (policy_id) WHERE policy_id IS NOT NULL;

CREATE TABLE claim_service (
  id uuid PRIMARY KEY,
  claim_id uuid NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
  insuree_id uuid NOT NULL,
  service_id uuid NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  status smallint NOT NULL DEFAULT 1 CHECK (status IN (1, 2)),
  qty_provided numeric(18,2) NOT NULL CHECK (qty_provided > 0),
  qty_approved numeric(18,2) CHECK (qty_approved >= 0),
  price_asked numeric(18,2) NOT NULL CHECK (price_asked >= 0),
  price_adjusted numeric(18,2),
  price_approved numeric(18,2) CHECK (price_approved >= 0),
  price_valuated numeric(18,2),
  explanation text,
  justification text,
  rejection_reason smallint NOT NULL DEFAULT 0,
  rejection_params jsonb,
  product_id uuid,
  policy_id uuid,
  price_origin char(1),
  limitation char(1),
  limitation_value numeric(18,2),
  deductable_amount numeric(18,2),
  exceed_ceiling_amount numeric(18,2),
  exceed_ceiling_amount_category numeric(18,2),
  remunerated_amount numeric(18,2)
);
CREATE INDEX claim_service_claim_idx ON claim_service (claim_id, sort_order);
CREATE INDEX claim_service_history_idx ON claim_service (insuree_id, service_id) WHERE rejection_reason = 0;
CREATE INDEX claim_service_policy_idx ON claim_service (policy_id) WHERE policy_id IS NOT NULL;

CREATE TABLE claim_attachment (
  id uuid PRIMARY KEY,
  claim_id uuid NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
  title varchar(250),
  type varchar(50),
  filename varchar(255) NOT NULL,
  mime varchar(100) NOT NULL,
  size integer NOT NULL CHECK (size >= 0),
  document bytea NOT NULL,
  date date,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  deleted_at timestamptz
);
CREATE INDEX claim_attachment_claim_idx ON claim_attachment (claim_id) WHERE deleted_at IS NULL;

-- deductible/ceiling ledger: one row per claim and policy (DECISIONS #20); replaced when the claim is re-valued
CREATE TABLE claim_ded_rem (
  id uuid PRIMARY KEY,
  claim_id uuid NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
  policy_id uuid NOT NULL,
  insuree_id uuid NOT NULL,
  product_id uuid,
  ded_g numeric(18,2) NOT NULL DEFAULT 0,
  ded_op numeric(18,2) NOT NULL DEFAULT 0,
  ded_ip numeric(18,2) NOT NULL DEFAULT 0,
  rem_g numeric(18,2) NOT NULL DEFAULT 0,
  rem_op numeric(18,2) NOT NULL DEFAULT 0,
  rem_ip numeric(18,2) NOT NULL DEFAULT 0,
  rem_consult numeric(18,2) NOT NULL DEFAULT 0,
  rem_surgery numeric(18,2) NOT NULL DEFAULT 0,
  rem_delivery numeric(18,2) NOT NULL DEFAULT 0,
  rem_hospitalization numeric(18,2) NOT NULL DEFAULT 0,
  rem_antenatal numeric(18,2) NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX claim_ded_rem_claim_policy_uq ON claim_ded_rem (claim_id, policy_id);
CREATE INDEX claim_ded_rem_policy_idx ON claim_ded_rem (policy_id, insuree_id);

CREATE TABLE claim_feedback (
  claim_id uuid PRIMARY KEY REFERENCES claim (id) ON DELETE CASCADE,
  care_rendered boolean,
  payment_asked boolean,
  drug_prescribed boolean,
  drug_received boolean,
  assessment smallint CHECK (assessment BETWEEN -1 AND 5),
  officer_id uuid,
  feedback_date date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid
);

CREATE TABLE claim_feedback_prompt (
  id uuid PRIMARY KEY,
  claim_id uuid NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
  officer_id uuid,
  phone varchar(50),
  prompt_date date NOT NULL,
  sms_status smallint NOT NULL DEFAULT 0,
  closed_at timestamptz
);
CREATE INDEX claim_feedback_prompt_claim_idx ON claim_feedback_prompt (claim_id) WHERE closed_at IS NULL;
