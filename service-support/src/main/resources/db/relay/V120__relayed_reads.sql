-- What this service disclosed about a customer to a staff member's token relayed by the gateway: one row per
-- customer whose data left in one answer. The gateway reconciles these rows against its access records
-- (docs/decisions/0018): a read without a record is someone reading around the gateway with its client secret
-- and a live staff sign-in. Numbered V120, above every service's own and the trail's, and applied out of order.
CREATE TABLE relayed_read (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    read_at            timestamptz  NOT NULL DEFAULT now(),
    operation          varchar(40)  NOT NULL,
    staff_subject      varchar(200) NOT NULL,
    acting_role        varchar(40)  NOT NULL,
    -- The gateway's own request id as it sent it (X-Request-Id); null when the caller sent none.
    gateway_request_id varchar(64),
    -- The pseudonym the access trail keeps too; it survives erasure like the trail's (docs/erasure.md).
    customer_id        uuid         NOT NULL
);
CREATE INDEX relayed_read_at ON relayed_read (read_at);
-- The gateway asks each service once per look: a request id it already used is a replay, which would otherwise
-- hide behind the access record of the look it copies. A card shows one customer; a search may show several.
CREATE UNIQUE INDEX relayed_read_once ON relayed_read (gateway_request_id, operation, customer_id)
    WHERE gateway_request_id IS NOT NULL;
CREATE UNIQUE INDEX relayed_read_one_customer ON relayed_read (gateway_request_id, operation)
    WHERE gateway_request_id IS NOT NULL AND operation <> 'break-glass-search';

-- The service adds and lists rows, and deletes them only past retention; it never changes one.
GRANT SELECT, INSERT, DELETE ON relayed_read TO ${appRole};
