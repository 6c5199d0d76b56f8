package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.EventIdentity;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.EventVersion;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.StateGroup;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.in.ActionKind;
import io.calplanebot.core.testing.Events;
import io.calplanebot.core.testing.Issues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.calplanebot.core.sync.SyncFixtures.MAPPER;
import static io.calplanebot.core.sync.SyncFixtures.eventOf;
import static io.calplanebot.core.sync.SyncFixtures.issues;
import static io.calplanebot.core.sync.SyncFixtures.desired;
import static io.calplanebot.core.sync.SyncFixtures.stored;
import static io.calplanebot.core.sync.SyncFixtures.storedOf;
import static org.assertj.core.api.Assertions.assertThat;

class SyncPlannerTest {
    private final SyncPlanner planner = new SyncPlanner();
    private final Issue issue = Issues.anIssue().withSequenceId(3).withName("Fix login").withLabels("bug", "ui").build();

    private SyncPlan plan(List<Issue> issues, List<StoredEvent> current) {
        return planner.plan(desired(issues), true, current, false);
    }

    private static <T extends SyncAction> T only(SyncPlan plan, Class<T> type) {
        assertThat(plan.actions()).hasSize(1);
        assertThat(plan.actions().get(0)).isInstanceOf(type);
        return type.cast(plan.actions().get(0));
    }

    @Test
    void plan_createsTheEvent_ofANewDatedIssue() {
        SyncPlan plan = plan(List.of(issue), List.of());
        assertThat(only(plan, CreateEvent.class).event()).isEqualTo(eventOf(issue));
    }

    @Test
    void plan_createsNothing_forANewUndatedIssue() {
        assertThat(plan(List.of(Issues.anIssue().undated().build()), List.of()).isEmpty()).isTrue();
    }

