-- Retention drops whole months of the access log. A month can go only once its tree is closed, i.e. its final
-- checkpoint is a leaf of the long-lived epochs tree: the proofs of every other month, and the proof that this
-- month existed with that many records and that root, stay valid (docs/audit-trail.md). Not granted to the
-- service: operators run it as the owner, e.g. SELECT retire_access_month('2025-11-01').
CREATE FUNCTION retire_access_month(month date) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
    month_key text := to_char(first_day, 'YYYY-MM');
    partition text := format('access_record_%s', to_char(first_day, 'YYYY_MM'));
    dropped bigint;
    held_elsewhere boolean;
BEGIN
    IF to_regclass(partition) IS NULL THEN
        RAISE EXCEPTION 'no partition % to retire', partition;
    END IF;
    IF EXISTS (SELECT 1 FROM trail_leaf WHERE tree = month_key) AND NOT EXISTS (SELECT 1 FROM trail_epoch e WHERE e.epoch = month_key) THEN
        RAISE EXCEPTION 'month % is not closed in the trail yet; it closes a few minutes after the month ends', month_key;
    END IF;
    IF EXISTS (SELECT 1 FROM trail_pending WHERE recorded_at >= first_day AND recorded_at < first_day + interval '1 month') THEN
        RAISE EXCEPTION 'records of % are still waiting for the integrator', month_key;
    END IF;
    -- A record dated into a closed month has its leaf in a later month's tree: dropping it would break that tree.
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I r JOIN trail_leaf l ON l.entry_id = r.id WHERE l.tree <> %L)',
                   partition, month_key) INTO held_elsewhere;
    IF held_elsewhere THEN
        RAISE EXCEPTION 'month % holds records whose leaves are in a later tree (dated into the month after it closed); retire it when that tree is retired', month_key;
    END IF;
    EXECUTE format('SELECT count(*) FROM %I', partition) INTO dropped;
    EXECUTE format('DROP TABLE %I', partition);
    -- The month's leaves and nodes go with it; its checkpoints and its epochs-tree leaf stay.
    DELETE FROM trail_leaf WHERE tree = month_key;
    DELETE FROM trail_node WHERE tree = month_key;
    RETURN dropped;
END;
$$;
REVOKE ALL ON FUNCTION retire_access_month(date) FROM PUBLIC;
