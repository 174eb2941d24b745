-- Catalogue (data, extendable without code), the customer's preferences, the append-only consent ledger
-- and the customer's photo.

CREATE TABLE preference_definition (
    key              varchar(64)  PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)*$'),
    category         varchar(20)  NOT NULL,
    label            varchar(200) NOT NULL,
    value_type       varchar(10)  NOT NULL CHECK (value_type IN ('ENUM', 'TEXT')),
    allowed_values   varchar(1000), -- comma-separated, for ENUM
    max_length       integer CHECK (max_length BETWEEN 1 AND 500),
    -- Health and similar data (GDPR art. 9): only a purpose made for it may disclose it.
    special_category boolean      NOT NULL,
    CHECK ((value_type = 'ENUM' AND allowed_values IS NOT NULL) OR (value_type = 'TEXT' AND max_length IS NOT NULL))
);

CREATE TABLE purpose (
    key                varchar(50) PRIMARY KEY,
    -- Which preference categories a consent for this purpose may cover.
    categories         varchar(500) NOT NULL, -- comma-separated
    special_category   boolean     NOT NULL,
    max_duration_months integer    NOT NULL CHECK (max_duration_months BETWEEN 1 AND 24)
);

CREATE TABLE purpose_notice (
    purpose_key  varchar(50) NOT NULL REFERENCES purpose (key),
    version      integer     NOT NULL CHECK (version >= 1),
    language     varchar(8)  NOT NULL,
    title        varchar(200) NOT NULL,
    text         text        NOT NULL,
    published_at timestamptz NOT NULL,
    PRIMARY KEY (purpose_key, version)
);

CREATE TABLE customer_preference (
    customer_id uuid        NOT NULL,
    key         varchar(64) NOT NULL REFERENCES preference_definition (key),
    value       varchar(500) NOT NULL,
    source      varchar(20) NOT NULL CHECK (source IN ('PORTAL', 'STAFF_CONFIRMED')),
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (customer_id, key)
);

-- The ledger holds no personal payload: the customer appears only as the pseudonymous id.
CREATE TABLE consent_event (
    id               uuid        PRIMARY KEY, -- also the receipt id
    sequence         bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    customer_id      uuid        NOT NULL,
    consent_id       uuid        NOT NULL,    -- the grant, its renewals and its withdrawal share it
    kind             varchar(10) NOT NULL CHECK (kind IN ('GRANT', 'RENEW', 'WITHDRAW')),
    purpose_key      varchar(50) NOT NULL,
    notice_version   integer     NOT NULL,
    -- Comma-separated lists: the preference categories, and the staff roles or touchpoint types covered.
    categories       varchar(500) NOT NULL,
    roles            varchar(500) NOT NULL,
    touchpoint_types varchar(500) NOT NULL,
    recorded_at      timestamptz NOT NULL,
    expires_at       timestamptz,
    channel          varchar(20) NOT NULL CHECK (channel IN ('PORTAL', 'STAFF_ASSISTED', 'ERASURE')),
    FOREIGN KEY (purpose_key, notice_version) REFERENCES purpose_notice (purpose_key, version),
    CHECK (kind = 'WITHDRAW' OR (expires_at IS NOT NULL AND expires_at > recorded_at))
);
CREATE INDEX consent_event_customer ON consent_event (customer_id, sequence);
CREATE INDEX consent_event_consent ON consent_event (consent_id, sequence);

-- Append-only, whoever connects: a withdrawal is a new row, never an update or a delete.
CREATE FUNCTION consent_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'consent_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER consent_event_no_update_delete BEFORE UPDATE OR DELETE ON consent_event
    FOR EACH ROW EXECUTE FUNCTION consent_event_is_append_only();
CREATE TRIGGER consent_event_no_truncate BEFORE TRUNCATE ON consent_event
    FOR EACH STATEMENT EXECUTE FUNCTION consent_event_is_append_only();
ALTER TABLE consent_event ENABLE ALWAYS TRIGGER consent_event_no_update_delete;
ALTER TABLE consent_event ENABLE ALWAYS TRIGGER consent_event_no_truncate;

CREATE TABLE customer_photo (
    customer_id uuid        PRIMARY KEY,
    media_type  varchar(20) NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
    width       integer     NOT NULL,
    height      integer     NOT NULL,
    content     bytea       NOT NULL,
    uploaded_at timestamptz NOT NULL
);
