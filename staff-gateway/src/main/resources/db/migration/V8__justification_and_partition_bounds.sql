-- A justification's text is filed under its own SHA-256 only: the service's role cannot file invented text under
-- the hash a record commits to (docs/audit-trail.md "Tampering").
ALTER TABLE break_glass_justification ADD CONSTRAINT break_glass_justification_is_its_hash
    CHECK (sha256 = sha256(convert_to(justification, 'UTF8')));

-- The service's role keeps partitions for last month to two months ahead, nothing else: it cannot create a
-- partition for a month long gone (to slip records into a closed month's range) or litter the schema with
-- partitions for distant years. The owner (history imports, the demo loader) may create any month's.
CREATE OR REPLACE FUNCTION ensure_access_record_partition(month date) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
    this_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
    name text := format('access_record_%s', to_char(first_day, 'YYYY_MM'));
BEGIN
    -- current_user is the owner here (SECURITY DEFINER); session_user is who called.
    IF (first_day < this_month - interval '1 month' OR first_day > this_month + interval '2 months')
       AND NOT pg_has_role(session_user, current_user, 'MEMBER') THEN
        RAISE EXCEPTION 'partitions are kept for last month to two months ahead only' USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- Schema-qualified: pg_catalog comes first in the search path, so an unqualified CREATE would aim there.
    IF to_regclass(format('public.%I', name)) IS NULL THEN
        EXECUTE format('CREATE TABLE public.%I PARTITION OF public.access_record FOR VALUES FROM (%L) TO (%L)',
                       name, first_day, (first_day + interval '1 month')::date);
    END IF;
END;
$$;
