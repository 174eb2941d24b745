-- A customer's erasure request and each service's part of it. The gateway retries a pending part until the
-- service confirms, so an erasure is never silently partial; the customer sees each part's status.
CREATE TABLE erasure_request (
    id           uuid        PRIMARY KEY,
    customer_id  uuid        NOT NULL,
    requested_at timestamptz NOT NULL
);
CREATE INDEX erasure_request_customer ON erasure_request (customer_id, requested_at DESC);

CREATE TABLE erasure_step (
    request_id      uuid         NOT NULL REFERENCES erasure_request (id),
    service         varchar(30)  NOT NULL,
    status          varchar(10)  NOT NULL CHECK (status IN ('PENDING', 'DONE')),
    attempts        integer      NOT NULL DEFAULT 0,
    last_error      varchar(300),
    next_attempt_at timestamptz  NOT NULL,
    completed_at    timestamptz,
    receipt         text,        -- the service's own receipt, as it sent it
    PRIMARY KEY (request_id, service)
);
CREATE INDEX erasure_step_due ON erasure_step (next_attempt_at) WHERE status = 'PENDING';

GRANT SELECT, INSERT ON erasure_request TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON erasure_step TO ${appRole};