    @Test
    void plan_plansNothing_forAnUnchangedIssue() {
        SyncPlan plan = plan(List.of(issue), List.of(storedOf(issue)));
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.refusal()).isEmpty();
    }

    @Test
    void plan_updates_whenTheTitleChanged() {
        Issue renamed = Issues.from(issue).withName("Fix logout").build();
        UpdateEvent update = only(plan(List.of(renamed), List.of(storedOf(issue))), UpdateEvent.class);
        assertThat(update.desired().summary()).isEqualTo("[3] Fix logout");
        assertThat(update.current()).isEqualTo(storedOf(issue));
    }

    @Test
    void plan_updates_whenTheDateChanged() {
        Issue redated = Issues.from(issue).due(LocalDate.of(2027, 1, 31)).build();
        UpdateEvent update = only(plan(List.of(redated), List.of(storedOf(issue))), UpdateEvent.class);
        assertThat(update.desired().start()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(update.desired().end()).isEqualTo(LocalDate.of(2027, 2, 1));
    }

    @Test
    void plan_updates_whenALabelIsAdded() {
        Issue relabelled = Issues.from(issue).withLabels("bug", "ui", "ios").build();
        UpdateEvent update = only(plan(List.of(relabelled), List.of(storedOf(issue))), UpdateEvent.class);
        assertThat(update.desired().categorySet()).containsExactly("bug", "ios", "ui");
    }

    @Test
    void plan_plansNothing_whenLabelsAreOnlyReordered() {
        SyncPlan plan = plan(List.of(Issues.from(issue).withLabels("ui", "bug").build()), List.of(storedOf(issue)));
        assertThat(plan.isEmpty()).as("%s", plan).isTrue();
    }

    @Test
    void plan_updates_whenTheStateChanged() {
        Issue started = Issues.from(issue).withState("In Progress", StateGroup.STARTED).build();
        UpdateEvent update = only(plan(List.of(started), List.of(storedOf(issue))), UpdateEvent.class);
        assertThat(update.desired().description()).contains("State: In Progress");
        assertThat(update.desired().status()).isEqualTo(EventStatus.CONFIRMED);
    }

    @Test
    void plan_updatesToCancelled_whenTheIssueIsCompleted() {
        Issue done = Issues.from(issue).withState("Done", StateGroup.COMPLETED).build();
        UpdateEvent update = only(plan(List.of(done), List.of(storedOf(issue))), UpdateEvent.class);
        assertThat(update.desired().status()).isEqualTo(EventStatus.CANCELLED);
    }

    @Test
    void plan_deletesTheEvent_whenTheDateWasRemoved() {
        Issue undated = Issues.from(issue).undated().build();
        DeleteEvent delete = only(plan(List.of(undated), List.of(storedOf(issue))), DeleteEvent.class);
        assertThat(delete.reason()).isEqualTo(DeleteReason.UNDATED);
        assertThat(delete.uid()).isEqualTo(eventOf(issue).uid());
    }

    @Test
    void plan_deletesTheEvent_whenTheIssueIsGone() {
        DeleteEvent delete = only(plan(List.of(), List.of(storedOf(issue))), DeleteEvent.class);
        assertThat(delete.reason()).isEqualTo(DeleteReason.ISSUE_GONE);
    }

    @Test
    void plan_plansNothing_whenTheDescriptionDiffersOnlyInCrlfAgainstLf() {
        Issue withLines = Issues.from(issue).withDescription("line one\nline two").build();
        CalendarEvent mapped = eventOf(withLines);
        CalendarEvent asServerSent = Events.anEvent().withUid(mapped.uid()).withSummary(mapped.summary())
                .withDescription(mapped.description().replace("\n", "\r\n") + "\r\n").on(mapped.start())
                .withStatus(mapped.status()).withCategories("ui", "bug").withUrl(mapped.url()).build();
        assertThat(plan(List.of(withLines), List.of(stored(asServerSent))).isEmpty()).isTrue();
    }

    @Test
    void plan_leavesForeignEventsAlone_evenWithACompleteListing() {
        StoredEvent foreign = stored(Events.anEvent().withUid("dentist@example.com").withSummary("Dentist").build());
        StoredEvent lookalike = stored(Events.anEvent().withUid("plane-issue-x@example.com").build());
        SyncPlan plan = planner.plan(desired(List.of()), true, List.of(foreign, lookalike), true);
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.unchanged()).isZero();
    }

    @Test
    void plan_neverUpdatesAForeignEvent_withTheSameResourceName() {
        CalendarEvent mine = eventOf(issue);
        CalendarEvent foreign = Events.anEvent().withUid("someone-else@example.com").build();
        StoredEvent foreignAtOurName = new StoredEvent(mine.identity(), new EventVersion("\"f\""), foreign);
        SyncPlan plan = plan(List.of(issue), List.of(foreignAtOurName));
        assertThat(only(plan, CreateEvent.class).event()).isEqualTo(mine);
    }

    @Test
    void plan_deletesNothing_whenListingIncomplete() {
        Issue other = Issues.anIssue().withSequenceId(4).build();
        SyncPlan plan = planner.plan(desired(List.of(issue)), false, List.of(storedOf(issue), storedOf(other)), false);
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.keptForListing()).isEqualTo(1);
    }

    @Test
    void plan_stillCreatesAndUpdates_whenListingIncomplete() {
        Issue changed = Issues.anIssue().withSequenceId(5).withName("Old").build();
        Issue fresh = Issues.anIssue().withSequenceId(6).build();
        Issue renamed = Issues.from(changed).withName("New").build();
        SyncPlan plan = planner.plan(desired(List.of(renamed, fresh)), false, List.of(storedOf(changed)), false);
        assertThat(plan.count(ActionKind.CREATE)).isEqualTo(1);
        assertThat(plan.count(ActionKind.UPDATE)).isEqualTo(1);
        assertThat(plan.count(ActionKind.DELETE)).isZero();
    }

    @Test
    void plan_stillDeletesAListedUndatedIssue_whenListingIncomplete() {
        Issue undated = Issues.from(issue).undated().build();
        SyncPlan plan = planner.plan(desired(List.of(undated)), false, List.of(storedOf(issue)), false);
        assertThat(only(plan, DeleteEvent.class).reason()).isEqualTo(DeleteReason.UNDATED);
    }

    @Test
    void plan_putsCreatesAndUpdatesBeforeDeletes() {
        Issue gone = Issues.anIssue().withSequenceId(7).build();
        Issue changed = Issues.anIssue().withSequenceId(8).build();
        Issue fresh = Issues.anIssue().withSequenceId(9).build();
        Issue renamed = Issues.from(changed).withName("x").build();
        SyncPlan plan = plan(List.of(renamed, fresh), List.of(storedOf(gone), storedOf(changed)));
        assertThat(plan.actions()).extracting(SyncAction::kind)
                .containsExactly(ActionKind.CREATE, ActionKind.UPDATE, ActionKind.DELETE);
    }

    @Test
    void plan_deletesTheSecondCopy_ofAnEventWithTheSameUid() {
        StoredEvent first = storedOf(issue);
        CalendarEvent event = eventOf(issue);
        StoredEvent copy = new StoredEvent(new EventIdentity(event.uid(), "copy-of-it.ics"), new EventVersion("\"c\""),
                event);
        DeleteEvent delete = only(plan(List.of(issue), List.of(first, copy)), DeleteEvent.class);
        assertThat(delete.reason()).isEqualTo(DeleteReason.DUPLICATE);
        assertThat(delete.current().identity().resourceName()).isEqualTo("copy-of-it.ics");
    }

    @Test
    void plan_updatesOneCopyAndDeletesTheOther_whenDuplicatesAreOutdated() {
        CalendarEvent event = eventOf(issue);
        StoredEvent copy = new StoredEvent(new EventIdentity(event.uid(), "copy.ics"), new EventVersion("\"c\""), event);
        SyncPlan plan = plan(List.of(Issues.from(issue).withName("Renamed").build()), List.of(storedOf(issue), copy));
        assertThat(plan.actions()).extracting(SyncAction::kind).containsExactly(ActionKind.UPDATE, ActionKind.DELETE);
    }

    @Test
    void plan_refusesMassDeletion_andSaysHowToForceIt() {
        List<Issue> all = issues(20);
        List<Issue> kept = all.subList(0, 5);
        Issue fresh = Issues.anIssue().withSequenceId(99).build();
        List<Issue> listing = new ArrayList<>(kept);
        listing.add(fresh);

        SyncPlan plan = plan(listing, storedOf(all));

        assertThat(plan.count(ActionKind.DELETE)).isZero();
        assertThat(plan.count(ActionKind.CREATE)).isEqualTo(1);
        DeletionRefusal refusal = plan.refusal().orElseThrow();
        assertThat(refusal.wouldDelete()).isEqualTo(15);
        assertThat(refusal.owned()).isEqualTo(20);
        assertThat(refusal.message()).contains("15 of 20").contains("--force-delete");
    }

    @Test
    void plan_appliesMassDeletion_whenForced() {
        List<Issue> all = issues(20);
        SyncPlan plan = planner.plan(desired(all.subList(0, 5)), true, storedOf(all), true);
        assertThat(plan.count(ActionKind.DELETE)).isEqualTo(15);
        assertThat(plan.refusal()).isEmpty();
    }

    /** More than half of the owned events and more than ten of them: refused. */
    @ParameterizedTest(name = "{1} deletes of {0} refused: {2}")
    @CsvSource({"12, 10, false", "20, 11, true", "21, 11, true", "22, 11, false", "10, 10, false", "11, 11, true",
            "24, 12, false", "23, 12, true"})
    void plan_refusesDeletions_onlyAboveHalfAndAboveTen(int owned, int deletes, boolean refused) {
        assertDeletes(owned, deletes, refused);
    }

    @Test
    void plan_countsUndatedAndDuplicateDeletes_againstTheGuard() {
        List<Issue> all = issues(12);
        List<Issue> listing = new ArrayList<>();
        for (Issue i : all) {
            listing.add(Issues.from(i).undated().build());
        }
        SyncPlan plan = plan(listing, storedOf(all));
        assertThat(plan.refusal()).isPresent();
        assertThat(plan.refusal().get().wouldDelete()).isEqualTo(12);
    }

    @Test
    void plan_doesNotCountForeignEvents_asOwned() {
        List<Issue> all = issues(11);
        List<StoredEvent> current = new ArrayList<>(storedOf(all));
        for (int i = 0; i < 20; i++) {
            current.add(stored(Events.anEvent().withUid("foreign-" + i + "@example.com").build()));
        }
        SyncPlan plan = plan(List.of(), current);
        assertThat(plan.refusal()).hasValueSatisfying(r -> assertThat(r.owned()).isEqualTo(11));
    }

    private void assertDeletes(int owned, int deletes, boolean refused) {
        List<Issue> all = issues(owned);
        SyncPlan plan = plan(all.subList(deletes, owned), storedOf(all));
        assertThat(plan.refusal().isPresent()).as("%d deletes of %d refused", deletes, owned).isEqualTo(refused);
        assertThat(plan.count(ActionKind.DELETE)).isEqualTo(refused ? 0 : deletes);
        assertThat(DeletionGuard.refuses(deletes, owned, false)).isEqualTo(refused);
        assertThat(DeletionGuard.refuses(deletes, owned, true)).isFalse();
    }

    @Test
    void replan_createsWhenMissing_updatesWhenDifferent_andNothingWhenEqual() {
        CalendarEvent wanted = eventOf(issue);
        assertThat(planner.replan(Optional.of(wanted), Optional.empty())).containsInstanceOf(CreateEvent.class);
        assertThat(planner.replan(Optional.of(wanted), Optional.of(storedOf(issue)))).isEmpty();
        CalendarEvent renamed = eventOf(Issues.from(issue).withName("x").build());
        assertThat(planner.replan(Optional.of(renamed), Optional.of(storedOf(issue))))
                .containsInstanceOf(UpdateEvent.class);
    }

    @Test
    void replan_deletesAnOwnedEvent_butNeverAForeignOne() {
        assertThat(planner.replan(Optional.empty(), Optional.of(storedOf(issue)))).containsInstanceOf(DeleteEvent.class);
        assertThat(planner.replan(Optional.empty(), Optional.of(stored(Events.anEvent().withUid("x@y").build()))))
                .isEmpty();
        assertThat(planner.replan(Optional.empty(), Optional.empty())).isEmpty();
    }
}
