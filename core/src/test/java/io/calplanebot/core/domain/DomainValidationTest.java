package io.calplanebot.core.domain;

import io.calplanebot.core.testing.Events;
import io.calplanebot.core.testing.Issues;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainValidationTest {

    @Nested
    class Identity {
        @Test
        void forIssue_buildsTheOwnedUidAndResourceName() {
            EventIdentity identity = EventIdentity.forIssue("abc-123");
            assertThat(identity.uid()).isEqualTo("plane-issue-abc-123@calplanebot");
            assertThat(identity.resourceName()).isEqualTo("plane-issue-abc-123.ics");
            assertThat(identity.isOwned()).isTrue();
            assertThat(identity.issueId()).contains("abc-123");
        }

        @ParameterizedTest
        @ValueSource(strings = {"plane-issue-@calplanebot", "plane-issue-1@example.com", "issue-1@calplanebot",
                "PLANE-ISSUE-1@CALPLANEBOT", "x-plane-issue-1@calplanebot", "plane-issue-1@calplanebot.evil", ""})
        void isOwnedUid_isFalse_forUidsWeDidNotWrite(String uid) {
            assertThat(EventIdentity.isOwnedUid(uid)).isFalse();
        }

        @Test
        void isOwnedUid_isFalse_forNull() {
            assertThat(EventIdentity.isOwnedUid(null)).isFalse();
        }

        @Test
        void issueId_isEmpty_forAForeignEvent() {
            EventIdentity foreign = new EventIdentity("dentist@example.com", "dentist.ics");
            assertThat(foreign.isOwned()).isFalse();
            assertThat(foreign.issueId()).isEmpty();
        }

        @Test
        void issueId_keepsAnIdThatContainsTheSuffixText() {
            assertThat(new EventIdentity("plane-issue-a@calplanebot-b@calplanebot", "x.ics").issueId())
                    .contains("a@calplanebot-b");
        }

        @Test
        void constructor_rejectsBlankPartsAndSlashesInTheResourceName() {
            assertThatThrownBy(() -> new EventIdentity(" ", "a.ics")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new EventIdentity("u", "")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new EventIdentity("u", "dir/a.ics")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("/");
            assertThatThrownBy(() -> EventIdentity.forIssue(" ")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void calendarEventIdentity_replacesUnsafeCharacters_forForeignUids() {
            CalendarEvent foreign = Events.anEvent().withUid("a/b c@example.com").build();
            assertThat(foreign.identity().resourceName()).isEqualTo("a_b_c_example.com.ics");
        }
    }

    @Nested
    class Event {
        @Test
        void constructor_rejectsAnEndOnTheStartDay() {
            LocalDate day = LocalDate.of(2026, 12, 24);
            assertThatThrownBy(() -> new CalendarEvent("u@x", "s", "", day, day, EventStatus.CONFIRMED, List.of(),
                    Optional.empty(), "")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends after");
        }

        @Test
        void constructor_rejectsAnEndBeforeTheStart() {
            LocalDate day = LocalDate.of(2026, 12, 24);
            assertThatThrownBy(() -> new CalendarEvent("u@x", "s", "", day, day.minusDays(1), EventStatus.CONFIRMED,
                    List.of(), Optional.empty(), "")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void constructor_rejectsABlankUid() {
            LocalDate day = LocalDate.of(2026, 12, 24);
            assertThatThrownBy(() -> new CalendarEvent(" ", "s", "", day, day.plusDays(1), EventStatus.CONFIRMED,
                    List.of(), Optional.empty(), "")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void sameManagedContent_ignoresLineEndsCategoryOrderDuplicatesAndColourCase() {
            CalendarEvent one = Events.anEvent().withUid("plane-issue-1@calplanebot").withDescription("a\r\nb\r\n")
                    .withCategories("x", "y").withColor("Red").build();
            CalendarEvent two = Events.anEvent().withUid("plane-issue-1@calplanebot").withDescription("a\nb")
                    .withCategories("y", "x", "x", "").withColor("red").build();
            assertThat(one.sameManagedContent(two)).isTrue();
            assertThat(two.sameManagedContent(one)).isTrue();
        }

        @Test
        void sameManagedContent_seesEveryManagedProperty() {
            CalendarEvent base = Events.anEvent().withUid("plane-issue-1@calplanebot").withColor("red").build();
            Events same = Events.anEvent().withUid("plane-issue-1@calplanebot").withColor("red");
            assertThat(base.sameManagedContent(same.build())).isTrue();
            assertThat(base.sameManagedContent(same.withSummary("other").build())).isFalse();
            assertThat(base.sameManagedContent(Events.anEvent().withUid("plane-issue-1@calplanebot").withColor("red")
                    .withDescription("other").build())).isFalse();
            assertThat(base.sameManagedContent(Events.anEvent().withUid("plane-issue-1@calplanebot").withColor("red")
                    .on(LocalDate.of(2030, 1, 1)).build())).isFalse();
            assertThat(base.sameManagedContent(Events.anEvent().withUid("plane-issue-1@calplanebot").withColor("red")
                    .withStatus(EventStatus.CANCELLED).build())).isFalse();
            assertThat(base.sameManagedContent(Events.anEvent().withUid("plane-issue-1@calplanebot").withColor("red")
                    .withCategories("c").build())).isFalse();
            assertThat(base.sameManagedContent(Events.anEvent().withUid("plane-issue-1@calplanebot").build())).isFalse();
            assertThat(base.sameManagedContent(Events.anEvent().withUid("plane-issue-1@calplanebot").withColor("red")
                    .withUrl("https://other/").build())).isFalse();
            assertThat(base.sameManagedContent(Events.anEvent().withUid("plane-issue-2@calplanebot").withColor("red")
                    .build())).isFalse();
        }

        /** No ATTENDEE or ORGANIZER is ever written (servers would send invitations): an event has no place for one. */
        @Test
        void calendarEvent_hasNoAttendeeOrOrganizerComponent() {
            List<String> components = Arrays.stream(CalendarEvent.class.getRecordComponents())
                    .map(RecordComponent::getName).map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toList());
            assertThat(components).containsExactly(
                    "uid", "summary", "description", "start", "end", "status", "categories", "color", "url", "facts");
            List<String> methods = Arrays.stream(CalendarEvent.class.getMethods()).map(Method::getName)
                    .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toList());
            assertThat(methods).noneMatch(n -> n.contains("attendee") || n.contains("organizer"));
        }
    }

    @Nested
    class Records {
        @Test
        void issue_rejectsNegativeSequenceAndBlankId_andReadsNullDescriptionAsEmpty() {
            assertThatThrownBy(() -> Issues.anIssue().withSequenceId(-1).build())
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Issues.anIssue().withId(" ").build()).isInstanceOf(IllegalArgumentException.class);
            assertThat(Issues.anIssue().withDescription(null).build().description()).isEmpty();
        }

        @Test
        void issue_keyIsProjectIdentifierAndSequenceId() {
            assertThat(Issues.anIssue().withSequenceId(7).build().key()).isEqualTo("MOB-7");
        }

        @Test
        void project_stripsTheIdentifier_andNamesItsCalendar() {
            Project project = new Project("p1", " MOB ", "Mobile App");
            assertThat(project.identifier()).isEqualTo("MOB");
            assertThat(project.calendarName()).isEqualTo("Plane: Mobile App");
            assertThatThrownBy(() -> new Project(" ", "X", "n")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void eventVersion_isKeptExactly() {
            assertThat(new EventVersion("\"abc\"").value()).isEqualTo("\"abc\"");
            assertThatThrownBy(() -> new EventVersion("")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void priorityAndStateGroup_readTheirWireNames() {
            assertThat(Priority.fromWire("urgent")).isEqualTo(Priority.URGENT);
            assertThat(Priority.fromWire(null)).isEqualTo(Priority.NONE);
            assertThat(Priority.fromWire(" ")).isEqualTo(Priority.NONE);
            assertThat(Priority.HIGH.label()).isEqualTo("High");
            assertThat(StateGroup.fromWire(" started ")).isEqualTo(StateGroup.STARTED);
            assertThat(StateGroup.COMPLETED.isClosed()).isTrue();
            assertThat(StateGroup.STARTED.isClosed()).isFalse();
        }
    }
}
