package io.calplanebot.adapter.plane.html;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A bounded map of recent conversions, least recently used first out; safe to share between threads. */
final class RecentTexts {
    private final Map<String, String> texts;

    RecentTexts(int capacity) {
        this.texts = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<String> get(String html) {
        return Optional.ofNullable(texts.get(html));
    }

    synchronized void put(String html, String text) {
        texts.put(html, text);
    }
}
