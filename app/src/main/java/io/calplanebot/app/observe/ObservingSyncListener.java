package io.calplanebot.app.observe;

import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.ChangeResult;
import io.calplanebot.core.port.in.SyncCounts;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.out.SyncListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/** Turns what the sync service does into log lines (the spec's wording) and Micrometer metrics. */
public final class ObservingSyncListener implements SyncListener {
    private static final Logger LOG = LoggerFactory.getLogger("io.calplanebot.sync");

    private final MeterRegistry registry;

    public ObservingSyncListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void syncStarted(String syncId, boolean dryRun) {
        LOG.info("Sync started: sync_id={}{}", syncId, dryRun ? " (dry run)" : "");
    }

    @Override
    public void actionCompleted(ActionOutcome outcome) {
        Counter.builder("calplanebot_events_total")
                .description("Event writes by action and outcome")
                .tag("action", lower(outcome.action().name()))
                .tag("outcome", lower(outcome.outcome().name()))
                .register(registry).increment();
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
            Counter.builder("calplanebot_sync_runs_total").description("Full sync runs by result")
                    .tag("result", report.result().wireName()).register(registry).increment();
            Timer.builder("calplanebot_sync_duration").description("Duration of full sync runs")
                    .register(registry).record(report.duration());
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
        Counter.builder("calplanebot_changes_applied_total").description("Webhook changes applied")
                .tag("event", notification.event()).tag("result", result.failed() ? "failed" : "ok")
                .register(registry).increment();
        LOG.info("Change applied: event={}, action={}, writes={}{}", notification.event(), notification.action(),
                result.outcomes().size(), result.note().map(n -> " (" + n + ")").orElse(""));
    }

    @Override
    public void changeFailed(WebhookNotification notification, RuntimeException error) {
        Counter.builder("calplanebot_changes_applied_total").description("Webhook changes applied")
                .tag("event", notification.event()).tag("result", "error")
                .register(registry).increment();
        LOG.warn("Change failed: event={}, action={}: {}", notification.event(), notification.action(),
                error.getMessage());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
