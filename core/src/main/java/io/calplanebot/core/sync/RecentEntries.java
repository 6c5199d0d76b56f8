package io.calplanebot.core.sync;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that keeps its most recently used {@code capacity} entries and drops the least recently used beyond. */
final class RecentEntries<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;
    private final int capacity;

    RecentEntries(int capacity) {
        super(1024, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
