-- Product module tables (owned by modules/product; drizzle schema in src/server/schema.ts).
-- Effective-dated (kernel versionColumns): a change closes the current row (valid_to) and opens a new one with the
-- same id. Money numeric(18,2), percentages numeric(5,2) in 0–100, months and counts non-negative integers.
-- No foreign keys to other modules' tables (a module owns its tables); the service checks locations and medical ids.

CREATE TABLE product (
  row_id uuid PRIMARY KEY,
  id uuid NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to timestamptz,
  code varchar(8) NOT NULL,
  name varchar(100) NOT NULL,
  location_id uuid,
  date_from date NOT NULL,
  date_to date NOT NULL,
  conversion_product_id uuid,
  acc_code_premiums varchar(25),
  acc_code_remuneration varchar(25),
  insurance_period integer NOT NULL DEFAULT 12 CHECK (insurance_period >= 0),
  administration_period integer CHECK (administration_period >= 0),
  grace_period_enrolment integer DEFAULT 0 CHECK (grace_period_enrolment >= 0),
  grace_period_renewal integer CHECK (grace_period_renewal >= 0),
  grace_period_payment integer CHECK (grace_period_payment >= 0),
  start_cycle_1 char(5),
  start_cycle_2 char(5),
  start_cycle_3 char(5),
  start_cycle_4 char(5),
  max_installments integer CHECK (max_installments >= 0),
  recurrence integer CHECK (recurrence >= 0),
  enrolment_discount_perc numeric(5,2) CHECK (enrolment_discount_perc BETWEEN 0 AND 100),
  enrolment_discount_period integer CHECK (enrolment_discount_period >= 0),
  renewal_discount_perc numeric(5,2) DEFAULT 0.00 CHECK (renewal_discount_perc BETWEEN 0 AND 100),
  renewal_discount_period integer DEFAULT 0 CHECK (renewal_discount_period >= 0),
  max_members integer NOT NULL DEFAULT 0 CHECK (max_members >= 0),
  threshold integer CHECK (threshold >= 0),
  lump_sum numeric(18,2) NOT NULL DEFAULT 0.00 CHECK (lump_sum >= 0),
  premium_adult numeric(18,2) CHECK (premium_adult >= 0),
  premium_child numeric(18,2) CHECK (premium_child >= 0),
  registration_lump_sum numeric(18,2) CHECK (registration_lump_sum >= 0),
  registration_fee numeric(18,2) CHECK (registration_fee >= 0),
  general_assembly_lump_sum numeric(18,2) CHECK (general_assembly_lump_sum >= 0),
  general_assembly_fee numeric(18,2) CHECK (general_assembly_fee >= 0),
  ceiling_type char(1) CHECK (ceiling_type IN ('I', 'T', 'P')),
  ceiling_interpretation char(1) CHECK (ceiling_interpretation IN ('I', 'H')),
  ded_treatment numeric(18,2) CHECK (ded_treatment >= 0),
  ded_ip_treatment numeric(18,2) CHECK (ded_ip_treatment >= 0),
  ded_op_treatment numeric(18,2) CHECK (ded_op_treatment >= 0),
  ded_insuree numeric(18,2) CHECK (ded_insuree >= 0),
  ded_ip_insuree numeric(18,2) CHECK (ded_ip_insuree >= 0),
  ded_op_insuree numeric(18,2) CHECK (ded_op_insuree >= 0),
  ded_policy numeric(18,2) CHECK (ded_policy >= 0),
  ded_ip_policy numeric(18,2) CHECK (ded_ip_policy >= 0),
  ded_op_policy numeric(18,2) CHECK (ded_op_policy >= 0),
  max_treatment numeric(18,2) CHECK (max_treatment >= 0),
  max_ip_treatment numeric(18,2) CHECK (max_ip_treatment >= 0),
  max_op_treatment numeric(18,2) CHECK (max_op_treatment >= 0),
  max_insuree numeric(18,2) CHECK (max_insuree >= 0),
  max_ip_insuree numeric(18,2) CHECK (max_ip_insuree >= 0),
  max_op_insuree numeric(18,2) CHECK (max_op_insuree >= 0),
  max_policy numeric(18,2) CHECK (max_policy >= 0),
  max_ip_policy numeric(18,2) CHECK (max_ip_policy >= 0),
  max_op_policy numeric(18,2) CHECK (max_op_policy >= 0),
  max_policy_extra_member numeric(18,2) CHECK (max_policy_extra_member >= 0),
  max_policy_extra_member_ip numeric(18,2) CHECK (max_policy_extra_member_ip >= 0),
  max_policy_extra_member_op numeric(18,2) CHECK (max_policy_extra_member_op >= 0),
  max_ceiling_policy numeric(18,2) CHECK (max_ceiling_policy >= 0),
  max_ceiling_policy_ip numeric(18,2) CHECK (max_ceiling_policy_ip >= 0),
  max_ceiling_policy_op numeric(18,2) CHECK (max_ceiling_policy_op >= 0),
  max_no_consultation integer CHECK (max_no_consultation >= 0),
  max_no_surgery integer CHECK (max_no_surgery >= 0),
  max_no_delivery integer CHECK (max_no_delivery >= 0),
  max_no_hospitalization integer CHECK (max_no_hospitalization >= 0),
  max_no_visits integer CHECK (max_no_visits >= 0),
  max_no_antenatal integer CHECK (max_no_antenatal >= 0),
  max_amount_consultation numeric(18,2) CHECK (max_amount_consultation >= 0),
  max_amount_surgery numeric(18,2) CHECK (max_amount_surgery >= 0),
  max_amount_delivery numeric(18,2) CHECK (max_amount_delivery >= 0),
  max_amount_hospitalization numeric(18,2) CHECK (max_amount_hospitalization >= 0),
  max_amount_antenatal numeric(18,2) CHECK (max_amount_antenatal >= 0),
  capitation_level_1 char(1) CHECK (capitation_level_1 IN ('D', 'C', 'H')),
  capitation_sublevel_1 char(1) CHECK (capitation_sublevel_1 IN ('I', 'N', 'R')),
  capitation_level_2 char(1) CHECK (capitation_level_2 IN ('D', 'C', 'H')),
  capitation_sublevel_2 char(1) CHECK (capitation_sublevel_2 IN ('I', 'N', 'R')),
  capitation_level_3 char(1) CHECK (capitation_level_3 IN ('D', 'C', 'H')),
  capitation_sublevel_3 char(1) CHECK (capitation_sublevel_3 IN ('I', 'N', 'R')),
  capitation_level_4 char(1) CHECK (capitation_level_4 IN ('D', 'C', 'H')),
  capitation_sublevel_4 char(1) CHECK (capitation_sublevel_4 IN ('I', 'N', 'R')),
  share_contribution numeric(5,2) DEFAULT 100.00 CHECK (share_contribution BETWEEN 0 AND 100),
  weight_population numeric(5,2) CHECK (weight_population BETWEEN 0 AND 100),
  weight_nb_families numeric(5,2) CHECK (weight_nb_families BETWEEN 0 AND 100),
  weight_insured_population numeric(5,2) DEFAULT 100.00 CHECK (weight_insured_population BETWEEN 0 AND 100),
  weight_nb_insured_families numeric(5,2) CHECK (weight_nb_insured_families BETWEEN 0 AND 100),
  weight_nb_visits numeric(5,2) CHECK (weight_nb_visits BETWEEN 0 AND 100),
  weight_adjusted_amount numeric(5,2) CHECK (weight_adjusted_amount BETWEEN 0 AND 100),
  -- DOMAIN.md §7.3 / DECISIONS #21: [{ careType: B|I|O, periods: ["percent", …] }] with 1, 4 or 12 periods.
  relative_distribution jsonb NOT NULL DEFAULT '[]',
  period_rel_prices char(1) CHECK (period_rel_prices IN ('M', 'Q', 'Y')),
  period_rel_prices_ip char(1) CHECK (period_rel_prices_ip IN ('M', 'Q', 'Y')),
  period_rel_prices_op char(1) CHECK (period_rel_prices_op IN ('M', 'Q', 'Y')),
  CONSTRAINT product_dates_ck CHECK (date_from <= date_to),
  CONSTRAINT product_cycles_ck CHECK (
    (start_cycle_1 IS NULL OR start_cycle_1 ~ '^[0-3][0-9]-[01][0-9]$')
    AND (start_cycle_2 IS NULL OR start_cycle_2 ~ '^[0-3][0-9]-[01][0-9]$')
    AND (start_cycle_3 IS NULL OR start_cycle_3 ~ '^[0-3][0-9]-[01][0-9]$')
    AND (start_cycle_4 IS NULL OR start_cycle_4 ~ '^[0-3][0-9]-[01][0-9]$')
  )
);
-- Codes are unique among current products only (a closed product's code can be reused).
CREATE UNIQUE INDEX product_current_uq ON product (id) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX product_code_uq ON product (code) WHERE valid_to IS NULL;
CREATE INDEX product_id_idx ON product (id, valid_from);
CREATE INDEX product_location_idx ON product (location_id) WHERE valid_to IS NULL;
CREATE INDEX product_code_trgm ON product USING gin (code gin_trgm_ops);
CREATE INDEX product_name_trgm ON product USING gin (name gin_trgm_ops);

CREATE TABLE product_item (
  row_id uuid PRIMARY KEY,
  id uuid NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to timestamptz,
  product_id uuid NOT NULL,
  item_id uuid NOT NULL,
  price_origin char(1) NOT NULL CHECK (price_origin IN ('P', 'O', 'R')),
  limitation_type char(1) NOT NULL CHECK (limitation_type IN ('C', 'F')),
  limitation_type_e char(1) NOT NULL CHECK (limitation_type_e IN ('C', 'F')),
  limitation_type_r char(1) NOT NULL CHECK (limitation_type_r IN ('C', 'F')),
  limit_adult numeric(18,2) NOT NULL CHECK (limit_adult >= 0),
  limit_child numeric(18,2) NOT NULL CHECK (limit_child >= 0),
  limit_adult_e numeric(18,2) NOT NULL CHECK (limit_adult_e >= 0),
  limit_child_e numeric(18,2) NOT NULL CHECK (limit_child_e >= 0),
  limit_adult_r numeric(18,2) NOT NULL CHECK (limit_adult_r >= 0),
  limit_child_r numeric(18,2) NOT NULL CHECK (limit_child_r >= 0),
  waiting_period_adult integer CHECK (waiting_period_adult >= 0),
  waiting_period_child integer CHECK (waiting_period_child >= 0),
  limit_no_adult integer CHECK (limit_no_adult >= 0),
  limit_no_child integer CHECK (limit_no_child >= 0),
  ceiling_exclusion_adult char(1) CHECK (ceiling_exclusion_adult IN ('H', 'N', 'B')),
  ceiling_exclusion_child char(1) CHECK (ceiling_exclusion_child IN ('H', 'N', 'B'))
);
-- One current line per product and item; lines are read by product "as of" a date.
CREATE UNIQUE INDEX product_item_current_uq ON product_item (product_id, item_id) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX product_item_id_uq ON product_item (id) WHERE valid_to IS NULL;
CREATE INDEX product_item_product_idx ON product_item (product_id, valid_from);
CREATE INDEX product_item_item_idx ON product_item (item_id) WHERE valid_to IS NULL;

CREATE TABLE product_service (
  row_id uuid PRIMARY KEY,
  id uuid NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to timestamptz,
  product_id uuid NOT NULL,
  service_id uuid NOT NULL,
  price_origin char(1) NOT NULL CHECK (price_origin IN ('P', 'O', 'R')),
  limitation_type char(1) NOT NULL CHECK (limitation_type IN ('C', 'F')),
  limitation_type_e char(1) NOT NULL CHECK (limitation_type_e IN ('C', 'F')),
  limitation_type_r char(1) NOT NULL CHECK (limitation_type_r IN ('C', 'F')),
  limit_adult numeric(18,2) NOT NULL CHECK (limit_adult >= 0),
  limit_child numeric(18,2) NOT NULL CHECK (limit_child >= 0),
  limit_adult_e numeric(18,2) NOT NULL CHECK (limit_adult_e >= 0),
  limit_child_e numeric(18,2) NOT NULL CHECK (limit_child_e >= 0),
  limit_adult_r numeric(18,2) NOT NULL CHECK (limit_adult_r >= 0),
  limit_child_r numeric(18,2) NOT NULL CHECK (limit_child_r >= 0),
  waiting_period_adult integer CHECK (waiting_period_adult >= 0),
  waiting_period_child integer CHECK (waiting_period_child >= 0),
  limit_no_adult integer CHECK (limit_no_adult >= 0),
  limit_no_child integer CHECK (limit_no_child >= 0),
  ceiling_exclusion_adult char(1) CHECK (ceiling_exclusion_adult IN ('H', 'N', 'B')),
  ceiling_exclusion_child char(1) CHECK (ceiling_exclusion_child IN ('H', 'N', 'B'))
);
-- One current line per product and service; lines are read by product "as of" a date.
CREATE UNIQUE INDEX product_service_current_uq ON product_service (product_id, service_id) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX product_service_id_uq ON product_service (id) WHERE valid_to IS NULL;
CREATE INDEX product_service_product_idx ON product_service (product_id, valid_from);
CREATE INDEX product_service_service_idx ON product_service (service_id) WHERE valid_to IS NULL;

