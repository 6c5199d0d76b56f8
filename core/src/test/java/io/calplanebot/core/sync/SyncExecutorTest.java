package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.port.in.ActionKind;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.OutcomeKind;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.testing.Events;
import io.calplanebot.core.testing.InMemoryCalendarStore;
import io.calplanebot.core.testing.Issues;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.calplanebot.core.sync.SyncFixtures.MAPPER;
import static io.calplanebot.core.sync.SyncFixtures.eventOf;
import static org.assertj.core.api.Assertions.assertThat;

class SyncExecutorTest {
    private final InMemoryCalendarStore store = new InMemoryCalendarStore();
    private final SyncPlanner planner = new SyncPlanner();
    private final List<ActionOutcome> heard = new ArrayList<>();
    private final SyncExecutor executor = new SyncExecutor(SyncTarget.of(store), new IssueLocks(), new SyncListener() {
        @Override
        public void actionCompleted(ActionOutcome outcome) {
            heard.add(outcome);
        }
    });
    private final CalendarId calendar = store.ensureCalendar(Issues.PROJECT);
    private final Issue issue = Issues.anIssue().withSequenceId(1).withName("Original").build();

    private StoredEvent put(Issue value) {
        return store.plant(calendar, eventOf(value));
    }

    private StoredEvent current(Issue value) {
        return store.findEvent(calendar, eventOf(value).identity()).orElseThrow();
    }

    private ActionOutcome runOne(SyncAction action) {
        List<ActionOutcome> outcomes = executor.execute(calendar, new SyncPlan(List.of(action), 0, 0, Optional.empty()));
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    @Test
    void execute_createsAnEvent() {
        ActionOutcome outcome = runOne(new CreateEvent(eventOf(issue)));
        assertThat(outcome.outcome()).isEqualTo(OutcomeKind.CREATED);
        assertThat(outcome.action()).isEqualTo(ActionKind.CREATE);
        assertThat(outcome.calendar()).isEqualTo(calendar.value());
        assertThat(outcome.summary()).isEqualTo("[1] Original");
        assertThat(current(issue).event()).isEqualTo(eventOf(issue));
        assertThat(heard).containsExactly(outcome);
    }

    @Test
    void execute_updatesAnEvent_atTheVersionItWasRead() {
        StoredEvent before = put(issue);
        Issue renamed = Issues.from(issue).withName("Renamed").build();
        ActionOutcome outcome = runOne(new UpdateEvent(before, eventOf(renamed)));
        assertThat(outcome.outcome()).isEqualTo(OutcomeKind.UPDATED);
        assertThat(current(issue).event().summary()).isEqualTo("[1] Renamed");
        assertThat(current(issue).version()).isNotEqualTo(before.version());
    }

    @Test
    void execute_deletesAnEvent_atTheVersionItWasRead() {
        StoredEvent before = put(issue);
        ActionOutcome outcome = runOne(new DeleteEvent(before, DeleteReason.ISSUE_GONE));
        assertThat(outcome.outcome()).isEqualTo(OutcomeKind.DELETED);
        assertThat(store.findEvent(calendar, before.identity())).isEmpty();
    }

    @Test
    void execute_rereadsReplansAndRetriesOnce_whenAnUpdateMeetsAVersionConflict() {
        StoredEvent before = put(issue);
        CalendarEvent edited = Events.anEvent().withUid(before.uid()).withSummary("[1] Edited elsewhere").build();
        store.beforeNextWrite(s -> s.editBehindOurBack(calendar, before.identity().resourceName(), edited));
        int writesBefore = store.writes();

        ActionOutcome outcome = runOne(new UpdateEvent(before, eventOf(Issues.from(issue).withName("Ours").build())));

        assertThat(outcome.outcome()).isEqualTo(OutcomeKind.UPDATED);
        assertThat(outcome.reason()).hasValueSatisfying(r -> assertThat(r).contains("retried").contains("conflict"));
        assertThat(current(issue).event().summary()).isEqualTo("[1] Ours");
        assertThat(store.writes() - writesBefore).isEqualTo(2);
    }

    @Test
    void execute_endsUnchanged_whenTheConflictingEditAlreadyMatches() {
        StoredEvent before = put(issue);
        CalendarEvent wanted = eventOf(Issues.from(issue).withName("Ours").build());
        store.beforeNextWrite(s -> s.editBehindOurBack(calendar, before.identity().resourceName(), wanted));

        ActionOutcome outcome = runOne(new UpdateEvent(before, wanted));

        assertThat(outcome.outcome()).isEqualTo(OutcomeKind.UNCHANGED);
        assertThat(current(issue).event()).isEqualTo(wanted);
    }

    @Test
    void execute_asksWhatIsWantedNow_beforeRetryingAfterAConflict_andOnlyThen() {
        StoredEvent before = put(issue);
        CalendarEvent newer = eventOf(Issues.from(issue).withName("Newer").build());
        List<SyncAction> asked = new ArrayList<>();
        SyncExecutor asking = new SyncExecutor(SyncTarget.of(store), new IssueLocks(), SyncListener.NONE, (action, planned) -> {
            asked.add(action);
            return Optional.of(newer);
        });
        UpdateEvent stale = new UpdateEvent(before, eventOf(Issues.from(issue).withName("Older").build()));
        store.beforeNextWrite(s -> s.editBehindOurBack(calendar, before.identity().resourceName(), newer));

        List<ActionOutcome> outcomes = asking.execute(calendar, new SyncPlan(List.of(stale), 0, 0, Optional.empty()));

        assertThat(asked).containsExactly(stale);
        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.outcome()).isEqualTo(OutcomeKind.UNCHANGED));
        assertThat(current(issue).event()).isEqualTo(newer);

