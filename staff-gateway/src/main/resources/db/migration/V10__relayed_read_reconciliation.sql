-- The gateway's reconciliation of the services' relayed reads against its access records (docs/decisions/0018).
-- How far each service's list has been reconciled:
CREATE TABLE relayed_read_cursor (
    service        varchar(40) PRIMARY KEY,
    after_id       bigint      NOT NULL,
    reconciled_at  timestamptz NOT NULL
);

-- Reads a service answered for a staff token that no access record covers. Kept, never changed: the app role may
-- add and read findings, not remove them. customer_id is the pseudonym the access trail keeps (docs/erasure.md).
CREATE TABLE unrecorded_relayed_read (
    service            varchar(40)  NOT NULL,
    read_id            bigint       NOT NULL,
    read_at            timestamptz  NOT NULL,
    operation          varchar(40)  NOT NULL,
    staff_subject      varchar(200) NOT NULL,
    acting_role        varchar(40)  NOT NULL,
    gateway_request_id varchar(64),
    customer_id        uuid         NOT NULL,
    found_at           timestamptz  NOT NULL,
    PRIMARY KEY (service, read_id)
);
CREATE INDEX unrecorded_relayed_read_at ON unrecorded_relayed_read (read_at);

GRANT SELECT, INSERT, UPDATE ON relayed_read_cursor TO ${appRole};
GRANT SELECT, INSERT ON unrecorded_relayed_read TO ${appRole};
