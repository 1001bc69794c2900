-- Price-list module tables (owned by modules/medical-pricelist; drizzle schema in src/server/schema.ts).
-- Effective-dated: each version is a row (row_id); id is the stable entity id; valid_to NULL = current.
-- Details point to the list's stable id and to the register entity's stable id (medical module, by id only).

CREATE TABLE items_pricelist (
  row_id uuid PRIMARY KEY,
  id uuid NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to timestamptz,
  name varchar(100) NOT NULL,
  pricelist_date date NOT NULL,
  location_id uuid,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX items_pricelist_current_uq ON items_pricelist (id) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX items_pricelist_name_uq ON items_pricelist (name) WHERE valid_to IS NULL;
CREATE INDEX items_pricelist_id_idx ON items_pricelist (id, valid_from);
CREATE INDEX items_pricelist_location_idx ON items_pricelist (location_id);
CREATE INDEX items_pricelist_name_trgm ON items_pricelist USING gin (name gin_trgm_ops);

CREATE TABLE items_pricelist_detail (
  row_id uuid PRIMARY KEY,
  id uuid NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to timestamptz,
  pricelist_id uuid NOT NULL,
  item_id uuid NOT NULL,
  price_override numeric(18, 2) CHECK (price_override >= 0),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX items_pricelist_detail_current_uq ON items_pricelist_detail (pricelist_id, item_id)
  WHERE valid_to IS NULL;
CREATE INDEX items_pricelist_detail_list_idx ON items_pricelist_detail (pricelist_id, item_id, valid_from);

CREATE TABLE services_pricelist (
  row_id uuid PRIMARY KEY,
  id uuid NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to timestamptz,
  name varchar(100) NOT NULL,
  pricelist_date date NOT NULL,
  location_id uuid,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX services_pricelist_current_uq ON services_pricelist (id) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX services_pricelist_name_uq ON services_pricelist (name) WHERE valid_to IS NULL;
CREATE INDEX services_pricelist_id_idx ON services_pricelist (id, valid_from);
CREATE INDEX services_pricelist_location_idx ON services_pricelist (location_id);
CREATE INDEX services_pricelist_name_trgm ON services_pricelist USING gin (name gin_trgm_ops);

CREATE TABLE services_pricelist_detail (
  row_id uuid PRIMARY KEY,
  id uuid NOT NULL,
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to timestamptz,
  pricelist_id uuid NOT NULL,
  service_id uuid NOT NULL,
  price_override numeric(18, 2) CHECK (price_override >= 0),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX services_pricelist_detail_current_uq ON services_pricelist_detail (pricelist_id, service_id)
  WHERE valid_to IS NULL;
CREATE INDEX services_pricelist_detail_list_idx ON services_pricelist_detail (pricelist_id, service_id, valid_from);

-- The lists a health facility uses (location module's facility, referenced by id only).
CREATE TABLE hf_pricelist (
  hf_id uuid PRIMARY KEY,
  items_pricelist_id uuid,
  services_pricelist_id uuid
);
CREATE INDEX hf_pricelist_items_idx ON hf_pricelist (items_pricelist_id);
CREATE INDEX hf_pricelist_services_idx ON hf_pricelist (services_pricelist_id);
