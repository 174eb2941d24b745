-- Witness cosignatures (C2SP tlog-cosignature, cosignature/v1) of this service's checkpoints, and pruning of
-- checkpoints no proof needs (docs/audit-trail.md, ADR 0013).

-- A row is written only after the line verified against a configured witness key and the stored checkpoint.
-- No foreign key to trail_checkpoint on purpose: a cosignature outlives the checkpoint row it vouches for, as
-- evidence of what the witness saw if that row is ever deleted.
CREATE TABLE trail_cosignature (
    tree        varchar(40)  NOT NULL,
    tree_size   bigint       NOT NULL CHECK (tree_size >= 0),
    root_hash   bytea        NOT NULL CHECK (octet_length(root_hash) = 32),
    witness_key varchar(300) NOT NULL,  -- the witness's verifier key (name+keyid+key), as configured
    witness     varchar(200) NOT NULL,  -- its name, as in the signature line
    cosigned_at timestamptz  NOT NULL,  -- the time inside the cosignature
    line        text         NOT NULL,  -- the signature line, served with the checkpoint
    received_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tree, tree_size, witness_key)
);
CREATE INDEX trail_cosignature_recent ON trail_cosignature (received_at DESC);

-- The service stores a cosignature (after verifying it); nobody rewrites or removes one, the owner included.
GRANT SELECT, INSERT ON trail_cosignature TO ${appRole};
GRANT SELECT ON trail_cosignature TO ${integratorRole}, ${auditorRole};
CREATE TRIGGER trail_cosignature_no_update_delete BEFORE UPDATE OR DELETE ON trail_cosignature
    FOR EACH STATEMENT EXECUTE FUNCTION trail_refuse();
CREATE TRIGGER trail_cosignature_no_truncate BEFORE TRUNCATE ON trail_cosignature
    FOR EACH STATEMENT EXECUTE FUNCTION trail_refuse();
ALTER TABLE trail_cosignature ENABLE ALWAYS TRIGGER trail_cosignature_no_update_delete;
ALTER TABLE trail_cosignature ENABLE ALWAYS TRIGGER trail_cosignature_no_truncate;

-- Deletes the checkpoints no one can still need: not the latest of its tree, not a month's final one (trail_epoch),
-- not one a witness cosigned, and signed before the cutoff. Proofs are built from trail_node, so every inclusion and
-- consistency proof stays available. The rule lives here so that whoever may run it can delete nothing else.
CREATE FUNCTION trail_prune_checkpoints(signed_before timestamptz) RETURNS bigint
    LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
    WITH pruned AS (
        DELETE FROM trail_checkpoint c
        WHERE c.signed_at < signed_before
          AND c.tree_size < (SELECT max(l.tree_size) FROM trail_checkpoint l WHERE l.tree = c.tree)
          AND NOT EXISTS (SELECT 1 FROM trail_epoch e WHERE e.epoch = c.tree AND e.tree_size = c.tree_size)
          AND NOT EXISTS (SELECT 1 FROM trail_cosignature w WHERE w.tree = c.tree AND w.tree_size = c.tree_size)
        RETURNING 1)
    SELECT count(*) FROM pruned;
$$;
REVOKE ALL ON FUNCTION trail_prune_checkpoints(timestamptz) FROM PUBLIC;
-- Pruning is the integrator's duty (ADR 0012): the service's role cannot even start it.
GRANT EXECUTE ON FUNCTION trail_prune_checkpoints(timestamptz) TO ${integratorRole};
