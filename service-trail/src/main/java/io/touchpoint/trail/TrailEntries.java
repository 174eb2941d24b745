package io.touchpoint.trail;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** What a service tells the trail about its append-only table: its name, and each entry's canonical bytes. */
public interface TrailEntries {

    /** An entry by id, with its time so that a partitioned table reads one partition. */
    record Ref(UUID id, Instant recordedAt) {
    }

    /** The entry table, with columns {@code id} and {@code recorded_at}. */
    String table();

    /** The canonical bytes (the leaf data) of each entry that exists, by id. */
    Map<UUID, byte[]> canonical(Collection<Ref> entries);
}