        asking.execute(calendar, new SyncPlan(List.of(new UpdateEvent(current(issue), eventOf(issue))), 0, 0,
                Optional.empty()));
        assertThat(asked).hasSize(1);
        assertThat(current(issue).event()).isEqualTo(eventOf(issue));
    }

    @Test
    void execute_deletesInstead_whenWhatIsWantedNowIsNoEvent() {
        StoredEvent before = put(issue);
        SyncExecutor asking = new SyncExecutor(SyncTarget.of(store), new IssueLocks(), SyncListener.NONE,
                (action, planned) -> Optional.empty());
        store.beforeNextWrite(s -> s.editBehindOurBack(calendar, before.identity().resourceName(),
                eventOf(Issues.from(issue).withName("Edited").build())));

        CalendarEvent ours = eventOf(Issues.from(issue).withName("Ours").build());
        List<ActionOutcome> outcomes = asking.execute(calendar,
                new SyncPlan(List.of(new UpdateEvent(before, ours)), 0, 0, Optional.empty()));

        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.outcome()).isEqualTo(OutcomeKind.DELETED));
        assertThat(store.findEvent(calendar, before.identity())).isEmpty();
    }

    @Test
    void execute_failsWithAReason_whenTheRetryMeetsASecondConflict() {
        StoredEvent before = put(issue);
        String name = before.identity().resourceName();
        CalendarEvent first = Events.anEvent().withUid(before.uid()).withSummary("[1] First edit").build();
        CalendarEvent second = Events.anEvent().withUid(before.uid()).withSummary("[1] Second edit").build();
        store.beforeNextWrite(s -> {
            s.editBehindOurBack(calendar, name, first);
            s.beforeNextWrite(t -> t.editBehindOurBack(calendar, name, second));
        });

        ActionOutcome outcome = runOne(new UpdateEvent(before, eventOf(Issues.from(issue).withName("Ours").build())));

        assertThat(outcome.outcome()).isEqualTo(OutcomeKind.FAILED);
        assertThat(outcome.reason()).hasValueSatisfying(r -> assertThat(r).contains(name));
        assertThat(current(issue).event().summary()).isEqualTo("[1] Second edit");
    }

    @Test
    void execute_recreatesTheEvent_whenItWasDeletedBehindOurBackDuringAnUpdate() {
        StoredEvent before = put(issue);
        store.beforeNextWrite(s -> s.deleteBehindOurBack(calendar, before.identity().resourceName()));

        ActionOutcome outcome = runOne(new UpdateEvent(before, eventOf(Issues.from(issue).withName("Ours").build())));

        assertThat(outcome.outcome()).isEqualTo(OutcomeKind.CREATED);
        assertThat(outcome.action()).isEqualTo(ActionKind.UPDATE);
        assertThat(current(issue).event().summary()).isEqualTo("[1] Ours");
    }

    @Test
    void execute_updatesInstead_whenACreateFindsTheEventAlreadyThere() {
        put(issue);
        ActionOutcome outcome = runOne(new CreateEvent(eventOf(Issues.from(issue).withName("Newer").build())));
        assertThat(outcome.outcome()).isEqualTo(OutcomeKind.UPDATED);
        assertThat(current(issue).event().summary()).isEqualTo("[1] Newer");
    }

    @Test
    void execute_endsUnchanged_whenACreateFindsTheSameEventAlreadyThere() {
        StoredEvent there = put(issue);
        ActionOutcome outcome = runOne(new CreateEvent(eventOf(issue)));
        assertThat(outcome.outcome()).isEqualTo(OutcomeKind.UNCHANGED);
        assertThat(current(issue).version()).isEqualTo(there.version());
    }

    @Test
    void execute_neverOverwritesAForeignEvent_thatSitsAtOurResourceName() {
        CalendarEvent ours = eventOf(issue);
        CalendarEvent foreign = Events.anEvent().withUid("someone@example.com").withSummary("Theirs").build();
        String name = ours.identity().resourceName();
        // A careless client put its own event where ours belongs.
        store.plant(calendar, ours);
        store.editBehindOurBack(calendar, name, foreign);

        ActionOutcome outcome = runOne(new CreateEvent(ours));

        assertThat(outcome.outcome()).isEqualTo(OutcomeKind.FAILED);
        assertThat(outcome.reason()).hasValueSatisfying(r -> assertThat(r).contains("someone@example.com"));
        assertThat(store.findEvent(calendar, ours.identity()).orElseThrow().event()).isEqualTo(foreign);
    }

    @Test
    void execute_endsDeleted_whenADeleteMeetsAnAlreadyDeletedEvent() {
        StoredEvent before = put(issue);
        store.deleteBehindOurBack(calendar, before.identity().resourceName());

        ActionOutcome outcome = runOne(new DeleteEvent(before, DeleteReason.ISSUE_GONE));

        assertThat(outcome.outcome()).isEqualTo(OutcomeKind.DELETED);
        assertThat(outcome.reason()).isPresent();
    }

    @Test
    void execute_retriesADelete_whenTheEventWasEditedBehindOurBack() {
        StoredEvent before = put(issue);
        CalendarEvent edited = Events.anEvent().withUid(before.uid()).withSummary("[1] Edited").build();
        store.beforeNextWrite(s -> s.editBehindOurBack(calendar, before.identity().resourceName(), edited));

        ActionOutcome outcome = runOne(new DeleteEvent(before, DeleteReason.ISSUE_GONE));

        assertThat(outcome.outcome()).isEqualTo(OutcomeKind.DELETED);
        assertThat(store.findEvent(calendar, before.identity())).isEmpty();
    }

    @Test
    void execute_carriesOn_afterOneWriteFails_andEveryActionEndsWithAnOutcome() {
        Issue a = Issues.anIssue().withSequenceId(11).build();
        Issue b = Issues.anIssue().withSequenceId(12).build();
        Issue c = Issues.anIssue().withSequenceId(13).build();
        StoredEvent bStored = put(b);
        StoredEvent cStored = put(c);
        CalendarEvent b2 = eventOf(Issues.from(b).withName("B2").build());
        SyncPlan plan = new SyncPlan(List.of(new CreateEvent(eventOf(a)), new UpdateEvent(bStored, b2),
                new DeleteEvent(cStored, DeleteReason.ISSUE_GONE)), 0, 0, Optional.empty());
        store.failNextWrites(1);

        List<ActionOutcome> outcomes = executor.execute(calendar, plan);

        assertThat(outcomes).extracting(ActionOutcome::uid).containsExactly(eventOf(a).uid(), bStored.uid(), cStored.uid());
        assertThat(outcomes).extracting(ActionOutcome::outcome)
                .containsExactly(OutcomeKind.FAILED, OutcomeKind.UPDATED, OutcomeKind.DELETED);
        assertThat(outcomes.get(0).reason()).hasValueSatisfying(r -> assertThat(r).contains("500"));
        assertThat(heard).isEqualTo(outcomes);
        assertThat(store.findEvent(calendar, eventOf(a).identity())).isEmpty();
    }

    @Test
    void execute_failsEveryAction_withAReason_whenTheStoreIsDown() {
        StoredEvent stored = put(issue);
        store.setDown(true);
        SyncPlan plan = new SyncPlan(List.of(new CreateEvent(eventOf(Issues.anIssue().build())),
                new DeleteEvent(stored, DeleteReason.UNDATED)), 0, 0, Optional.empty());

        List<ActionOutcome> outcomes = executor.execute(calendar, plan);

        assertThat(outcomes).hasSize(2).allSatisfy(o -> {
            assertThat(o.outcome()).isEqualTo(OutcomeKind.FAILED);
            assertThat(o.reason()).hasValueSatisfying(r -> assertThat(r).contains("unreachable"));
        });
    }

    @Test
    void planned_reportsEveryActionAsPlanned_andWritesNothing() {
        StoredEvent stored = put(issue);
        int writes = store.writes();
        SyncPlan plan = new SyncPlan(List.of(new CreateEvent(eventOf(Issues.anIssue().build())),
                new DeleteEvent(stored, DeleteReason.UNDATED)), 0, 0, Optional.empty());

        List<ActionOutcome> outcomes = SyncExecutor.planned("calendar", new ExistingCalendar(calendar), plan);

        assertThat(outcomes).extracting(ActionOutcome::outcome).containsOnly(OutcomeKind.PLANNED);
        assertThat(outcomes.get(1).reason()).contains("undated");
        assertThat(store.writes()).isEqualTo(writes);
    }
}
