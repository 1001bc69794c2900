-- Code lists (owned by modules/codelist; drizzle schema in src/server/schema.ts). The built-in entries are not
-- inserted here: setup inserts the missing ones on every start, so a new version's codes reach old databases too.

CREATE TABLE code_list_entry (
  id uuid PRIMARY KEY,
  list varchar(40) NOT NULL,
  code varchar(5) NOT NULL CHECK (code <> ''),
  name varchar(50) NOT NULL CHECK (btrim(name) <> ''),
  name_fr varchar(50) NOT NULL CHECK (btrim(name_fr) <> ''),
  sort_order integer NOT NULL DEFAULT 0 CHECK (sort_order BETWEEN 0 AND 9999),
  active boolean NOT NULL DEFAULT true,
  requires_number boolean NOT NULL DEFAULT false,
  built_in boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One entry per code in a list; the seed's ON CONFLICT relies on it. Entries are never deleted (deactivated instead):
-- other modules store the codes.
CREATE UNIQUE INDEX code_list_entry_code_uq ON code_list_entry (list, code);
CREATE INDEX code_list_entry_order_idx ON code_list_entry (list, sort_order, code);
