-- Claims cache this module's reference data; every change here tells them (kernel mutua_reference_changed).
CREATE TRIGGER items_pricelist_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON items_pricelist
  FOR EACH STATEMENT EXECUTE FUNCTION mutua_reference_changed();
CREATE TRIGGER items_pricelist_detail_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON items_pricelist_detail
  FOR EACH STATEMENT EXECUTE FUNCTION mutua_reference_changed();
CREATE TRIGGER services_pricelist_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON services_pricelist
  FOR EACH STATEMENT EXECUTE FUNCTION mutua_reference_changed();
CREATE TRIGGER services_pricelist_detail_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON services_pricelist_detail
  FOR EACH STATEMENT EXECUTE FUNCTION mutua_reference_changed();
CREATE TRIGGER hf_pricelist_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hf_pricelist
  FOR EACH STATEMENT EXECUTE FUNCTION mutua_reference_changed();
