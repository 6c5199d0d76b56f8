package io.calplanebot.core.sync;

import io.calplanebot.core.domain.CalendarEvent;
import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.Project;
import io.calplanebot.core.domain.webhook.ChangeAction;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.IssueSnapshot;
import io.calplanebot.core.domain.webhook.ProjectChanged;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.WebhookReceipt.Disposition;
import io.calplanebot.core.testing.Issues;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.calplanebot.core.sync.ServiceHarness.MOB;
import static io.calplanebot.core.sync.SyncFixtures.eventOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes that carry their issue in a signed body: applied without asking the source, and never allowed to put
 * older data over what a webhook or a full sync already applied.
 */
class ChangesFromTheirBodiesTest {
    private static final Instant U1 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant U2 = Instant.parse("2026-11-20T11:00:00Z");
    private static final Instant U3 = Instant.parse("2026-11-20T12:00:00Z");

    private final ServiceHarness h = new ServiceHarness();
    private final ServiceHarness.TestEngine service = h.service();
    private final Issue v1 = Issues.anIssue().withSequenceId(7).withName("Fix login v1").updatedAt(U1).build();
    private int deliveries;

    private static Issue version(Issue issue, String name, Instant at) {
        return Issues.from(issue).withName(name).updatedAt(at).build();
    }

    /** The issue as a signed body carries it: the project holds only its id. */
    private static IssueChanged reported(Issue issue) {
        Project bare = new Project(issue.project().id(), "", "");
        Issue inBody = Issues.from(issue).inProject(bare).build();
        return IssueChanged.reported(ChangeAction.UPDATED, issue.id(), IssueSnapshot.of(inBody));
    }

    private Disposition offer(WebhookNotification notification) {
        byte[] body = (notification + " #" + deliveries++).getBytes(StandardCharsets.UTF_8);
        return service.engine.pipeline().offer(notification, RawWebhook.of(Map.of(), body));
    }

    private CalendarEvent eventNow() {
        return h.owned(MOB).get(eventOf(v1).uid());
    }

    @Test
    void aCompleteBody_isApplied_withoutReadingTheSource_onceItsProjectIsKnown() {
        h.put(v1);
        service.runFullSync(RunSyncCommand.everything());
        int reads = h.source.singleReads();

        Issue v2 = version(v1, "Fix login v2", U2);
        assertThat(offer(reported(v2))).isEqualTo(Disposition.ACCEPTED);

        assertThat(eventNow()).as("the body's data, though the source still says v1").isEqualTo(eventOf(v2));
        assertThat(h.source.singleReads()).as("no read of the source").isEqualTo(reads);
    }

    @Test
    void aChangeRightAfterAFullSync_plansAgainstTheEventTheSyncListed_withoutReadingItBack() {
        h.put(v1);
        service.runFullSync(RunSyncCommand.everything());
        int reads = h.store.eventReads();
        int writes = h.store.writes();

        assertThat(offer(reported(version(v1, "Fix login v2", U2)))).isEqualTo(Disposition.ACCEPTED);

        assertThat(eventNow().summary()).contains("Fix login v2");
        assertThat(h.store.eventReads()).as("the event as the full sync listed it, not read again").isEqualTo(reads);
        assertThat(h.store.writes()).as("one write").isEqualTo(writes + 1);
    }

    @Test
    void aChangeRightAfterAFullSync_usesTheCalendarTheSyncPrepared_withoutListingTheCalendars() {
        h.put(v1);
        service.runFullSync(RunSyncCommand.everything());
        int prepared = h.store.calendarsPrepared();

        offer(reported(version(v1, "Fix login v2", U2)));

        assertThat(eventNow().summary()).contains("Fix login v2");
        assertThat(h.store.calendarsPrepared()).as("the calendar as the full sync prepared it").isEqualTo(prepared);
    }

