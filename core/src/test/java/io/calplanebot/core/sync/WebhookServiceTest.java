package io.calplanebot.core.sync;

import io.calplanebot.core.domain.Issue;
import io.calplanebot.core.domain.webhook.ChangeAction;
import io.calplanebot.core.domain.webhook.IgnoredEvent;
import io.calplanebot.core.domain.webhook.IssueChanged;
import io.calplanebot.core.domain.webhook.IssueDeleted;
import io.calplanebot.core.domain.webhook.ProjectChanged;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.domain.webhook.WebhookRejectedException;
import io.calplanebot.core.port.in.WebhookReceipt;
import io.calplanebot.core.port.in.WebhookReceipt.Disposition;
import io.calplanebot.core.port.out.SyncListener;
import io.calplanebot.core.port.out.TaskScheduler;
import io.calplanebot.core.testing.InMemoryCalendarStore;
import io.calplanebot.core.testing.InMemoryIssueSource;
import io.calplanebot.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import io.calplanebot.core.port.out.IssueWebhookDecoder;
import io.calplanebot.core.testing.Issues;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.calplanebot.core.sync.ServiceHarness.MOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookServiceTest {

    /**
     * Reads bodies like {@code issue updated <id> <project> [<updated at>]}, {@code issue deleted <id>},
     * {@code project updated <id>},
     * {@code cycle created}; a body starting with {@code bad-signature} is refused, anything else is malformed.
     */
    private static final IssueWebhookDecoder DECODER = webhook -> {
        String[] words = new String(webhook.body(), StandardCharsets.UTF_8).split(" ");
        if (words[0].equals("bad-signature")) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.INVALID_SIGNATURE, "Invalid signature");
        }
        if (words.length >= 2 && words[0].equals("issue") && words[1].equals("deleted")) {
            return new IssueDeleted(words[2], Optional.empty());
        }
        if (words.length >= 4 && words[0].equals("issue")) {
            return new IssueChanged(ChangeAction.valueOf(words[1].toUpperCase(java.util.Locale.ROOT)), words[2], words[3],
                    words.length >= 5 ? Optional.of(Instant.parse(words[4])) : Optional.empty());
        }
        if (words.length >= 3 && words[0].equals("project")) {
            return new ProjectChanged(ChangeAction.valueOf(words[1].toUpperCase(java.util.Locale.ROOT)), words[2]);
        }
        if (words.length == 2 && !words[0].equals("issue")) {
            return new IgnoredEvent(words[0], words[1]);
        }
        throw WebhookRejectedException.missingField("data.id");
    };

    private final List<WebhookNotification> dispatched = new ArrayList<>();
    private final List<String> heard = new ArrayList<>();
    private final SyncListener listener = new SyncListener() {
        @Override
        public void webhookReceived(WebhookReceipt receipt) {
            heard.add(receipt.disposition().name());
        }

        @Override
        public void webhookRejected(WebhookRejectedException rejection) {
            heard.add("REJECTED " + rejection.reason());
        }
    };
    private final ChangePipeline pipeline = new ChangePipeline(dispatched::add, TaskScheduler.IMMEDIATE,
            new MutableClock(Instant.parse("2026-11-27T10:00:00Z")), SyncListener.NONE, PipelineTiming.IMMEDIATE,
            new io.calplanebot.core.state.InMemoryStateStore(), "here", Duration.ofMinutes(2));
    private final WebhookService service = new WebhookService(new RuntimeHolder(SyncRuntime.of(
            new InMemoryIssueSource(), new InMemoryCalendarStore(), SyncFixtures.MAPPER).withDecoder(DECODER)),
            pipeline, listener);

    private static RawWebhook raw(String body) {
        return RawWebhook.of(Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void handle_acceptsAnIssueChange_andDispatchesIt() {
        WebhookReceipt receipt = service.handle(raw("issue updated i-1 p-1"));

        assertThat(receipt.disposition()).isEqualTo(Disposition.ACCEPTED);
        assertThat(receipt.event()).isEqualTo("issue");
        assertThat(receipt.action()).isEqualTo("updated");
        assertThat(receipt.issueId()).contains("i-1");
        assertThat(dispatched).containsExactly(new IssueChanged(ChangeAction.UPDATED, "i-1", "p-1", Optional.empty()));
    }

    @Test
    void handle_acceptsADeletionAndAProjectChange() {
        assertThat(service.handle(raw("issue deleted i-9")).issueId()).contains("i-9");
        WebhookReceipt project = service.handle(raw("project updated p-1"));
        assertThat(project.disposition()).isEqualTo(Disposition.ACCEPTED);
        assertThat(project.issueId()).isEmpty();
        assertThat(dispatched).hasSize(2);
    }

    @Test
    void handle_tellsAChangeOlderThanOneApplied_asOutdated_onceAndWithoutDispatchingIt() {
        service.handle(raw("issue updated i-1 p-1 2026-11-27T10:00:05Z"));

        WebhookReceipt older = service.handle(raw("issue updated i-1 p-1 2026-11-27T10:00:01Z"));

        assertThat(older.disposition()).isEqualTo(Disposition.OUTDATED);
        assertThat(older.issueId()).contains("i-1");
        assertThat(dispatched).containsExactly(new IssueChanged(ChangeAction.UPDATED, "i-1", "p-1",
                Optional.of(Instant.parse("2026-11-27T10:00:05Z"))));
        assertThat(heard).containsExactly("ACCEPTED", "OUTDATED");
    }

    @Test
    void handle_marksAnExactRepeatAsDuplicate_andDispatchesItOnce() {
        service.handle(raw("issue updated i-1 p-1"));

        WebhookReceipt again = service.handle(raw("issue updated i-1 p-1"));

        assertThat(again.disposition()).isEqualTo(Disposition.DUPLICATE);
        assertThat(again.issueId()).contains("i-1");
        assertThat(dispatched).hasSize(1);
    }

    @Test
    void handle_acceptsADifferentBody_forTheSameIssue() {
        service.handle(raw("issue updated i-1 p-1"));
        service.handle(raw("issue updated i-1 p-1 "));
        assertThat(dispatched).hasSize(2);
    }

    @Test
    void handle_ignoresEventsWeDoNotMirror_withoutDispatching() {
        WebhookReceipt receipt = service.handle(raw("cycle created"));

        assertThat(receipt.disposition()).isEqualTo(Disposition.IGNORED);
        assertThat(receipt.event()).isEqualTo("cycle");
        assertThat(receipt.action()).isEqualTo("created");
        assertThat(service.handle(raw("cycle created")).disposition()).isEqualTo(Disposition.IGNORED);
        assertThat(dispatched).isEmpty();
    }

    @Test
    void handle_letsTheDecodersRejectionThrough_andDispatchesNothing() {
        assertThatThrownBy(() -> service.handle(raw("bad-signature issue updated i-1 p-1")))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.INVALID_SIGNATURE));
        assertThatThrownBy(() -> service.handle(raw("issue")))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.MISSING_FIELD);
                    assertThat(e.field()).contains("data.id");
                });
        assertThat(dispatched).isEmpty();
    }

    @Test
    void handle_doesNotRememberARejectedDelivery_asAlreadySeen() {
        assertThatThrownBy(() -> service.handle(raw("bad-signature x"))).isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> service.handle(raw("bad-signature x"))).isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void handle_refusesADelivery_theClosedPipelineCannotTake_andDoesNotCountItAsTaken() {
        pipeline.close();

        assertThatThrownBy(() -> service.handle(raw("issue updated i-1 p-1"))).hasMessageContaining("shutting down");

        assertThat(dispatched).isEmpty();
        assertThat(heard).isEmpty();
    }

    @Test
    void handle_tellsTheListenerAboutEveryDelivery_takenOrRefused() {
        service.handle(raw("issue updated i-1 p-1"));
        service.handle(raw("issue updated i-1 p-1"));
        service.handle(raw("cycle created"));
        assertThatThrownBy(() -> service.handle(raw("bad-signature x"))).isInstanceOf(WebhookRejectedException.class);

        assertThat(heard).containsExactly("ACCEPTED", "DUPLICATE", "IGNORED", "REJECTED INVALID_SIGNATURE");
    }

    @Test
    void handle_byDefault_mirrorsTheIssueIntoTheCalendarAtOnce() {
        ServiceHarness h = new ServiceHarness();
        Issue issue = h.put(Issues.anIssue().withSequenceId(4).withName("From a webhook").build());
        SyncEngine sync = SyncEngine.builder().issueSource(h.source).calendarStore(h.store).mapper(SyncFixtures.MAPPER)
                .webhookDecoder(DECODER).clock(h.clock).build();

        sync.webhooks().handle(raw("issue created " + issue.id() + " " + MOB.id()));

        assertThat(h.owned(MOB)).hasSize(1);
        assertThat(h.owned(MOB).values().iterator().next().summary()).isEqualTo("[4] From a webhook");
        assertThat(sync.status().health().eventsCreated()).isEqualTo(1);
    }
}
