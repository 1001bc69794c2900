-- Claim batch module tables (owned by modules/claim-batch; drizzle schema in src/server/schema.ts).
-- A batch run values a month for a location (NULL = national). The claim module's rows are written only through its
-- service (batch API); what this module needs to remember about a line (settled by which run) lives here.
-- Money numeric(18,2); indexes numeric(18,4).

CREATE TABLE batch_run (
  id uuid PRIMARY KEY,
  run_year smallint NOT NULL,
  run_month smallint NOT NULL CHECK (run_month BETWEEN 1 AND 12),
  -- NULL = national; else the region or district id
  location_id uuid,
  level varchar(10) NOT NULL CHECK (level IN ('national', 'region', 'district')),
  -- queued → running → done (failed when the job gave up)
  status varchar(10) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  job_id uuid,
  claims_valuated integer NOT NULL DEFAULT 0,
  lines_remunerated integer NOT NULL DEFAULT 0,
  claimed numeric(18,2) NOT NULL DEFAULT 0,
  remunerated numeric(18,2) NOT NULL DEFAULT 0,
  capitation numeric(18,2) NOT NULL DEFAULT 0,
  run_date timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  created_by uuid
);
-- At most one run per month and location (DOMAIN.md §13 "Already run before"); a failed run frees its month.
CREATE UNIQUE INDEX batch_run_month_uq ON batch_run (run_year, run_month, coalesce(location_id, '00000000-0000-0000-0000-000000000000'::uuid))
  WHERE status <> 'failed';
CREATE INDEX batch_run_list_idx ON batch_run (run_year DESC, run_month DESC, id DESC);

CREATE TABLE batch_relative_index (
  id uuid PRIMARY KEY,
  run_id uuid NOT NULL REFERENCES batch_run (id) ON DELETE CASCADE,
  product_id uuid NOT NULL,
  care_type char(1) NOT NULL CHECK (care_type IN ('B', 'I', 'O')),
  period_type char(1) NOT NULL CHECK (period_type IN ('M', 'Q', 'Y')),
  rel_type smallint NOT NULL CHECK (rel_type IN (12, 4, 1)),
  rel_year smallint NOT NULL,
  rel_period smallint NOT NULL,
  window_start date NOT NULL,
  window_end date NOT NULL,
  allocated numeric(18,2) NOT NULL,
  share_percent numeric(5,2) NOT NULL,
  pool numeric(18,2) NOT NULL,
  claim_value numeric(18,2) NOT NULL,
  rel_index numeric(18,4) NOT NULL,
  location_id uuid,
  UNIQUE (run_id, product_id, care_type)
);
CREATE INDEX batch_relative_index_product_idx ON batch_relative_index (product_id, rel_year, rel_period);

-- One row per claim line a run remunerated: the line is then settled (carry-over and resume read this).
CREATE TABLE claim_batch_line (
  line_id uuid PRIMARY KEY,
  run_id uuid NOT NULL REFERENCES batch_run (id) ON DELETE CASCADE,
  kind varchar(7) NOT NULL CHECK (kind IN ('item', 'service')),
  claim_id uuid NOT NULL,
  product_id uuid NOT NULL,
  basis varchar(10) NOT NULL CHECK (basis IN ('index', 'value', 'capitation')),
  remunerated numeric(18,2) NOT NULL,
  -- the index of the line's class when basis = 'index'
  rel_index numeric(18,4),
  -- the line's price valuated before the run wrote it (a resumed run computes the same plan from it)
  price_valuated_before numeric(18,2)
);
CREATE INDEX claim_batch_line_run_idx ON claim_batch_line (run_id);
CREATE INDEX claim_batch_line_claim_idx ON claim_batch_line (claim_id);

CREATE TABLE batch_capitation (
  id uuid PRIMARY KEY,
  run_id uuid NOT NULL REFERENCES batch_run (id) ON DELETE CASCADE,
  product_id uuid NOT NULL,
  period_type char(1) NOT NULL,
  window_start date NOT NULL,
  window_end date NOT NULL,
  allocated numeric(18,2) NOT NULL,
  share_percent numeric(5,2) NOT NULL,
  pool numeric(18,2) NOT NULL,
  -- [{ component, weightPercent, amount, total, unitPrice }] (amounts as decimal strings)
  components jsonb NOT NULL,
  UNIQUE (run_id, product_id)
);

CREATE TABLE batch_capitation_payment (
  id uuid PRIMARY KEY,
  capitation_id uuid NOT NULL REFERENCES batch_capitation (id) ON DELETE CASCADE,
  run_id uuid NOT NULL,
  product_id uuid NOT NULL,
  hf_id uuid NOT NULL,
  -- per component: { value, amount } (decimal strings)
  components jsonb NOT NULL,
  payment numeric(18,2) NOT NULL,
  UNIQUE (capitation_id, hf_id)
);
CREATE INDEX batch_capitation_payment_run_idx ON batch_capitation_payment (run_id, hf_id);

-- One bill per facility and run; one line per valuated claim paid fee-for-service.
CREATE TABLE provider_bill (
  id uuid PRIMARY KEY,
  run_id uuid NOT NULL REFERENCES batch_run (id) ON DELETE CASCADE,
  hf_id uuid NOT NULL,
  claimed numeric(18,2) NOT NULL,
  remunerated numeric(18,2) NOT NULL,
  deduction numeric(18,2) NOT NULL,
  line_count integer NOT NULL,
  UNIQUE (run_id, hf_id)
);
CREATE INDEX provider_bill_hf_idx ON provider_bill (hf_id);

CREATE TABLE provider_bill_line (
  bill_id uuid NOT NULL REFERENCES provider_bill (id) ON DELETE CASCADE,
  claim_id uuid NOT NULL,
  claimed numeric(18,2) NOT NULL,
  remunerated numeric(18,2) NOT NULL,
  deduction numeric(18,2) NOT NULL,
  PRIMARY KEY (bill_id, claim_id)
);
