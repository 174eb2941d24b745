-- One justification text per access record, and none on a record that names no customer (docs/erasure.md).
-- Until now a text was kept once per distinct text (V6), so a text shared by looks at two customers went with either
-- one's erasure, and the text of a look that showed nobody (a search that found no one, a refused attempt) was
-- reached by no erasure at all. From here on each record that names a customer keeps its own copy, which only that
-- customer's erasure removes; a record without a customer keeps no text, only the SHA-256 its canonical form already
-- commits to (v2), so its hash and its leaf in the trail verify as before.
CREATE TABLE access_record_justification (
    record_id     uuid          PRIMARY KEY,
    justification varchar(2000) NOT NULL
);

-- A text joins only a record that names a customer and commits to exactly this text, and is never changed after:
-- the service's role cannot file text under a record that shows nobody, nor invented text under any record.
-- Records are append-only, so what this checks at insert holds for ever.
CREATE FUNCTION access_record_justification_belongs() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'a justification text is never changed; only its customer''s erasure removes it'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.access_record r
                   WHERE r.id = NEW.record_id AND r.customer_id IS NOT NULL
                     AND r.justification_sha256 = sha256(convert_to(NEW.justification, 'UTF8'))) THEN
        RAISE EXCEPTION 'a justification text is kept only for a record that names a customer and commits to its SHA-256'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER access_record_justification_belongs BEFORE INSERT OR UPDATE ON access_record_justification
    FOR EACH ROW EXECUTE FUNCTION access_record_justification_belongs();
ALTER TABLE access_record_justification ENABLE ALWAYS TRIGGER access_record_justification_belongs;

-- Existing texts move to the records that name a customer and commit to them. Not moved: texts of records without a
-- customer (they are kept nowhere from now on), and texts of records whose customer asked for erasure (a shared
-- text could have come back after their erasure through another customer's look; an erasure still pending removes
-- them anyway when it completes).
INSERT INTO access_record_justification (record_id, justification)
SELECT r.id, j.justification
FROM access_record r
JOIN break_glass_justification j ON j.sha256 = r.justification_sha256
WHERE r.customer_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM erasure_request e WHERE e.customer_id = r.customer_id);

DROP TABLE break_glass_justification;

-- A customer's erasure removes the texts of the records that name them, and no other record's.
CREATE OR REPLACE FUNCTION redact_justifications_of(customer uuid) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    removed bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.erasure_request WHERE customer_id = customer) THEN
        RAISE EXCEPTION 'no erasure was requested for this customer' USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM public.access_record_justification j
    WHERE j.record_id IN (SELECT r.id FROM public.access_record r
                          WHERE r.customer_id = customer AND r.justification_sha256 IS NOT NULL);
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN removed;
END;
$$;

-- Retention takes a retired month's texts with its records: a text kept for a record that no longer exists would
-- be reached by no erasure.
CREATE OR REPLACE FUNCTION retire_access_month(month date) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
    month_key text := to_char(first_day, 'YYYY-MM');
    partition text := format('access_record_%s', to_char(first_day, 'YYYY_MM'));
    dropped bigint;
    held_elsewhere boolean;
BEGIN
    IF to_regclass(format('public.%I', partition)) IS NULL THEN
        RAISE EXCEPTION 'no partition % to retire', partition;
    END IF;
    IF EXISTS (SELECT 1 FROM trail_leaf WHERE tree = month_key) AND NOT EXISTS (SELECT 1 FROM trail_epoch e WHERE e.epoch = month_key) THEN
        RAISE EXCEPTION 'month % is not closed in the trail yet; it closes a few minutes after the month ends', month_key;
    END IF;
    IF EXISTS (SELECT 1 FROM trail_pending WHERE recorded_at >= first_day AND recorded_at < first_day + interval '1 month') THEN
        RAISE EXCEPTION 'records of % are still waiting for the integrator', month_key;
    END IF;
    -- A record dated into a closed month has its leaf in a later month's tree: dropping it would break that tree.
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM public.%I r JOIN trail_leaf l ON l.entry_id = r.id WHERE l.tree <> %L)',
                   partition, month_key) INTO held_elsewhere;
    IF held_elsewhere THEN
        RAISE EXCEPTION 'month % holds records whose leaves are in a later tree (dated into the month after it closed); retire it when that tree is retired', month_key;
    END IF;
    EXECUTE format('DELETE FROM public.access_record_justification j USING public.%I r WHERE r.id = j.record_id', partition);
    EXECUTE format('SELECT count(*) FROM public.%I', partition) INTO dropped;
    EXECUTE format('DROP TABLE public.%I', partition);
    -- The month's leaves and nodes go with it; its checkpoints and its epochs-tree leaf stay.
    DELETE FROM trail_leaf WHERE tree = month_key;
    DELETE FROM trail_node WHERE tree = month_key;
    RETURN dropped;
END;
$$;

-- The service's role adds and reads texts; it removes them only through redact_justifications_of.
GRANT SELECT, INSERT ON access_record_justification TO ${appRole};