    @Test
    void aBodyOfAProjectNotYetKnown_readsTheProjectOnce_andNeverTheIssue() {
        h.source.addProject(MOB);

        offer(reported(v1));
        offer(reported(version(v1, "Fix login v2", U2)));

        assertThat(h.source.singleReads()).as("one project read, no issue read").isEqualTo(1);
        assertThat(eventNow().summary()).contains("Fix login v2");
    }

    @Test
    void aBodyOfAProjectThatIsNotMirrored_writesNothing() {
        offer(reported(v1));

        assertThat(h.store.calendars()).isEmpty();
    }

    @Test
    void aBodySayingTheIssueHasNoEvent_removesItsEvent_withoutAskingTheSource() {
        h.put(v1);
        service.runFullSync(RunSyncCommand.everything());
        int reads = h.source.singleReads();

        offer(IssueChanged.reported(ChangeAction.UPDATED, v1.id(), IssueSnapshot.withoutEvent(MOB.id(), U2)));

        assertThat(h.owned(MOB)).isEmpty();
        assertThat(h.source.singleReads()).isEqualTo(reads);
    }

    @Test
    void reorderedDeliveries_theOlderArrivingLast_leaveTheNewerData() {
        h.source.addProject(MOB);
        Issue v3 = version(v1, "Fix login v3", U3);

        offer(reported(v3));
        offer(reported(version(v1, "Fix login v2", U2)));
        offer(reported(v1));

        assertThat(eventNow()).isEqualTo(eventOf(v3));
    }

    @Test
    void aRepeatedBody_isRecognised_andAppliedOnce() {
        h.source.addProject(MOB);
        RawWebhook body = RawWebhook.of(Map.of(), "the same bytes".getBytes(StandardCharsets.UTF_8));

        assertThat(service.engine.pipeline().offer(reported(v1), body)).isEqualTo(Disposition.ACCEPTED);
        assertThat(service.engine.pipeline().offer(reported(v1), body)).isEqualTo(Disposition.DUPLICATE);
        assertThat(h.store.writes()).isEqualTo(1);
    }

    @Test
    void aDeliveryOlderThanWhatAFullSyncApplied_isNotApplied() {
        Issue v2 = version(v1, "Fix login v2", U2);
        h.put(v2);
        service.runFullSync(RunSyncCommand.everything());

        offer(reported(v1));

        assertThat(eventNow()).isEqualTo(eventOf(v2));
        assertThat(service.engine.state().appliedChanges().lastApplied("issue:" + v1.id())).contains(U2);
    }

    @Test
    void aTimelineDrag_thenAnOlderDeliveryWithTheSameUpdatedAt_keepsTheDraggedDate() {
        h.source.addProject(MOB);
        offer(reported(v1));
        Issue dragged = Issues.from(v1).due(2027, 1, 15).build();
        assertThat(dragged.updatedAt()).isEqualTo(v1.updatedAt());
        h.put(dragged);
        service.runFullSync(RunSyncCommand.everything());
        assertThat(eventNow().start()).isEqualTo(LocalDate.of(2027, 1, 15));

        offer(reported(v1));

        assertThat(eventNow().start()).as("the body predates the drag").isEqualTo(LocalDate.of(2027, 1, 15));
    }

    @Test
    void aDeliveryReadFresh_isStillAppliedAtAnEqualUpdatedAt() {
        h.put(v1);
        service.runFullSync(RunSyncCommand.everything());
        Issue dragged = Issues.from(v1).due(2027, 1, 15).build();
        h.put(dragged);

        offer(new IssueChanged(ChangeAction.UPDATED, v1.id(), MOB.id(), Optional.of(U1)));

        assertThat(eventNow().start()).isEqualTo(LocalDate.of(2027, 1, 15));
    }

