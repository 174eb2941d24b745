-- Separation of duties over the verifiable trail (ADR 0012, docs/audit-trail.md).
--   ${appRole}        appends entries to ${trailEntryTable} (their queue rows come from the trigger) and reads the trail;
--   ${integratorRole} the only role that adds to the trees: reads the entries and the queue, clears integrated queue
--                     rows, inserts leaves, nodes, checkpoints and epochs, and alone can take the integrator's lease;
--   ${auditorRole}    reads the entries and the trail, writes nothing.
-- No role, the owner included, can update the trail; rows leave it only where a trigger below finds the rule kept.

-- The service no longer integrates: it may not clear the queue nor write a tree.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER
    ON trail_pending, trail_leaf, trail_node, trail_checkpoint, trail_epoch FROM ${appRole};

-- When the trail began. History recorded before it may join the trail as imported (the first backfill); an entry
-- marked imported but recorded later is judged like any other, so "imported" cannot excuse a backdated entry.
CREATE TABLE trail_meta (
    singleton boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    began_at  timestamptz NOT NULL
);
INSERT INTO trail_meta (began_at) SELECT coalesce(min(integrated_at), now()) FROM trail_leaf;

-- The integrator's lease: one row, held with SELECT ... FOR UPDATE for the length of an integration. Row locks need
-- UPDATE privilege, which only the integrator has: no other role can hold the lease and stall integration. (The
-- advisory lock it replaces was open to every role; a stall by the owner shows as queue age, see TrailMonitor.)
CREATE TABLE trail_integrator_lease (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton)
);
INSERT INTO trail_integrator_lease DEFAULT VALUES;

GRANT SELECT ON ${trailEntryTable} TO ${integratorRole};
GRANT SELECT, DELETE ON trail_pending TO ${integratorRole};
GRANT SELECT, INSERT ON trail_leaf, trail_node, trail_checkpoint, trail_epoch TO ${integratorRole};
GRANT SELECT, UPDATE ON trail_integrator_lease TO ${integratorRole};
GRANT SELECT ON trail_meta TO ${appRole}, ${integratorRole}, ${auditorRole};
GRANT SELECT ON ${trailEntryTable}, trail_pending, trail_leaf, trail_node, trail_checkpoint, trail_epoch TO ${auditorRole};

-- Nothing in the trail is ever rewritten, whoever connects.
CREATE FUNCTION trail_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the trail is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- A queue row leaves only once its entry is a leaf (or the entry itself is gone, which re-verification reports):
-- clearing the queue cannot hide an entry from the trees.
CREATE FUNCTION trail_pending_cleared() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM gone g
               WHERE NOT EXISTS (SELECT 1 FROM trail_leaf l WHERE l.entry_id = g.entry_id)
                 AND EXISTS (SELECT 1 FROM ${trailEntryTable} e WHERE e.id = g.entry_id AND e.recorded_at = g.recorded_at)) THEN
        RAISE EXCEPTION 'a queued entry may leave the queue only as a leaf of the trail' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END;
$$;

-- Retirement (retire_access_month and its kind): a closed month's leaves go only after their entries are gone, and
-- its nodes only after its leaves. The month's final checkpoint stays a leaf of the epochs tree.
CREATE FUNCTION trail_leaf_retired() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM gone g
               WHERE g.entry_id IS NULL
                  OR NOT EXISTS (SELECT 1 FROM trail_epoch x WHERE x.epoch = g.tree)
                  OR EXISTS (SELECT 1 FROM ${trailEntryTable} e WHERE e.id = g.entry_id AND e.recorded_at = g.recorded_at)) THEN
        RAISE EXCEPTION 'a leaf may go only when its month is closed and its entry retired' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION trail_node_retired() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM (SELECT DISTINCT tree FROM gone) g
               WHERE NOT EXISTS (SELECT 1 FROM trail_epoch x WHERE x.epoch = g.tree)
                  OR EXISTS (SELECT 1 FROM trail_leaf l WHERE l.tree = g.tree)) THEN
        RAISE EXCEPTION 'a node may go only when its month is closed and its leaves retired' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END;
$$;

-- Pruning (a SECURITY DEFINER function of the owner's): never a tree's latest checkpoint nor a closed month's final one.
CREATE FUNCTION trail_checkpoint_pruned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM gone g
               WHERE NOT EXISTS (SELECT 1 FROM trail_checkpoint c WHERE c.tree = g.tree AND c.tree_size > g.tree_size)
                  OR EXISTS (SELECT 1 FROM trail_epoch x WHERE x.epoch = g.tree AND x.tree_size = g.tree_size)) THEN
        RAISE EXCEPTION 'a tree''s latest checkpoint and a closed month''s final checkpoint are kept' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER trail_pending_no_update BEFORE UPDATE ON trail_pending FOR EACH STATEMENT EXECUTE FUNCTION trail_refuse();
