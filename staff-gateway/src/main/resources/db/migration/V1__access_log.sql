-- The access log: one row per card served or refused. Append-only, partitioned by month, and each row
-- carries the SHA-256 of its canonical form (docs/access-log.md) for the verifiable trail.

CREATE TABLE access_record (
    id                        uuid         NOT NULL,
    recorded_at               timestamptz  NOT NULL,
    request_id                varchar(64)  NOT NULL,
    staff_subject             varchar(200) NOT NULL,
    role                      varchar(30)  NOT NULL,
    device                    varchar(100),
    touchpoint                varchar(64)  NOT NULL,
    customer_id               uuid,
    purpose                   varchar(50)  NOT NULL,
    policy_version            varchar(50)  NOT NULL,
    fields                    varchar(1000) NOT NULL, -- comma-separated field names, never values
    receipts                  varchar(4000) NOT NULL, -- comma-separated consent receipt ids
    outcome                   varchar(30)  NOT NULL
        CHECK (outcome IN ('SERVED', 'SERVED_WITHOUT_PREFERENCES', 'NOT_FOUND', 'DENIED', 'FAILED')),
    break_glass_justification varchar(2000),
    record_hash               bytea        NOT NULL CHECK (octet_length(record_hash) = 32),
    PRIMARY KEY (id, recorded_at)
) PARTITION BY RANGE (recorded_at);

-- One index per compliance question, newest first, with the id for keyset pagination.
CREATE INDEX access_record_customer ON access_record (customer_id, recorded_at DESC, id);
CREATE INDEX access_record_staff ON access_record (staff_subject, recorded_at DESC, id);
CREATE INDEX access_record_touchpoint ON access_record (touchpoint, recorded_at DESC, id);
CREATE INDEX access_record_time ON access_record (recorded_at DESC, id);
CREATE INDEX access_record_break_glass ON access_record (recorded_at DESC, id) WHERE break_glass_justification IS NOT NULL;

-- Rows outside every monthly partition still land somewhere: an access is never lost for want of a partition.
CREATE TABLE access_record_default PARTITION OF access_record DEFAULT;

-- Creates the month's partition if missing. SECURITY DEFINER: the service may call it without owning the table.
CREATE FUNCTION ensure_access_record_partition(month date) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
    name text := format('access_record_%s', to_char(first_day, 'YYYY_MM'));
BEGIN
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF access_record FOR VALUES FROM (%L) TO (%L)',
                       name, first_day, (first_day + interval '1 month')::date);
    END IF;
END;
$$;

SELECT ensure_access_record_partition((date_trunc('month', now()) + make_interval(months => m))::date)
FROM generate_series(-1, 2) AS m;

-- Append-only for every role, the owner included: history is added to, never rewritten.
CREATE FUNCTION access_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_record is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER access_record_no_update_delete BEFORE UPDATE OR DELETE ON access_record
    FOR EACH ROW EXECUTE FUNCTION access_record_is_append_only();
CREATE TRIGGER access_record_no_truncate BEFORE TRUNCATE ON access_record
    FOR EACH STATEMENT EXECUTE FUNCTION access_record_is_append_only();
ALTER TABLE access_record ENABLE ALWAYS TRIGGER access_record_no_update_delete;
ALTER TABLE access_record ENABLE ALWAYS TRIGGER access_record_no_truncate;

-- The service's own role may add and read records, nothing else.
GRANT SELECT, INSERT ON access_record TO ${appRole};
GRANT EXECUTE ON FUNCTION ensure_access_record_partition(date) TO ${appRole};