    @Test
    void aDeliveryApplied_whileAFullSyncRuns_isNotUndoneByTheOlderListing() {
        ScriptedIssueSource source = new ScriptedIssueSource(h.source);
        ServiceHarness.TestEngine racing = h.builder(source).build();
        h.put(v1);
        racing.runFullSync(RunSyncCommand.everything());
        Issue v2 = version(v1, "Fix login v2", U2);
        Issue created = Issues.anIssue().withId("99999999-9999-4999-8999-999999999999").withSequenceId(8)
                .withName("Created during the sync").updatedAt(U2).build();
        source.afterListIssues(() -> {
            racing.apply(reported(v2));
            racing.apply(reported(created));
        });

        racing.runFullSync(RunSyncCommand.everything());

        assertThat(h.owned(MOB)).as("the webhook's newer data and its new event stay")
                .containsEntry(eventOf(v2).uid(), eventOf(v2))
                .containsEntry(eventOf(created).uid(), eventOf(created));
    }

    @Test
    void aChangeWhoseDataPredatesAFullSync_butWhoseWriteEndsDuringIt_doesNotKeepTheSyncFromDeletingItsEvent()
            throws Exception {
        ScriptedIssueSource source = new ScriptedIssueSource(h.source);
        ServiceHarness.TestEngine racing = h.builder(source).build();
        h.put(v1);
        racing.runFullSync(RunSyncCommand.everything());
        Issue created = Issues.anIssue().withId("99999999-9999-4999-8999-999999999999").withSequenceId(8)
                .withName("Deleted soon after").updatedAt(U2).build();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        h.store.beforeNextWrite(store -> {
            writing.countDown();
            awaitQuietly(goOn);
        });
        Thread change = new Thread(() -> racing.apply(reported(created)));
        change.start();
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        source.afterListIssues(() -> {
            goOn.countDown();
            joinQuietly(change);
        });

        racing.runFullSync(RunSyncCommand.everything());

        assertThat(h.owned(MOB)).as("the issue is gone from the listing, which is newer than the change's body")
                .doesNotContainKey(eventOf(created).uid()).containsKey(eventOf(v1).uid());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aProjectRenameRacingAnIssueUpdate_endsWithTheNewNameAndTheNewData_inEitherOrder() {
        h.put(v1);
        service.runFullSync(RunSyncCommand.everything());
        Project renamed = new Project(MOB.id(), MOB.identifier(), "Mobile Apps");
        h.source.addProject(renamed);
        Issue v2 = version(v1, "Fix login v2", U2);

        offer(reported(v2));
        offer(new ProjectChanged(ChangeAction.UPDATED, MOB.id()));
        Issue v3 = version(v1, "Fix login v3", U3);
        offer(reported(v3));

        assertThat(h.store.displayName(h.calendarOf(renamed))).isEqualTo("Plane: Mobile Apps");
        assertThat(h.owned(renamed)).containsEntry(eventOf(v3).uid(),
                eventOf(Issues.from(v3).inProject(renamed).build()));
    }

    @Test
    void anEventEditedByHandAfterTheLastWrite_isStillUpdated_whenTheChangeMeetsTheNewerVersion() {
        h.put(v1);
        service.runFullSync(RunSyncCommand.everything());
        CalendarEvent edited = eventOf(Issues.from(v1).withName("Edited by hand").build());
        h.store.editBehindOurBack(h.calendarOf(MOB), eventOf(v1).identity().resourceName(), edited);
        Issue v2 = version(v1, "Fix login v2", U2);

        offer(reported(v2));

        assertThat(eventNow()).isEqualTo(eventOf(v2));
    }

    @Test
    void anEventDeletedByHandAfterTheLastWrite_isCreatedAgain_byTheNextChangeThatAltersIt() {
        h.put(v1);
        service.runFullSync(RunSyncCommand.everything());
        h.store.deleteBehindOurBack(h.calendarOf(MOB), eventOf(v1).identity().resourceName());

        offer(reported(version(v1, "Fix login v2", U2)));

        assertThat(eventNow().summary()).contains("Fix login v2");
    }
}
