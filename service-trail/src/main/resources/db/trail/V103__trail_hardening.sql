-- Hardening of the trail against what its own roles could still try (docs/audit-trail.md "Tampering", ADR 0012).

-- 1. Temporary tables cannot shadow the tables a function writes. PostgreSQL looks in pg_temp FIRST for an
--    unqualified table name unless the search path names it: a role could create a temporary trail_pending and
--    its records would queue into it, never reaching the trees. Every function of this schema (the trail's
--    triggers, the SECURITY DEFINER functions, the service's own) searches pg_temp last, and no role but the
--    owner may create temporary tables at all.
DO $$
DECLARE
    f record;
BEGIN
    FOR f IN SELECT p.oid::regprocedure AS signature, p.prokind
             FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    LOOP
        EXECUTE format('ALTER %s %s SET search_path = pg_catalog, public, pg_temp',
                       CASE f.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, f.signature);
    END LOOP;
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END;
$$;

-- 2. A closed month's tree is final: no leaf nor node joins it after its epoch row (retirement removes them later).
CREATE FUNCTION trail_tree_open() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM trail_epoch x WHERE x.epoch = NEW.tree) THEN
        RAISE EXCEPTION 'the tree % is closed: nothing joins it', NEW.tree USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER trail_leaf_tree_open BEFORE INSERT ON trail_leaf FOR EACH ROW EXECUTE FUNCTION trail_tree_open();
CREATE TRIGGER trail_node_tree_open BEFORE INSERT ON trail_node FOR EACH ROW EXECUTE FUNCTION trail_tree_open();
ALTER TABLE trail_leaf ENABLE ALWAYS TRIGGER trail_leaf_tree_open;
ALTER TABLE trail_node ENABLE ALWAYS TRIGGER trail_node_tree_open;

-- 3. A month closes only once it has ended, at its largest signed checkpoint, as the next leaf of the epochs tree.
--    Without this, an epoch row for '9999-12' would stop every later month from closing (months close in order)
--    and hide the open months from the monitor.
CREATE FUNCTION trail_epoch_closes_an_ended_month() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NEW.epoch !~ '^\d{4}-(0[1-9]|1[0-2])$' OR NEW.epoch >= to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM') THEN
        RAISE EXCEPTION 'only a month that has ended can close (YYYY-MM before the current UTC month)'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM trail_checkpoint c
                   WHERE c.tree = NEW.epoch AND c.tree_size = NEW.tree_size AND c.root_hash = NEW.root_hash
                     AND c.tree_size = (SELECT max(l.tree_size) FROM trail_checkpoint l WHERE l.tree = NEW.epoch)) THEN
        RAISE EXCEPTION 'a month closes at its largest stored checkpoint' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.epochs_leaf_index <> (SELECT count(*) FROM trail_epoch) THEN
        RAISE EXCEPTION 'a closed month is the next leaf of the epochs tree' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER trail_epoch_ended BEFORE INSERT ON trail_epoch FOR EACH ROW EXECUTE FUNCTION trail_epoch_closes_an_ended_month();
ALTER TABLE trail_epoch ENABLE ALWAYS TRIGGER trail_epoch_ended;

-- 4. A checkpoint covers only leaves that are stored: no signed size ahead of the tree.
CREATE FUNCTION trail_checkpoint_covers_stored_leaves() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NEW.tree_size > (SELECT count(*) FROM trail_leaf l WHERE l.tree = NEW.tree) THEN
        RAISE EXCEPTION 'a checkpoint of % may not cover more leaves than the tree stores', NEW.tree
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER trail_checkpoint_covered BEFORE INSERT ON trail_checkpoint FOR EACH ROW EXECUTE FUNCTION trail_checkpoint_covers_stored_leaves();
ALTER TABLE trail_checkpoint ENABLE ALWAYS TRIGGER trail_checkpoint_covered;

--    Pruning keeps every checkpoint younger than an hour, whatever cutoff the caller passes: the integrator cannot
--    remove the checkpoints witnesses and auditors are about to fetch (the rule is otherwise V102's).
CREATE OR REPLACE FUNCTION trail_prune_checkpoints(signed_before timestamptz) RETURNS bigint
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    WITH pruned AS (
        DELETE FROM trail_checkpoint c
        WHERE c.signed_at < LEAST(signed_before, now() - interval '1 hour')
          AND c.tree_size < (SELECT max(l.tree_size) FROM trail_checkpoint l WHERE l.tree = c.tree)
          AND NOT EXISTS (SELECT 1 FROM trail_epoch e WHERE e.epoch = c.tree AND e.tree_size = c.tree_size)
          AND NOT EXISTS (SELECT 1 FROM trail_cosignature w WHERE w.tree = c.tree AND w.tree_size = c.tree_size)
        RETURNING 1)
    SELECT count(*) FROM pruned;
$$;

-- 5. A row the service's role inserts without a witness's signature cannot take the real cosignature's place:
--    rows are told apart by their line, and the service serves only lines that verify when read.
ALTER TABLE trail_cosignature DROP CONSTRAINT trail_cosignature_pkey;
ALTER TABLE trail_cosignature ADD PRIMARY KEY (tree, tree_size, witness_key, line);
