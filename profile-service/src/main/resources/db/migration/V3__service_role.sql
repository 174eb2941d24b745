-- The service connects as ${appRole}, not as the owner: it reads and writes customer data (ingest, erasure),
-- but cannot change the schema, drop tables or disable anything. What this grants is all the service can do.
GRANT SELECT, INSERT, UPDATE, DELETE ON customer, customer_identifier, trip, segment, service_event TO ${appRole};