CREATE TRIGGER trail_pending_no_truncate BEFORE TRUNCATE ON trail_pending FOR EACH STATEMENT EXECUTE FUNCTION trail_refuse();
CREATE TRIGGER trail_pending_delete AFTER DELETE ON trail_pending REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION trail_pending_cleared();

CREATE TRIGGER trail_leaf_no_update BEFORE UPDATE ON trail_leaf FOR EACH STATEMENT EXECUTE FUNCTION trail_refuse();
CREATE TRIGGER trail_leaf_no_truncate BEFORE TRUNCATE ON trail_leaf FOR EACH STATEMENT EXECUTE FUNCTION trail_refuse();
CREATE TRIGGER trail_leaf_delete AFTER DELETE ON trail_leaf REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION trail_leaf_retired();

CREATE TRIGGER trail_node_no_update BEFORE UPDATE ON trail_node FOR EACH STATEMENT EXECUTE FUNCTION trail_refuse();
CREATE TRIGGER trail_node_no_truncate BEFORE TRUNCATE ON trail_node FOR EACH STATEMENT EXECUTE FUNCTION trail_refuse();
CREATE TRIGGER trail_node_delete AFTER DELETE ON trail_node REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION trail_node_retired();

CREATE TRIGGER trail_checkpoint_no_update BEFORE UPDATE ON trail_checkpoint FOR EACH STATEMENT EXECUTE FUNCTION trail_refuse();
CREATE TRIGGER trail_checkpoint_no_truncate BEFORE TRUNCATE ON trail_checkpoint FOR EACH STATEMENT EXECUTE FUNCTION trail_refuse();
CREATE TRIGGER trail_checkpoint_delete AFTER DELETE ON trail_checkpoint REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION trail_checkpoint_pruned();

CREATE TRIGGER trail_epoch_no_update_delete BEFORE UPDATE OR DELETE ON trail_epoch FOR EACH STATEMENT EXECUTE FUNCTION trail_refuse();
CREATE TRIGGER trail_epoch_no_truncate BEFORE TRUNCATE ON trail_epoch FOR EACH STATEMENT EXECUTE FUNCTION trail_refuse();
CREATE TRIGGER trail_meta_no_update_delete BEFORE UPDATE OR DELETE ON trail_meta FOR EACH STATEMENT EXECUTE FUNCTION trail_refuse();
CREATE TRIGGER trail_meta_no_truncate BEFORE TRUNCATE ON trail_meta FOR EACH STATEMENT EXECUTE FUNCTION trail_refuse();
CREATE TRIGGER trail_lease_no_delete BEFORE DELETE ON trail_integrator_lease FOR EACH STATEMENT EXECUTE FUNCTION trail_refuse();
CREATE TRIGGER trail_lease_no_truncate BEFORE TRUNCATE ON trail_integrator_lease FOR EACH STATEMENT EXECUTE FUNCTION trail_refuse();

-- ALWAYS: also under session_replication_role = replica.
ALTER TABLE trail_pending ENABLE ALWAYS TRIGGER trail_pending_no_update;
ALTER TABLE trail_pending ENABLE ALWAYS TRIGGER trail_pending_no_truncate;
ALTER TABLE trail_pending ENABLE ALWAYS TRIGGER trail_pending_delete;
ALTER TABLE trail_leaf ENABLE ALWAYS TRIGGER trail_leaf_no_update;
ALTER TABLE trail_leaf ENABLE ALWAYS TRIGGER trail_leaf_no_truncate;
ALTER TABLE trail_leaf ENABLE ALWAYS TRIGGER trail_leaf_delete;
ALTER TABLE trail_node ENABLE ALWAYS TRIGGER trail_node_no_update;
ALTER TABLE trail_node ENABLE ALWAYS TRIGGER trail_node_no_truncate;
ALTER TABLE trail_node ENABLE ALWAYS TRIGGER trail_node_delete;
ALTER TABLE trail_checkpoint ENABLE ALWAYS TRIGGER trail_checkpoint_no_update;
ALTER TABLE trail_checkpoint ENABLE ALWAYS TRIGGER trail_checkpoint_no_truncate;
ALTER TABLE trail_checkpoint ENABLE ALWAYS TRIGGER trail_checkpoint_delete;
ALTER TABLE trail_epoch ENABLE ALWAYS TRIGGER trail_epoch_no_update_delete;
ALTER TABLE trail_epoch ENABLE ALWAYS TRIGGER trail_epoch_no_truncate;
ALTER TABLE trail_meta ENABLE ALWAYS TRIGGER trail_meta_no_update_delete;
ALTER TABLE trail_meta ENABLE ALWAYS TRIGGER trail_meta_no_truncate;
ALTER TABLE trail_integrator_lease ENABLE ALWAYS TRIGGER trail_lease_no_delete;
ALTER TABLE trail_integrator_lease ENABLE ALWAYS TRIGGER trail_lease_no_truncate;
