-- Reference data (registers, price lists, products, facilities) changes rarely and is read by every claim. Processes
-- cache it (ReferenceCache) and ask this one row, once per transaction, whether any of it changed: each module's
-- reference tables carry a statement trigger calling mutua_reference_changed(). The value is time-based and only
-- grows, so a table emptied and refilled (tests) never brings back a generation a cache still holds.
CREATE TABLE reference_generation (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  n bigint NOT NULL
);
INSERT INTO reference_generation (id, n) VALUES (1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint);

CREATE FUNCTION mutua_reference_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO reference_generation AS g (id, n) VALUES (1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
  ON CONFLICT (id) DO UPDATE SET n = greatest(g.n + 1, EXCLUDED.n);
  RETURN NULL;
END
$$;
