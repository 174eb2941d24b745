-- Supervisors' break-glass search looks customers up by family name, case-insensitively.
CREATE INDEX customer_family_name_lower ON customer (lower(family_name)) WHERE status = 'ACTIVE';
