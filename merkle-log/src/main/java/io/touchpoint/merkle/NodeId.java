package io.touchpoint.merkle;

/**
 * A perfect subtree: level 0 is a leaf; the node at {@code (level, index)} covers leaves
 * {@code [index * 2^level, (index + 1) * 2^level)}. Once its leaves exist it never changes, so it can be
 * stored once and never rewritten.
 */
public record NodeId(int level, long index) {

    public NodeId {
        if (level < 0 || level > 62 || index < 0) {
            throw new IllegalArgumentException("no such node: level " + level + ", index " + index);
        }
    }

    public long begin() {
        return index << level;
    }

    public long end() {
        return (index + 1) << level;
    }

    public NodeId parent() {
        return new NodeId(level + 1, index >> 1);
    }
}
