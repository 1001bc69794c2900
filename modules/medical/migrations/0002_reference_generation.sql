-- Claims cache this module's reference data; every change here tells them (kernel mutua_reference_changed).
CREATE TRIGGER medical_item_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON medical_item
  FOR EACH STATEMENT EXECUTE FUNCTION mutua_reference_changed();
CREATE TRIGGER medical_service_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON medical_service
  FOR EACH STATEMENT EXECUTE FUNCTION mutua_reference_changed();
CREATE TRIGGER diagnosis_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON diagnosis
  FOR EACH STATEMENT EXECUTE FUNCTION mutua_reference_changed();
