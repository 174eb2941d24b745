-- Customers, the identifiers they present at touchpoints, and their travel and service history.
-- Every lookup path has an index; every child row goes with its customer.

CREATE TABLE customer (
    id                 uuid PRIMARY KEY,
    external_id        varchar(100) UNIQUE,
    given_name         varchar(100),
    family_name        varchar(100),
    preferred_address  varchar(50),
    name_pronunciation varchar(200),
    tier               varchar(20)  NOT NULL CHECK (tier IN ('NONE', 'SILVER', 'GOLD', 'PLATINUM')),
    status             varchar(10)  NOT NULL CHECK (status IN ('ACTIVE', 'ERASED')),
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    erased_at          timestamptz,
    CHECK (status = 'ERASED' OR (given_name IS NOT NULL AND family_name IS NOT NULL))
);

CREATE TABLE customer_identifier (
    id          uuid PRIMARY KEY,
    customer_id uuid         NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    type        varchar(20)  NOT NULL CHECK (type IN ('LOYALTY_NUMBER', 'BOOKING_REFERENCE', 'BOARDING_PASS')),
    value       varchar(1000) NOT NULL
);
-- A loyalty number or boarding pass belongs to one customer. A booking reference (PNR) is shared by
-- everyone on the booking, so it is unique per customer and resolved together with the surname.
CREATE UNIQUE INDEX customer_identifier_unique_value ON customer_identifier (type, value)
    WHERE type <> 'BOOKING_REFERENCE';
CREATE UNIQUE INDEX customer_identifier_unique_booking ON customer_identifier (type, value, customer_id)
    WHERE type = 'BOOKING_REFERENCE';
CREATE INDEX customer_identifier_customer ON customer_identifier (customer_id);

CREATE TABLE trip (
    id                uuid PRIMARY KEY,
    external_id       varchar(100) NOT NULL UNIQUE,
    customer_id       uuid         NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    booking_reference varchar(7),
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL
);
CREATE INDEX trip_customer ON trip (customer_id);

CREATE TABLE segment (
    id                  uuid PRIMARY KEY,
    trip_id             uuid        NOT NULL REFERENCES trip (id) ON DELETE CASCADE,
    -- Copied from the trip so that "this customer's flights around now" is one index range scan.
    customer_id         uuid        NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    position            integer     NOT NULL CHECK (position >= 1),
    carrier             varchar(3)  NOT NULL,
    flight_number       varchar(5)  NOT NULL,
    origin              varchar(3)  NOT NULL,
    destination         varchar(3)  NOT NULL,
    scheduled_departure timestamptz NOT NULL,
    cabin               varchar(20),
    seat                varchar(4),
    special_meal        varchar(4),
    assistance          varchar(4),
    UNIQUE (trip_id, position)
);
CREATE INDEX segment_customer_departure ON segment (customer_id, scheduled_departure);

CREATE TABLE service_event (
    id          uuid PRIMARY KEY,
    external_id varchar(100) NOT NULL UNIQUE,
    customer_id uuid         NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    type        varchar(20)  NOT NULL CHECK (type IN ('DISRUPTION', 'COMPLAINT', 'COMPLIMENT', 'RECOVERY_ACTION')),
    category    varchar(50)  NOT NULL,
    summary     varchar(1000),
    status      varchar(10)  NOT NULL CHECK (status IN ('OPEN', 'RESOLVED')),
    occurred_at timestamptz  NOT NULL,
    segment_id  uuid REFERENCES segment (id) ON DELETE SET NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL
);
CREATE INDEX service_event_customer_occurred ON service_event (customer_id, occurred_at DESC);
CREATE INDEX service_event_segment ON service_event (segment_id);
