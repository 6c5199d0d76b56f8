package io.calplanebot.core.domain.feed;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.IssueFacts;
import io.calplanebot.core.domain.Person;
import io.calplanebot.core.domain.Priority;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.testing.Events;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedFilterTest {
    private static final Person ANA = new Person("u-ana", "ana@example.com", "Ana Lima");
    private static final Person BO = new Person("u-bo", "bo@example.com", "Bo Chen");

    private static CalendarEvent event(String project, StateGroup group, Priority priority, List<Person> who,
                                       String... labels) {
        return Events.anEvent().withCategories(labels)
                .withStatus(group.isClosed() ? EventStatus.CANCELLED : EventStatus.CONFIRMED).build()
                .withFacts(Optional.of(new IssueFacts("pid-" + project, project, group, priority, who)));
    }

    private final CalendarEvent mobAnaUrgent = event("MOB", StateGroup.STARTED, Priority.URGENT, List.of(ANA), "bug");
    private final CalendarEvent webBoLow = event("WEB", StateGroup.BACKLOG, Priority.LOW, List.of(BO), "docs");
    private final CalendarEvent mobDone = event("MOB", StateGroup.COMPLETED, Priority.HIGH, List.of(ANA, BO));

    @Test
    void everything_showsEveryEvent() {
        FeedFilter all = FeedFilter.everything();

        assertThat(List.of(mobAnaUrgent, webBoLow, mobDone)).allMatch(e -> all.present(e).isPresent());
    }

    @Test
    void project_matchesIdentifierInAnyCase_orProjectId() {
        assertThat(FeedFilter.project("mob").matches(mobAnaUrgent)).isTrue();
        assertThat(FeedFilter.project("pid-MOB").matches(mobAnaUrgent)).isTrue();
        assertThat(FeedFilter.project("MOB").matches(webBoLow)).isFalse();
    }

    @Test
    void assignee_matchesUserIdEmailOrDisplayName() {
        for (String who : List.of("u-ana", "ANA@example.com", "ana lima")) {
            FeedFilter filter = FeedFilter.everything().withAssignees(Set.of(who));
            assertThat(filter.matches(mobAnaUrgent)).as(who).isTrue();
            assertThat(filter.matches(webBoLow)).as(who).isFalse();
        }
    }

    @Test
    void valuesOfOneDimension_areAlternatives_dimensionsMustAllMatch() {
        FeedFilter eitherProject = FeedFilter.everything().withProjects(Set.of("MOB", "WEB"));
        FeedFilter mobAndLow = FeedFilter.project("MOB").withPriorities(Set.of(Priority.LOW));

        assertThat(eitherProject.matches(webBoLow)).isTrue();
        assertThat(eitherProject.matches(mobAnaUrgent)).isTrue();
        assertThat(mobAndLow.matches(mobAnaUrgent)).isFalse();
        assertThat(mobAndLow.matches(webBoLow)).isFalse();
    }

    @Test
    void labelStateGroupAndPriority_eachFilter() {
        assertThat(FeedFilter.everything().withLabels(Set.of("BUG")).matches(mobAnaUrgent)).isTrue();
        assertThat(FeedFilter.everything().withLabels(Set.of("bug")).matches(webBoLow)).isFalse();
        assertThat(FeedFilter.everything().withStateGroups(Set.of(StateGroup.BACKLOG)).matches(webBoLow)).isTrue();
        assertThat(FeedFilter.everything().withStateGroups(Set.of(StateGroup.BACKLOG)).matches(mobAnaUrgent)).isFalse();
        assertThat(FeedFilter.everything().withPriorities(Set.of(Priority.URGENT)).matches(mobAnaUrgent)).isTrue();
    }

    @Test
    void eventWithoutFacts_passesOnlyFiltersThatNeedNone() {
        CalendarEvent bare = Events.anEvent().withCategories("bug").build();

        assertThat(FeedFilter.everything().withLabels(Set.of("bug")).matches(bare)).isTrue();
        assertThat(FeedFilter.everything().matches(bare)).isTrue();
        assertThat(FeedFilter.project("MOB").matches(bare)).isFalse();
        assertThat(FeedFilter.everything().withAssignees(Set.of("u-ana")).matches(bare)).isFalse();
        assertThat(FeedFilter.everything().withPriorities(Set.of(Priority.NONE)).matches(bare)).isFalse();
    }

    @Test
    void completedCancelled_default_keepsClosedIssuesAsCancelled() {
        assertThat(FeedFilter.everything().completed()).isEqualTo(CompletedMode.CANCELLED);
        assertThat(FeedFilter.everything().present(mobDone)).map(CalendarEvent::status).contains(EventStatus.CANCELLED);
    }

    @Test
    void completedShow_turnsClosedIssuesIntoConfirmedEvents() {
        FeedFilter show = FeedFilter.everything().withCompleted(CompletedMode.SHOW);

        assertThat(show.present(mobDone)).map(CalendarEvent::status).contains(EventStatus.CONFIRMED);
        assertThat(show.present(mobDone).get().uid()).isEqualTo(mobDone.uid());
    }

    @Test
    void completedHide_leavesClosedIssuesOut_withoutFactsByTheirCancelledStatus() {
        FeedFilter hide = FeedFilter.everything().withCompleted(CompletedMode.HIDE);
        CalendarEvent bareCancelled = Events.anEvent().withStatus(EventStatus.CANCELLED).build();

        assertThat(hide.present(mobDone)).isEmpty();
        assertThat(hide.present(bareCancelled)).isEmpty();
        assertThat(hide.present(mobAnaUrgent)).contains(mobAnaUrgent);
    }

    @Test
    void describe_namesEveryDimensionInAStableOrder() {
        FeedFilter filter = FeedFilter.project("MOB").withAssignees(Set.of("ana@example.com"))
                .withStateGroups(Set.of(StateGroup.STARTED, StateGroup.BACKLOG)).withCompleted(CompletedMode.SHOW);

        assertThat(filter.describe()).isEqualTo(
                "project=MOB assignee=ana@example.com state-group=backlog state-group=started completed=show");
    }

    @Test
    void blankFilterValues_andBadNamesOrModes_areRefused() {
        assertThatThrownBy(() -> FeedFilter.everything().withLabels(Set.of(" ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label");
        assertThatThrownBy(() -> new FeedName("My Feed")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompletedMode.fromWire("maybe")).hasMessageContaining("hide, cancelled, show");
        assertThat(CompletedMode.fromWire("Show")).isEqualTo(CompletedMode.SHOW);
        assertThat(new FeedName("ana-mob_2").value()).isEqualTo("ana-mob_2");
    }

    @Test
    void tokenHash_isSha256Hex_andComparesByValue() {
        TokenHash hash = TokenHash.of("abc");

        assertThat(hash.hex()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(hash.sameAs(TokenHash.of("abc"))).isTrue();
        assertThat(hash.sameAs(TokenHash.of("abd"))).isFalse();
    }
}
