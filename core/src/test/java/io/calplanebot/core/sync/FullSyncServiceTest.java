package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.CalendarId;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.StoredEvent;
import io.calplanebot.core.domain.webhook.ChangeAction;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.mapping.IssueEventMapper;
import io.calplanebot.core.mapping.MappingSettings;
import io.calplanebot.core.port.in.ActionKind;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.OutcomeKind;
import io.calplanebot.core.port.in.ProjectResult;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.testing.Events;
import io.calplanebot.core.testing.InMemoryCalendarStore;
import io.calplanebot.core.testing.Issues;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.calplanebot.core.sync.ServiceHarness.MOB;
import static io.calplanebot.core.sync.ServiceHarness.OPS;
import static io.calplanebot.core.sync.ServiceHarness.WEB;
import static io.calplanebot.core.sync.SyncFixtures.eventOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FullSyncServiceTest {
    private final ServiceHarness h = new ServiceHarness();
    private final ServiceHarness.TestEngine service = h.service();

    private Issue issue(String project, int seq) {
        return Issues.anIssue().inProject(project.equals("WEB") ? WEB : project.equals("OPS") ? OPS : MOB)
                .withSequenceId(seq).withName(project + " issue " + seq).build();
    }

    private SyncReport sync() {
        return service.runFullSync(RunSyncCommand.everything());
    }

    @Test
    void fullSync_mirrorsEveryProjectIntoItsOwnCalendar() {
        Issue mob = h.put(issue("MOB", 1));
        Issue web = h.put(issue("WEB", 1));
        Issue undated = h.put(Issues.anIssue().inProject(OPS).undated().build());

        SyncReport report = sync();

        assertThat(report.result()).isEqualTo(RunResult.SUCCESS);
        assertThat(report.errors()).isEmpty();
        assertThat(h.owned(MOB)).containsOnlyKeys(eventOf(mob).uid());
        assertThat(h.owned(WEB)).containsOnlyKeys(eventOf(web).uid());
        assertThat(h.owned(OPS)).isEmpty();
        assertThat(h.store.displayName(h.calendarOf(WEB))).isEqualTo("Plane: Website");
        assertThat(report.counts().created()).isEqualTo(2);
        assertThat(report.projects()).extracting(ProjectResult::identifier).containsExactly("MOB", "WEB", "OPS");
        ProjectResult ops = report.projects().get(2);
        assertThat(ops.issues()).isEqualTo(1);
        assertThat(ops.datedIssues()).isZero();
        assertThat(ops.ok()).isTrue();
        assertThat(undated.targetDate()).isEmpty();
    }

    @Test
    void fullSync_secondRunPlansNothingAndWritesNothing() {
        h.put(issue("MOB", 1));
        h.put(issue("WEB", 2));
        sync();
        int writes = h.store.writes();

        SyncReport second = sync();

        assertThat(second.outcomes()).isEmpty();
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(h.store.writes()).isEqualTo(writes);
    }

    @Test
    void fullSync_withAProjectFilter_syncsOnlyThoseProjects_byIdentifier() {
        h.put(issue("MOB", 1));
        h.put(issue("WEB", 1));
        h.put(issue("OPS", 1));

        SyncReport report = service.runFullSync(new RunSyncCommand(Set.of("WEB"), false, false));

        assertThat(report.projects()).extracting(ProjectResult::identifier).containsExactly("WEB");
        assertThat(h.store.calendars()).containsExactly(h.calendarOf(WEB));
        assertThat(h.owned(WEB)).hasSize(1);
    }

    @Test
    void fullSync_withAProjectFilter_syncsOnlyThoseProjects_byId() {
        h.put(issue("MOB", 1));
        h.put(issue("WEB", 1));
        h.put(issue("OPS", 1));

        SyncReport report = service.runFullSync(new RunSyncCommand(Set.of(OPS.id(), MOB.id()), false, false));

        assertThat(report.projects()).extracting(ProjectResult::identifier).containsExactlyInAnyOrder("MOB", "OPS");
        assertThat(h.store.findCalendar(WEB)).isEmpty();
    }

    @Test
    void fullSync_withAProjectFilter_matchesIdentifiersWhateverTheirCase() {
        h.put(issue("WEB", 1));
        h.put(issue("MOB", 1));

        SyncReport report = service.runFullSync(new RunSyncCommand(Set.of("web"), false, false));

        assertThat(report.result()).isEqualTo(RunResult.SUCCESS);
        assertThat(report.projects()).extracting(ProjectResult::identifier).containsExactly("WEB");
    }

    @Test
    void fullSync_withAProjectFilter_reportsNamesThatMatchNoProject() {
        h.put(issue("WEB", 1));

        SyncReport report = service.runFullSync(new RunSyncCommand(Set.of("WEB", "NOPE"), false, false));

        assertThat(report.result()).isEqualTo(RunResult.PARTIAL);
        assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e).contains("'NOPE'"));
        assertThat(h.owned(WEB)).hasSize(1);
    }

    @Test
    void fullSync_movesTheEvent_whenTheIssueMovesToAnotherProject() {
        Issue issue = h.put(issue("MOB", 5));
        sync();
        Issue moved = h.put(Issues.from(issue).inProject(WEB).withSequenceId(1).build());

        SyncReport report = sync();

        assertThat(h.owned(MOB)).isEmpty();
        assertThat(h.owned(WEB)).containsOnlyKeys(eventOf(moved).uid());
        assertThat(h.owned(WEB).get(eventOf(moved).uid()).url()).endsWith("/browse/WEB-1/");
        assertThat(report.outcomes()).extracting(ActionOutcome::outcome)
                .containsExactlyInAnyOrder(OutcomeKind.CREATED, OutcomeKind.DELETED);
    }

    @Test
    void fullSync_updatesInPlace_whenAnIssueMovesWithinOneSharedCalendar() {
        ServiceHarness shared = new ServiceHarness(InMemoryCalendarStore.singleCalendar("mem:all"));
        ServiceHarness.TestEngine sharedService = shared.service();
        Issue issue = shared.put(issue("MOB", 5));
        sharedService.runFullSync(RunSyncCommand.everything());
        shared.put(Issues.from(issue).inProject(WEB).withSequenceId(1).build());

        SyncReport report = sharedService.runFullSync(RunSyncCommand.everything());

        assertThat(report.outcomes()).extracting(ActionOutcome::outcome).containsExactly(OutcomeKind.UPDATED);
        assertThat(shared.owned(WEB)).hasSize(1);
    }

    @Test
    void fullSync_withAProjectFilter_deletesNothingOfOtherProjects_inASharedCalendar() {
        ServiceHarness shared = new ServiceHarness(InMemoryCalendarStore.singleCalendar("mem:all"));
        ServiceHarness.TestEngine sharedService = shared.service();
        shared.put(issue("MOB", 1));
        shared.put(issue("WEB", 1));
        sharedService.runFullSync(RunSyncCommand.everything());

        SyncReport report = sharedService.runFullSync(new RunSyncCommand(Set.of("MOB"), false, false));

        assertThat(report.counts().deleted()).isZero();
        assertThat(shared.store.listOwnedEvents(new CalendarId("mem:all"))).hasSize(2);
    }

    @Test
    void fullSync_keepsTheNewerData_whenAWebhookWroteTheEventWhileTheSyncRan() {
        Issue issue = h.put(issue("MOB", 1));
        sync();
        h.put(Issues.from(issue).withName("Listed by the sync").build());
        h.store.beforeNextWrite(store -> {
            h.put(Issues.from(issue).withName("Newer, from a webhook").build());
            service.apply(new IssueChanged(ChangeAction.UPDATED, issue.id(), MOB.id(), Optional.empty()));
        });

        SyncReport report = sync();

        assertThat(h.owned(MOB).get(eventOf(issue).uid()).summary()).isEqualTo("[1] Newer, from a webhook");
        assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.outcome()).isEqualTo(OutcomeKind.UNCHANGED));
    }

    @Test
    void fullSync_deletesTheEvent_whenTheIssueWasDeletedWhileTheSyncRan() {
        Issue issue = h.put(issue("MOB", 1));
        sync();
        h.put(Issues.from(issue).withName("Listed by the sync").build());
        h.store.beforeNextWrite(store -> {
            CalendarId calendar = h.calendarOf(MOB);
            StoredEvent current = store.findEvent(calendar, eventOf(issue).identity()).orElseThrow();
            store.editBehindOurBack(calendar, current.identity().resourceName(),
                    Events.anEvent().withUid(current.uid()).withSummary("Edited in a calendar app").build());
            h.source.remove(issue.id());
        });

        SyncReport report = sync();

        assertThat(h.owned(MOB)).isEmpty();
        assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.outcome()).isEqualTo(OutcomeKind.DELETED));
    }

    @Test
    void reload_makesTheNextSyncRewriteTheEventsWithTheNewMapping() {
        Issue issue = h.put(issue("MOB", 1));
        sync();

        service.engine.reload(SyncRuntime.of(h.source, h.store,
                new IssueEventMapper(new MappingSettings("https://tracker.example.org/", "team"))));
        SyncReport report = sync();

        assertThat(report.counts().updated()).isEqualTo(1);
        assertThat(h.owned(MOB).get(eventOf(issue).uid()).url()).isEqualTo("https://tracker.example.org/team/browse/MOB-1/");
        assertThat(sync().outcomes()).isEmpty();
    }

    @Test
    void fullSync_leavesForeignEventsAlone() {
        h.put(issue("MOB", 1));
        sync();
        CalendarId calendar = h.calendarOf(MOB);
        StoredEvent foreign = h.store.plant(calendar, Events.anEvent().withUid("dentist@example.com").build());
        StoredEvent lookalike = h.store.plant(calendar, Events.anEvent().withUid("plane-issue-1@elsewhere").build());
        h.source.remove(h.source.all().get(0).id());

        sync();

        assertThat(h.store.allEvents(calendar)).containsExactlyInAnyOrder(foreign, lookalike);
    }

    @Test
    void fullSync_deletesNothing_whenAProjectListingFails_andSyncsTheOthers() {
        Issue mob = h.put(issue("MOB", 1));
        h.put(issue("WEB", 1));
        sync();
        h.source.remove(mob.id());
        h.source.failListing(MOB.id(), true);
        Issue web2 = h.put(issue("WEB", 2));

        SyncReport report = sync();

        assertThat(report.result()).isEqualTo(RunResult.PARTIAL);
        assertThat(h.owned(MOB)).containsOnlyKeys(eventOf(mob).uid());
        assertThat(h.owned(WEB)).containsKey(eventOf(web2).uid());
        assertThat(report.errors()).anySatisfy(e -> assertThat(e).contains("MOB").contains("nothing will be deleted"));
        ProjectResult mobResult = report.projects().get(0);
        assertThat(mobResult.ok()).isFalse();
        assertThat(mobResult.error()).isPresent();
    }

    @Test
    void fullSync_deletesNothing_whenAListingIsIncomplete_butStillCreates() {
        List<Issue> issues = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            issues.add(h.put(issue("MOB", i)));
        }
        sync();
        h.source.remove(issues.get(0).id());
        h.source.incompleteListing(MOB.id(), true);

        SyncReport report = sync();

        assertThat(report.result()).isEqualTo(RunResult.PARTIAL);
        assertThat(report.counts().deleted()).isZero();
        assertThat(h.owned(MOB)).hasSize(4);
        assertThat(report.projects().get(0).listingComplete()).isFalse();
        assertThat(report.errors()).anySatisfy(e -> assertThat(e).contains("incomplete"));
    }

    @Test
    void fullSync_refusesAMassDeletion_saysHowToForce_andStillCreates() {
        List<Issue> issues = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            issues.add(h.put(issue("MOB", i)));
        }
        sync();
        for (Issue issue : issues) {
            h.source.remove(issue.id());
        }
        Issue fresh = h.put(issue("MOB", 13));

        SyncReport refused = sync();

        assertThat(refused.result()).isEqualTo(RunResult.PARTIAL);
        assertThat(refused.counts().deleted()).isZero();
        assertThat(refused.counts().created()).isEqualTo(1);
        assertThat(refused.errors()).anySatisfy(e -> assertThat(e).contains("--force-delete").contains("12 of 12"));
        assertThat(h.owned(MOB)).hasSize(13);

        SyncReport forced = service.runFullSync(new RunSyncCommand(Set.of(), true, false));

        assertThat(forced.result()).isEqualTo(RunResult.SUCCESS);
        assertThat(forced.counts().deleted()).isEqualTo(12);
        assertThat(h.owned(MOB)).containsOnlyKeys(eventOf(fresh).uid());
    }

    @Test
    void fullSync_isPartial_whenAWriteFails_andTheOtherWritesHappen() {
        h.put(issue("MOB", 1));
        h.put(issue("MOB", 2));
        h.put(issue("WEB", 1));
        h.store.failNextWrites(1);

        SyncReport report = sync();

        assertThat(report.result()).isEqualTo(RunResult.PARTIAL);
        assertThat(report.counts().failed()).isEqualTo(1);
        assertThat(report.counts().created()).isEqualTo(2);
        assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e).startsWith("Could not create"));

        SyncReport repair = sync();
        assertThat(repair.result()).isEqualTo(RunResult.SUCCESS);
        assertThat(repair.counts().created()).isEqualTo(1);
    }

    @Test
    void fullSync_failed_whenTheProjectsCannotBeListed() {
        h.put(issue("MOB", 1));
        h.source.setDown(true);

        SyncReport report = sync();

        assertThat(report.result()).isEqualTo(RunResult.FAILED);
        assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e).contains("Could not list projects"));
        assertThat(h.store.calendars()).isEmpty();
    }

    @Test
    void fullSync_failed_whenEveryCalendarIsUnreachable() {
        h.put(issue("MOB", 1));
        h.store.setDown(true);

        SyncReport report = sync();

        assertThat(report.result()).isEqualTo(RunResult.FAILED);
        assertThat(report.errors()).anySatisfy(e -> assertThat(e).contains("calendar").contains("MOB"));
    }

    @Test
    void fullSync_endsFailedWithTheError_whenSomethingUnexpectedBreaks() {
        h.put(issue("MOB", 1));
        ScriptedIssueSource broken = new ScriptedIssueSource(h.source)
                .beforeListIssues(() -> {
                    throw new IllegalStateException("adapter bug");
                });
        ServiceHarness.TestEngine brokenService = h.builder(broken).build();

        SyncReport report = brokenService.runFullSync(RunSyncCommand.everything());

        assertThat(report.result()).isEqualTo(RunResult.FAILED);
        assertThat(report.errors()).anySatisfy(e -> assertThat(e).contains("adapter bug"));
        assertThat(brokenService.status().lastRun()).contains(report);
        assertThat(brokenService.isRunning()).isFalse();
    }

    @Test
    void dryRun_writesNothing_andCreatesNoCalendar() {
        h.put(issue("MOB", 1));
        h.put(issue("WEB", 1));

        SyncReport report = service.runFullSync(RunSyncCommand.dryRunOfEverything());

        assertThat(report.dryRun()).isTrue();
        assertThat(h.store.calendars()).isEmpty();
        assertThat(h.store.writes()).isZero();
        assertThat(report.outcomes()).hasSize(2).allSatisfy(o -> {
            assertThat(o.outcome()).isEqualTo(OutcomeKind.PLANNED);
            assertThat(o.action()).isEqualTo(ActionKind.CREATE);
        });
        assertThat(report.counts().planned()).isEqualTo(2);
        assertThat(report.counts().written()).isZero();
    }

    @Test
    void dryRun_overExistingCalendars_reportsUpdatesAndDeletes_withoutWriting() {
        Issue keep = h.put(issue("MOB", 1));
        Issue gone = h.put(issue("MOB", 2));
        sync();
        h.put(Issues.from(keep).withName("Renamed").build());
        h.source.remove(gone.id());
        int writes = h.store.writes();
        List<CalendarEvent> before = new ArrayList<>(h.owned(MOB).values());

        SyncReport report = service.runFullSync(RunSyncCommand.dryRunOfEverything());

        assertThat(report.outcomes()).extracting(ActionOutcome::action)
                .containsExactly(ActionKind.UPDATE, ActionKind.DELETE);
        assertThat(h.store.writes()).isEqualTo(writes);
        assertThat(h.owned(MOB).values()).containsExactlyElementsOf(before);
    }

    @Test
    void dryRun_reportsEachEventsDay_theNewOneForAnUpdateAndTheOldOneForADelete() {
        Issue moved = h.put(issue("MOB", 1));
        Issue gone = h.put(issue("MOB", 2));
        sync();
        h.put(Issues.from(moved).due(2027, 3, 1).build());
        h.source.remove(gone.id());
        h.put(Issues.from(issue("MOB", 3)).due(2027, 4, 2).build());

        SyncReport report = service.runFullSync(RunSyncCommand.dryRunOfEverything());

        assertThat(report.outcomes()).extracting(ActionOutcome::action, ActionOutcome::date).containsExactlyInAnyOrder(
                tuple(ActionKind.UPDATE, Optional.of(LocalDate.of(2027, 3, 1))),
                tuple(ActionKind.DELETE, gone.targetDate()),
                tuple(ActionKind.CREATE, Optional.of(LocalDate.of(2027, 4, 2))));
    }
}
