package io.calplanebot.app.observe;

import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.domain.webhook.WebhookRejectedException;
import io.calplanebot.core.port.in.ActionKind;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.ChangeResult;
import io.calplanebot.core.port.in.OutcomeKind;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.SyncCounts;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.WebhookReceipt;
import io.calplanebot.core.port.out.SyncListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns what the core reports into log lines (the spec's wording) and Micrometer metrics. Every series exists from
 * start-up (at 0), and label values are words a user reads.
 */
public final class ObservingSyncListener implements SyncListener {
    private static final Logger LOG = LoggerFactory.getLogger("io.calplanebot.sync");
    private static final Logger WEBHOOK_LOG = LoggerFactory.getLogger("io.calplanebot.webhook");

    /** The targets the service may write to; their series exist from start-up. */
    private static final List<String> KNOWN_TARGETS = List.of("builtin", "caldav");

    private final MeterRegistry registry;
    private final AtomicLong lastSuccess = new AtomicLong();
    private final AtomicInteger pending = new AtomicInteger();
    private final Map<String, AtomicInteger> writesAtOnce = new ConcurrentHashMap<>();

    public ObservingSyncListener(MeterRegistry registry) {
        this.registry = registry;
        for (RunResult result : RunResult.values()) {
            runs(result.wireName());
        }
        duration();
        for (String target : KNOWN_TARGETS) {
            for (ActionKind action : ActionKind.values()) {
                for (OutcomeKind outcome : OutcomeKind.values()) {
                    events(target, lower(action.name()), lower(outcome.name()));
                }
            }
            targetRuns(target, RunResult.SUCCESS.wireName());
        }
        writesAtOnce("caldav"); // the built-in store is written one event at a time: it has no such number
        for (WebhookReceipt.Disposition disposition : WebhookReceipt.Disposition.values()) {
            webhooks(lower(disposition.name()));
        }
        for (WebhookRejectedException.Reason reason : WebhookRejectedException.Reason.values()) {
            webhooks("rejected_" + lower(reason.name()));
        }
        for (String event : new String[] {"issue", "project"}) {
            for (String result : new String[] {"ok", "failed", "error"}) {
                changes(event, result);
            }
        }
        takenOver();
        Gauge.builder("calplanebot_last_successful_sync_timestamp_seconds", lastSuccess, AtomicLong::get)
                .description("When the last full sync that succeeded ended (Unix time; 0: none yet)")
                .register(registry);
        Gauge.builder("calplanebot_webhook_changes_pending", pending, AtomicInteger::get)
                .description("Webhook changes accepted and not yet applied").register(registry);
    }

    @Override
    public void syncStarted(String syncId, boolean dryRun) {
        LOG.info("Sync started: sync_id={}{}", syncId, dryRun ? " (dry run)" : "");
    }

    @Override
    public void actionCompleted(ActionOutcome outcome) {
        events(outcome.target(), lower(outcome.action().name()), lower(outcome.outcome().name())).increment();
        if (outcome.failed()) {
            LOG.warn("Event {} failed: {} {}: {}", lower(outcome.action().name()), outcome.uid(), outcome.summary(),
                    outcome.reason().orElse(""));
        } else {
            LOG.debug("Event {}: {} {}", lower(outcome.outcome().name()), outcome.uid(), outcome.summary());
        }
    }

    @Override
    public void syncFinished(SyncReport report) {
        SyncCounts counts = report.counts();
        if (!report.dryRun()) {
            runs(report.result().wireName()).increment();
            duration().record(report.duration());
            report.targets().forEach(target -> targetRuns(target.target(), target.result().wireName()).increment());
            if (report.result() == RunResult.SUCCESS) {
                lastSuccess.set(report.startedAt().plus(report.duration()).getEpochSecond());
            }
        }
        LOG.info("Sync completed: {} created, {} updated, {} deleted, {} unchanged, {} failed ({}, {} s)",
                counts.created(), counts.updated(), counts.deleted(), counts.unchanged(), counts.failed(),
                report.result().wireName(), String.format(Locale.ROOT, "%.2f", report.duration().toMillis() / 1000.0));
        for (String error : report.errors()) {
            LOG.error("Sync problem: {}", error);
        }
    }

    @Override
    public void changeApplied(WebhookNotification notification, ChangeResult result) {
        changes(notification.event(), result.failed() ? "failed" : "ok").increment();
        LOG.info("Change applied: event={}, action={}, writes={}{}", notification.event(), notification.action(),
                result.outcomes().size(), result.note().map(n -> " (" + n + ")").orElse(""));
    }

    @Override
    public void changeFailed(WebhookNotification notification, RuntimeException error) {
        changes(notification.event(), "error").increment();
        LOG.warn("Change failed: event={}, action={}: {}", notification.event(), notification.action(),
                error.getMessage());
    }

    @Override
    public void changeSkipped(WebhookNotification notification, String why) {
        WEBHOOK_LOG.info("Webhook dropped: event={}, action={}: {}", notification.event(), notification.action(), why);
    }

    @Override
    public void changeAbandoned(WebhookNotification notification, int attempts, RuntimeException lastError) {
        LOG.error("Applying a change failed {} times; the next full sync will reconcile it: event={}, action={}: {}",
                attempts, notification.event(), notification.action(), lastError.getMessage());
    }

    @Override
    public void abandonedSyncRestarted(String syncId) {
        LOG.warn("The full sync {} stopped unfinished (its process died); a new full sync started here", syncId);
    }

    @Override
    public void deliveriesTakenOver(int count) {
        takenOver().increment(count);
        WEBHOOK_LOG.info("Webhook deliveries taken over from the inbox: {} (left by a process that stopped before"
                + " applying them)", count);
    }

    @Override
    public void webhookReceived(WebhookReceipt receipt) {
        webhooks(lower(receipt.disposition().name())).increment();
        WEBHOOK_LOG.info("Webhook received: event={}, action={}, issue_id={}, {}", receipt.event(), receipt.action(),
                receipt.issueId().orElse("-"), lower(receipt.disposition().name()));
    }

    @Override
    public void webhookRejected(WebhookRejectedException rejection) {
        webhooks("rejected_" + lower(rejection.reason().name())).increment();
        WEBHOOK_LOG.warn("Webhook rejected: {}", rejection.getMessage());
    }

    @Override
    public void pendingChanges(int count) {
        pending.set(count);
    }

    @Override
    public void writesAtOnce(String target, int writes) {
        if (writesAtOnce(target).getAndSet(writes) != writes) {
            LOG.debug("Writes at once to {}: {}", target, writes);
        }
    }

    private AtomicInteger writesAtOnce(String target) {
        return writesAtOnce.computeIfAbsent(target, name -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("calplanebot_sync_writes_at_once", value, AtomicInteger::get)
                    .description("How many writes a full sync carries out at once on a CalDAV server: 4, fewer "
                            + "after it was found unreachable (0: no full sync yet)")
                    .tag("target", name).register(registry);
            return value;
        });
    }

    private Counter runs(String result) {
        return Counter.builder("calplanebot_sync_runs_total").description("Full sync runs by result")
                .tag("result", result).register(registry);
    }

    private Timer duration() {
        return Timer.builder("calplanebot_sync_duration").description("Duration of full sync runs").register(registry);
    }

    private Counter events(String target, String action, String outcome) {
        return Counter.builder("calplanebot_events_total").description("Event writes by target, action and outcome")
                .tag("target", target).tag("action", action).tag("outcome", outcome).register(registry);
    }

    private Counter targetRuns(String target, String result) {
        return Counter.builder("calplanebot_target_syncs_total")
                .description("Full syncs of each target by result (a target that fails never blocks the others)")
                .tag("target", target).tag("result", result).register(registry);
    }

    private Counter takenOver() {
        return Counter.builder("calplanebot_webhooks_taken_over_total")
                .description("Webhook deliveries taken over from the inbox after the process that took them stopped")
                .register(registry);
    }

    private Counter webhooks(String outcome) {
        return Counter.builder("calplanebot_webhooks_total").description("Webhook deliveries by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private Counter changes(String event, String result) {
        return Counter.builder("calplanebot_changes_applied_total").description("Webhook changes applied")
                .tag("event", event).tag("result", result).register(registry);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
