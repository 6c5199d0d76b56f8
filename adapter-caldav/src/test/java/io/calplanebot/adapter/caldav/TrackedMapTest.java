package io.calplanebot.adapter.caldav;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the CalDAV sync status counts as saved, when listings and writes change it from several threads. */
class TrackedMapTest {
    private final TrackedMap<String, String> map = new TrackedMap<>();

    @Test
    void aCopyTakenForSaving_marksTheMapSaved_untilItChangesAgain() {
        map.put("a", "1");

        Map<String, String> copy = map.takeForSaving();

        assertThat(copy).containsExactly(Map.entry("a", "1"));
        assertThat(map.changed()).isFalse();
        map.put("a", "1");
        assertThat(map.changed()).as("the same value again is no change").isFalse();
        map.put("b", "2");
        assertThat(map.changed()).isTrue();
    }

    @Test
    void aChangeMadeWhileTheCopyIsBeingWritten_keepsTheMapChanged() {
        map.put("a", "1");
        Map<String, String> copy = map.takeForSaving();

        map.put("b", "2"); // another thread's listing, while the copy is written to the file

        assertThat(copy).doesNotContainKey("b");
        assertThat(map.changed()).as("the change the copy lacks is still to be saved").isTrue();
        assertThat(map.takeForSaving()).containsKeys("a", "b");
    }

    @Test
    void aCopyThatCouldNotBeWritten_leavesTheMapChanged() {
        map.put("a", "1");
        map.takeForSaving();

        map.unsaved();

        assertThat(map.changed()).isTrue();
    }
}
