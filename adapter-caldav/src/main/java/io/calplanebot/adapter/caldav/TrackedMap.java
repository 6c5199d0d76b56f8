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

    /**
     * A copy of the entries to save; the map then counts as saved until it changes again, also when it changes while
     * the copy is being written ({@link #unsaved} when that write failed).
     */
    synchronized Map<K, V> takeForSaving() {
        changed = false;
        return Map.copyOf(entries);
    }

    /** The copy taken by {@link #takeForSaving} was not saved: the map counts as changed again. */
    synchronized void unsaved() {
        changed = true;
    }

    synchronized void load(Map<K, V> loaded) {
        entries.clear();
        entries.putAll(loaded);
        changed = false;
    }

    /** Whether anything changed since the last {@link #load} or {@link #takeForSaving}. */
    synchronized boolean changed() {
        return changed;
    }
}
