package io.calplanebot.core.domain;

import io.calplanebot.core.testing.Events;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarEventComparisonTest {

    @Test
    void sameManagedContent_treatsACategorySplitAtItsCommaByTheServerAsUnchanged() {
        CalendarEvent written = Events.anEvent().withUid("plane-issue-1@calplanebot").withCategories("a,b", "c").build();
        CalendarEvent readBack = Events.anEvent().withUid("plane-issue-1@calplanebot").withCategories("c", "a", "b").build();

        assertThat(readBack.sameManagedContent(written)).isTrue();
        assertThat(written.categorySet()).containsExactly("a,b", "c");
    }

    @Test
    void sameManagedContent_stillSeesARealLabelChange() {
        CalendarEvent written = Events.anEvent().withUid("plane-issue-1@calplanebot").withCategories("a,b").build();
        CalendarEvent other = Events.anEvent().withUid("plane-issue-1@calplanebot").withCategories("a", "c").build();

        assertThat(other.sameManagedContent(written)).isFalse();
    }
}
