-- Claims cache this module's reference data; every change here tells them (kernel mutua_reference_changed).
CREATE TRIGGER product_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON product
  FOR EACH STATEMENT EXECUTE FUNCTION mutua_reference_changed();
CREATE TRIGGER product_item_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON product_item
  FOR EACH STATEMENT EXECUTE FUNCTION mutua_reference_changed();
CREATE TRIGGER product_service_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON product_service
  FOR EACH STATEMENT EXECUTE FUNCTION mutua_reference_changed();
