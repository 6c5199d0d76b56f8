package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.domain.webhook.ChangeAction;
import io.calplanebot.core.domain.webhook.IgnoredEvent;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.IssueDeleted;
import io.calplanebot.core.domain.webhook.ProjectChanged;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.in.ActionKind;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.ChangeResult;
import io.calplanebot.core.port.in.OutcomeKind;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.out.CalendarStoreException;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.testing.Events;
import io.calplanebot.core.mapping.IssueEventMapper;
import io.calplanebot.core.mapping.MappingSettings;
import io.calplanebot.core.testing.Issues;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.calplanebot.core.sync.ServiceHarness.MOB;
import static io.calplanebot.core.sync.ServiceHarness.WEB;
import static io.calplanebot.core.sync.SyncFixtures.eventOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeServiceTest {
    private final ServiceHarness h = new ServiceHarness();
    private final List<String> heard = new ArrayList<>();
    private final ServiceHarness.TestEngine service = h.builder().listener(new SyncListener() {
        @Override
        public void changeApplied(WebhookNotification notification, ChangeResult result) {
            heard.add("applied " + notification.event() + " " + notification.action());
        }

        @Override
        public void changeFailed(WebhookNotification notification, RuntimeException error) {
            heard.add("failed " + error.getMessage());
        }
    }).build();
    private final Issue issue = Issues.anIssue().withSequenceId(7).withName("Fix login").build();

    private static IssueChanged changed(Issue issue) {
        return changed(issue, issue.project());
    }

    private static IssueChanged changed(Issue issue, Project project) {
        return new IssueChanged(ChangeAction.UPDATED, issue.id(), project.id(), Optional.of(Instant.EPOCH));
    }

    private static OutcomeKind single(ChangeResult result) {
        assertThat(result.outcomes()).hasSize(1);
        return result.outcomes().get(0).outcome();
    }

    @Test
    void issueChanged_createsTheEvent_fromAFreshReadOfTheIssue() {
        h.put(issue);

        ChangeResult result = service.apply(new IssueChanged(ChangeAction.CREATED, issue.id(), MOB.id(), Optional.empty()));

        assertThat(single(result)).isEqualTo(OutcomeKind.CREATED);
        assertThat(h.owned(MOB)).containsEntry(eventOf(issue).uid(), eventOf(issue));
        assertThat(heard).containsExactly("applied issue created");
    }

    @Test
    void issueChanged_updatesTheEvent_withWhatTheSourceSaysNow() {
        h.put(issue);
        service.apply(changed(issue));
        Issue renamed = h.put(Issues.from(issue).withName("Fix logout").build());

        ChangeResult result = service.apply(changed(issue));

        assertThat(single(result)).isEqualTo(OutcomeKind.UPDATED);
        assertThat(h.owned(MOB).get(eventOf(issue).uid()).summary()).isEqualTo("[7] Fix logout");
        assertThat(renamed.name()).isEqualTo("Fix logout");
    }

    @Test
    void aReloadDuringAChange_leavesThatChangeOnTheRuntimeItStartedWith() {
        h.put(issue);
        IssueEventMapper otherMapping = new IssueEventMapper(new MappingSettings("https://tracker.example.org", "team"));
        ServiceHarness.TestEngine[] engine = new ServiceHarness.TestEngine[1];
        ScriptedIssueSource reloading = new ScriptedIssueSource(h.source).beforeFindIssue(() ->
                engine[0].engine.reload(SyncRuntime.of(h.source, h.store, otherMapping)));
        engine[0] = h.builder(reloading).build();

        engine[0].apply(changed(issue));

        assertThat(h.owned(MOB).get(eventOf(issue).uid()).url())
                .as("planned and written with the mapping the change started with")
                .isEqualTo(eventOf(issue).url());
        assertThat(engine[0].engine.runtime().mapper()).isSameAs(otherMapping);
        engine[0].apply(changed(issue));
        assertThat(h.owned(MOB).get(eventOf(issue).uid()).url()).startsWith("https://tracker.example.org/team/");
    }

    @Test
    void issueChanged_writesNothing_whenTheEventAlreadyMatches() {
        h.put(issue);
        service.apply(changed(issue));
        int writes = h.store.writes();

        ChangeResult result = service.apply(changed(issue));

        assertThat(result.outcomes()).isEmpty();
        assertThat(result.note()).isPresent();
        assertThat(h.store.writes()).isEqualTo(writes);
    }

    @Test
    void issueChanged_deletesTheEvent_whenTheIssueIsGoneFromTheSource() {
        h.put(issue);
        service.apply(changed(issue));
        h.source.remove(issue.id());

        ChangeResult result = service.apply(changed(issue));

        assertThat(single(result)).isEqualTo(OutcomeKind.DELETED);
        assertThat(h.owned(MOB)).isEmpty();
    }

    @Test
    void issueChanged_deletesTheEvent_whenTheDateWasRemoved() {
        h.put(issue);
        service.apply(changed(issue));
        h.put(Issues.from(issue).undated().build());

        assertThat(single(service.apply(changed(issue)))).isEqualTo(OutcomeKind.DELETED);
        assertThat(h.owned(MOB)).isEmpty();
    }

    @Test
    void issueChanged_doesNothing_forAProjectThatIsNotMirrored() {
        Project unknown = new Project("99999999-9999-4999-8999-999999999999", "UNK", "Unknown");

        ChangeResult result = service.apply(changed(issue, unknown));

        assertThat(result.outcomes()).isEmpty();
        assertThat(result.note()).hasValueSatisfying(n -> assertThat(n).contains("not mirrored"));
        assertThat(h.store.calendars()).isEmpty();
    }

    @Test
    void issueChanged_movesTheEvent_whenTheIssueMovedToAnotherProject() {
        h.put(issue);
        h.source.addProject(WEB);
        service.runFullSync(RunSyncCommand.everything());
        Issue moved = h.put(Issues.from(issue).inProject(WEB).withSequenceId(1).build());

        ChangeResult result = service.apply(changed(moved));

        assertThat(result.outcomes()).extracting(ActionOutcome::action)
                .containsExactlyInAnyOrder(ActionKind.CREATE, ActionKind.DELETE);
        assertThat(h.owned(MOB)).isEmpty();
        assertThat(h.owned(WEB)).containsOnlyKeys(eventOf(moved).uid());
    }

    @Test
    void issueChanged_leavesForeignEventsAlone() {
        h.put(issue);
        CalendarId calendar = h.store.ensureCalendar(MOB);
        StoredEvent foreign = h.store.plant(calendar, Events.anEvent().withUid("party@example.com").build());

        service.apply(changed(issue));
        h.source.remove(issue.id());
        service.apply(changed(issue));

        assertThat(h.store.allEvents(calendar)).containsExactly(foreign);
    }

    @Test
    void issueChanged_propagatesAStoreFailure_andTellsTheListener() {
        h.put(issue);
        h.store.setDown(true);

        assertThatThrownBy(() -> service.apply(changed(issue))).isInstanceOf(CalendarStoreException.class);
        assertThat(heard).singleElement().satisfies(s -> assertThat(s).startsWith("failed"));
    }

    @Test
    void issueDeleted_withOnlyTheIssueId_findsTheEventAcrossCalendars() {
        Issue web = h.put(Issues.anIssue().inProject(WEB).withSequenceId(3).build());
        h.put(issue);
        service.runFullSync(RunSyncCommand.everything());
        h.source.remove(web.id());

        ChangeResult result = service.apply(new IssueDeleted(web.id(), Optional.empty()));

        assertThat(single(result)).isEqualTo(OutcomeKind.DELETED);
        assertThat(h.owned(WEB)).isEmpty();
        assertThat(h.owned(MOB)).hasSize(1);
    }

    @Test
    void issueDeleted_reappliesTheIssue_whenItStillExists() {
        h.put(issue);
        service.apply(changed(issue));
        h.put(Issues.from(issue).withName("Still here").build());

        ChangeResult result = service.apply(new IssueDeleted(issue.id(), Optional.of(MOB.id())));

        assertThat(single(result)).isEqualTo(OutcomeKind.UPDATED);
        assertThat(h.owned(MOB).get(eventOf(issue).uid()).summary()).isEqualTo("[7] Still here");
    }

    @Test
    void issueDeleted_withAProject_deletesTheEvent_whenTheIssueIsGone() {
        h.put(issue);
        service.apply(changed(issue));
        h.source.remove(issue.id());

        assertThat(single(service.apply(new IssueDeleted(issue.id(), Optional.of(MOB.id())))))
                .isEqualTo(OutcomeKind.DELETED);
        assertThat(h.owned(MOB)).isEmpty();
    }

    @Test
    void issueDeleted_saysSo_whenThereIsNoEventToDelete() {
        ChangeResult result = service.apply(new IssueDeleted("no-such-issue", Optional.empty()));
        assertThat(result.outcomes()).isEmpty();
        assertThat(result.note()).contains("no event to delete");
    }

    @Test
    void projectChanged_renamesTheCalendar() {
        h.put(issue);
        service.runFullSync(RunSyncCommand.everything());
        Project renamed = new Project(MOB.id(), MOB.identifier(), "Mobile Apps 📱");
        h.source.addProject(renamed);

        ChangeResult result = service.apply(new ProjectChanged(ChangeAction.UPDATED, MOB.id()));

        assertThat(result.outcomes()).isEmpty();
        assertThat(h.store.displayName(h.calendarOf(MOB))).isEqualTo("Plane: Mobile Apps 📱");
        assertThat(h.owned(MOB)).hasSize(1);
    }

    @Test
    void projectChanged_createsNoCalendar_forAProjectWithoutOne() {
        h.source.addProject(WEB);

        ChangeResult result = service.apply(new ProjectChanged(ChangeAction.CREATED, WEB.id()));

        assertThat(result.note()).isPresent();
        assertThat(h.store.calendars()).isEmpty();
    }

    @Test
    void projectDeleted_keepsTheCalendar() {
        h.put(issue);
        service.runFullSync(RunSyncCommand.everything());
        h.source.removeProject(MOB.id());

        ChangeResult result = service.apply(new ProjectChanged(ChangeAction.DELETED, MOB.id()));

        assertThat(result.note()).hasValueSatisfying(n -> assertThat(n).contains("kept"));
        assertThat(h.owned(MOB)).hasSize(1);
    }

    @Test
    void ignoredEvent_doesNothing() {
        h.put(issue);
        int writes = h.store.writes();

        ChangeResult result = service.apply(new IgnoredEvent("cycle", "created"));

        assertThat(result.outcomes()).isEmpty();
        assertThat(result.note()).hasValueSatisfying(n -> assertThat(n).contains("ignored"));
        assertThat(h.store.writes()).isEqualTo(writes);
        assertThat(h.store.calendars()).isEmpty();
    }
}
