package io.calplanebot.app.cli;

import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.out.SyncListener;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Prints each write of a running sync as it happens, numbered, so a long first sync shows progress. */
final class ProgressPrinter implements SyncListener {
    private final PrintWriter out;
    private final SyncListener next;
    private final AtomicInteger done = new AtomicInteger();

    ProgressPrinter(PrintWriter out, SyncListener next) {
        this.out = out;
        this.next = next;
    }

    @Override
    public void syncStarted(String syncId, boolean dryRun) {
        next.syncStarted(syncId, dryRun);
        out.println(dryRun ? "Planning (dry run, nothing is written)..." : "Syncing...");
        out.flush();
    }

    @Override
    public void actionCompleted(ActionOutcome outcome) {
        next.actionCompleted(outcome);
        out.printf(Locale.ROOT, "  %4d  %-9s %s%s%n", done.incrementAndGet(),
                outcome.outcome().name().toLowerCase(Locale.ROOT), outcome.summary(),
                outcome.reason().map(r -> "  (" + r + ")").orElse(""));
        out.flush();
    }

    @Override
    public void syncFinished(io.calplanebot.core.port.in.SyncReport report) {
        next.syncFinished(report);
    }
}
