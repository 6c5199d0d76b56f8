package io.calplanebot.adapter.caldav;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A map that knows whether it changed since it was loaded from, or saved to, the status file; thread-safe. Keys are
 * taken as given: the callers canonicalise them.
 */
final class TrackedMap<K, V> {
    private final Map<K, V> entries = new HashMap<>();
    private boolean changed;

    synchronized Optional<V> get(K key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void put(K key, V value) {
        changed |= !value.equals(entries.put(key, value));
    }

    synchronized void remove(K key) {
        changed |= entries.remove(key) != null;
    }

    synchronized void removeKeysIf(Predicate<K> unwanted) {
        changed |= entries.keySet().removeIf(unwanted);
    }

    synchronized Map<K, V> all() {
        return Map.copyOf(entries);
    }

    synchronized void load(Map<K, V> loaded) {
        entries.clear();
        entries.putAll(loaded);
        changed = false;
    }

    /** Whether anything changed since the last {@link #load} or {@link #saved}. */
    synchronized boolean changed() {
        return changed;
    }

    synchronized void saved() {
        changed = false;
    }
}
