-- A customer's erasure request as this service accepted it from the customer's own (exchanged) token, written
-- before anything is erased. The gateway's later retries may only complete a request accepted here; they
-- cannot start one (docs/decisions/0015). The customer id is the pseudonym the access trail keeps too.
CREATE TABLE erasure_acceptance (
    request_id   uuid        PRIMARY KEY,
    customer_id  uuid        NOT NULL,
    accepted_at  timestamptz NOT NULL,
    completed_at timestamptz
);

GRANT SELECT, INSERT, UPDATE ON erasure_acceptance TO ${appRole};
