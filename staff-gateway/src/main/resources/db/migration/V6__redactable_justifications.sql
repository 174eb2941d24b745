-- A break-glass justification is free text that may name the customer, yet the access record is append-only and
-- its canonical form is a leaf of the signed trail. From this version on the record (canonical form v2) carries
-- only the SHA-256 of the text; the text itself lives here, where a customer's erasure can delete it while the
-- record, its hash and its leaf stay exactly as they were (docs/erasure.md, docs/access-log.md).
CREATE TABLE break_glass_justification (
    sha256        bytea         PRIMARY KEY CHECK (octet_length(sha256) = 32),
    justification varchar(2000) NOT NULL
);

-- Records written before this version keep canonical form v1 (text inline); every later one is v2. The default
-- changes after the column exists, so existing rows read 1 and new ones 2.
ALTER TABLE access_record ADD COLUMN canonical_version smallint NOT NULL DEFAULT 1 CHECK (canonical_version IN (1, 2));
ALTER TABLE access_record ALTER COLUMN canonical_version SET DEFAULT 2;
ALTER TABLE access_record ADD COLUMN justification_sha256 bytea CHECK (octet_length(justification_sha256) = 32);
-- A v2 record never holds the text inline, so nothing an erasure must remove can sit in the append-only table.
ALTER TABLE access_record ADD CONSTRAINT access_record_v2_text_elsewhere
    CHECK (canonical_version = 1 OR break_glass_justification IS NULL);
-- And no record from now on holds it inline, whatever version it claims: only records written before this
-- migration do (their hash covers the text; docs/erasure.md says what that means for their erasure).
CREATE FUNCTION access_record_text_kept_apart() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.break_glass_justification IS NOT NULL THEN
        RAISE EXCEPTION 'access_record keeps justifications apart (break_glass_justification); store their SHA-256'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER access_record_no_inline_text BEFORE INSERT ON access_record
    FOR EACH ROW EXECUTE FUNCTION access_record_text_kept_apart();
ALTER TABLE access_record ENABLE ALWAYS TRIGGER access_record_no_inline_text;
CREATE INDEX access_record_break_glass_v2 ON access_record (recorded_at DESC, id) WHERE justification_sha256 IS NOT NULL;

-- Deletes the text of every justification given for a look at this customer (the same text on the other
-- records of that search goes too: it may name them). Only for a customer who asked for erasure, so the
-- service role cannot quietly delete justifications it would rather nobody read. Returns how many texts went.
CREATE FUNCTION redact_justifications_of(customer uuid) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    removed bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM erasure_request WHERE customer_id = customer) THEN
        RAISE EXCEPTION 'no erasure was requested for this customer' USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM break_glass_justification j
    WHERE j.sha256 IN (SELECT r.justification_sha256 FROM access_record r
                       WHERE r.customer_id = customer AND r.justification_sha256 IS NOT NULL);
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN removed;
END;
$$;
REVOKE ALL ON FUNCTION redact_justifications_of(uuid) FROM PUBLIC;

GRANT SELECT, INSERT ON break_glass_justification TO ${appRole};
GRANT EXECUTE ON FUNCTION redact_justifications_of(uuid) TO ${appRole};
