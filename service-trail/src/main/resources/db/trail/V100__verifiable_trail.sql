-- The verifiable trail over this service's append-only table ${trailEntryTable} (docs/audit-trail.md).
-- One Merkle tree per calendar month of entries ("epoch"), plus the long-lived tree "epochs" whose leaves are
-- the final checkpoints of closed months. Shared by the services; placeholders name the entry table and role.

-- Entries committed but not yet in a tree. Filled by a trigger, so no path that inserts an entry can skip it.
CREATE TABLE trail_pending (
    entry_id    uuid        PRIMARY KEY,
    recorded_at timestamptz NOT NULL,
    -- History that predates its integration by design (this backfill, the owner's bulk imports): not judged
    -- as backdated, and counted as imported in every verification report. Only the owner can queue such rows.
    imported    boolean     NOT NULL DEFAULT false
);
CREATE INDEX trail_pending_order ON trail_pending (recorded_at, entry_id);

CREATE FUNCTION trail_enqueue() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    INSERT INTO trail_pending (entry_id, recorded_at) VALUES (NEW.id, NEW.recorded_at);
    RETURN NULL;
END;
$$;
CREATE TRIGGER ${trailEntryTable}_enqueue AFTER INSERT ON ${trailEntryTable}
    FOR EACH ROW EXECUTE FUNCTION trail_enqueue();
ALTER TABLE ${trailEntryTable} ENABLE ALWAYS TRIGGER ${trailEntryTable}_enqueue;
-- Entries written before the trail existed join it on the first integration.
INSERT INTO trail_pending (entry_id, recorded_at, imported) SELECT id, recorded_at, true FROM ${trailEntryTable};

-- Leaf positions: dense per tree, one per entry (entry_id is null for leaves of the "epochs" tree).
CREATE TABLE trail_leaf (
    tree          varchar(40) NOT NULL,
    leaf_index    bigint      NOT NULL CHECK (leaf_index >= 0),
    entry_id      uuid        UNIQUE,
    recorded_at   timestamptz,
    integrated_at timestamptz NOT NULL,
    imported      boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (tree, leaf_index)
);

-- Every perfect subtree, level 0 being the leaf hashes; written once, when complete (RFC 9162 hashing).
CREATE TABLE trail_node (
    tree       varchar(40) NOT NULL,
    level      smallint    NOT NULL CHECK (level BETWEEN 0 AND 62),
    node_index bigint      NOT NULL CHECK (node_index >= 0),
    hash       bytea       NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (tree, level, node_index)
);

-- Signed tree heads: C2SP checkpoints as Ed25519 signed notes.
CREATE TABLE trail_checkpoint (
    tree      varchar(40) NOT NULL,
    tree_size bigint      NOT NULL CHECK (tree_size >= 0),
    root_hash bytea       NOT NULL CHECK (octet_length(root_hash) = 32),
    note      text        NOT NULL,
    signed_at timestamptz NOT NULL,
    PRIMARY KEY (tree, tree_size)
);

-- Closed months: the final checkpoint, and where it sits in the "epochs" tree.
CREATE TABLE trail_epoch (
    epoch              varchar(40) PRIMARY KEY,
    tree_size          bigint      NOT NULL,
    root_hash          bytea       NOT NULL CHECK (octet_length(root_hash) = 32),
    note               text        NOT NULL,
    epochs_leaf_index  bigint      NOT NULL UNIQUE,
    closed_at          timestamptz NOT NULL
);

-- The service integrates (reads and clears the queue, adds to the trees) but can rewrite nothing it added.
GRANT SELECT, DELETE ON trail_pending TO ${appRole};
GRANT SELECT, INSERT ON trail_leaf, trail_node, trail_checkpoint, trail_epoch TO ${appRole};
