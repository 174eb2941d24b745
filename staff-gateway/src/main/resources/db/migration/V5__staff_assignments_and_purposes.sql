-- Staff assignments fed by operations (role ops-import): who works at which touchpoint, when. Where one is current
-- for a staff member, their looks must come from that touchpoint (look-policy.yaml, ADR 0014).
CREATE TABLE staff_assignment (
    external_id   varchar(100) PRIMARY KEY,
    staff_subject varchar(200) NOT NULL,
    touchpoint    varchar(61)  NOT NULL,
    starts_at     timestamptz  NOT NULL,
    ends_at       timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX staff_assignment_current ON staff_assignment (staff_subject, ends_at);
GRANT SELECT, INSERT, UPDATE ON staff_assignment TO ${appRole};

-- An access record names every purpose under which something was shown, comma-separated (at most five keys of
-- up to 50 characters). Widening a varchar is a catalogue change only: no row is rewritten.
ALTER TABLE access_record ALTER COLUMN purpose TYPE varchar(300);
