-- One open erasure request per customer (ADR 0017): asking again while a request is in progress answers with
-- that request instead of starting another, so repeated requests cannot multiply the work or the retries.
-- open_for holds the customer id while some service has not confirmed, and is cleared when the last one does;
-- the unique index is what makes it one, however many gateway instances race (NULLs never collide).
ALTER TABLE erasure_request ADD COLUMN open_for uuid;

UPDATE erasure_request r SET open_for = r.customer_id
WHERE EXISTS (SELECT 1 FROM erasure_step s WHERE s.request_id = r.id AND s.status = 'PENDING')
  AND r.id = (SELECT o.id FROM erasure_request o WHERE o.customer_id = r.customer_id
              ORDER BY o.requested_at DESC, o.id DESC LIMIT 1);

CREATE UNIQUE INDEX erasure_request_one_open ON erasure_request (open_for);

GRANT UPDATE (open_for) ON erasure_request TO ${appRole};
