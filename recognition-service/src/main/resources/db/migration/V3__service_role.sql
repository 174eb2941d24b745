-- The service connects as ${appRole}, not as the owner: it reads the catalogue, keeps preferences and photos,
-- and may only add to (and read) the consent ledger. What this grants is exactly what the service can do.
GRANT SELECT ON preference_definition, purpose, purpose_notice TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON customer_preference, customer_photo TO ${appRole};
GRANT SELECT, INSERT ON consent_event TO ${appRole};
