-- Claims cache this module's reference data; every change here tells them (kernel mutua_reference_changed).
CREATE TRIGGER health_facility_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON health_facility
  FOR EACH STATEMENT EXECUTE FUNCTION mutua_reference_changed();
CREATE TRIGGER health_facility_catchment_reference_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON health_facility_catchment
  FOR EACH STATEMENT EXECUTE FUNCTION mutua_reference_changed();
