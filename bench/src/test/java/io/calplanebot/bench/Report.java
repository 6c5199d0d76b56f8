package io.calplanebot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's results as Markdown tables, with ratios against the raw floor of the same run. */
final class Report {
    private final List<String> servers = new ArrayList<>();
    private final List<String> service = new ArrayList<>();
    private final String heading;

    Report(String heading) {
        this.heading = heading;
    }

    static String f(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }

    /** One server's sync figures. */
    void server(String name, double floorSequential, double floorParallel, Timed initial, Timed noop,
                Timed vdirInitial, Timed vdirNoop, double listing, int planeInitial, int planeNoop, int events) {
        double floor = Math.min(floorSequential, floorParallel);
        servers.add(String.format(Locale.ROOT, "| %s | %d | %s / %s | %s (%s) | %s | %s (%s) | %s | %s | %s / %s | "
                        + "%s / %s | %s / %s | %d / %d |",
                name, events, f(floorSequential), f(floorParallel),
                f(initial.wallSeconds()), ratioAndOwnSeconds(initial.wallSeconds() / floor, initial),
                f(vdirInitial.wallSeconds()),
                f(noop.wallSeconds()), ratioAndOwnSeconds(noop.wallSeconds() / Math.max(listing, 0.001), noop),
                f(vdirNoop.wallSeconds()),
                f(listing), f(initial.cpuSeconds()), f(noop.cpuSeconds()),
                f(vdirInitial.cpuSeconds()), f(vdirNoop.cpuSeconds()),
                f(initial.peakRssMb()), f(noop.peakRssMb()), planeInitial, planeNoop));
    }

    /** A ratio, and the sync's own seconds from its summary table ({@link Timed#syncSeconds}). */
    private static String ratioAndOwnSeconds(double ratio, Timed run) {
        return f(ratio) + "×; sync " + f(run.syncSeconds()) + " s";
    }

    void service(String what, String value) {
        service.add("| " + what + " | " + value + " |");
    }

    String markdown() {
        StringBuilder out = new StringBuilder(heading).append("\n\n");
        out.append("| server | events | raw floor s (1 / 4 connections) | CalPlaneBot initial s (× floor; the sync's own s) | "
                + "vdirsyncer initial s | CalPlaneBot no-op s (× listing; the sync's own s, from its summary) | vdirsyncer no-op s | ETag listing s | "
                + "CalPlaneBot CPU s (initial / no-op) | vdirsyncer CPU s (initial / no-op) | "
                + "CalPlaneBot peak RSS MB (initial / no-op) | Plane requests (initial / no-op) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        servers.forEach(line -> out.append(line).append('\n'));
        if (!service.isEmpty()) {
            out.append("\n| figure | measured |\n|---|---|\n");
            service.forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }
}
