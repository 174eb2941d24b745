-- Erasure keeps no external id and no travel (docs/erasure.md). The operational system's key of an erased
-- customer survives only as the SHA-256 of its UTF-8 bytes: enough to refuse a later import under the same key
-- (it would bring the person back), and nothing to anyone who does not already hold that key.
ALTER TABLE customer ADD COLUMN erased_external_id_sha256 bytea UNIQUE CHECK (octet_length(erased_external_id_sha256) = 32);

-- Customers erased before this version: finish their erasure the way SelfService.erase now does it.
UPDATE customer
SET erased_external_id_sha256 = sha256(convert_to(external_id, 'UTF8')), external_id = NULL, tier = 'NONE',
    created_at = erased_at, updated_at = erased_at
WHERE status = 'ERASED' AND external_id IS NOT NULL;
DELETE FROM service_event WHERE customer_id IN (SELECT id FROM customer WHERE status = 'ERASED');
DELETE FROM trip WHERE customer_id IN (SELECT id FROM customer WHERE status = 'ERASED'); -- their segments go with them

ALTER TABLE customer ADD CONSTRAINT customer_erased_holds_no_external_id CHECK (status = 'ACTIVE' OR external_id IS NULL);
