package io.calplanebot.bench;

import com.sun.management.OperatingSystemMXBean;
import io.calplanebot.adapter.caldav.AuthType;
import io.calplanebot.adapter.caldav.testing.CalDavServer;
import io.calplanebot.adapter.caldav.testing.CalDavServerKind;
import io.calplanebot.adapter.caldav.testing.CalDavServers;
import io.calplanebot.sample.FakePlane;
import io.calplanebot.sample.PlaneWebhookSender;
import io.calplanebot.sample.WebhookDelivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark (docs/benchmarks.md): on each real CalDAV server, the fake Plane serves N issues in 5 projects and
 * one run measures the raw floor (the product's own events PUT one by one, and over 4 connections, into fresh
 * calendars), {@code calplanebot sync} in a fresh JVM (initial, then with nothing changed), vdirsyncer pushing the
 * same events (initial and no-op), the ETag listing of the product's calendars, client CPU and peak RSS, and Plane
 * requests per sync. On the first server it then starts {@code calplanebot serve} and measures start-up, full syncs
 * inside it (with nothing changed, then writing every event again), webhook to event latency and webhook intake.
 * Sizes come from system properties ({@code bench.issues}, {@code bench.servers}, {@code bench.webhooks},
 * {@code bench.intake}, {@code bench.rewriteRuns}); the Markdown result goes to {@code bench.out}. Nothing here
 * asserts a timing: only that every part ran and wrote what it should.
 */
class BenchmarkIT {
    private static final int PROJECTS = 5;
    private static final int FLOOR_CONNECTIONS = 4;
    private static final int INTAKE_ISSUES = 50;

    @TempDir
    Path work;

    private final int issues = Integer.getInteger("bench.issues", 40);
    private final List<String> servers = List.of(System.getProperty("bench.servers", "radicale,davical")
            .split(","));
    private final int webhooks = Integer.getInteger("bench.webhooks", 20);
    private final int intake = Integer.getInteger("bench.intake", 300);
    /** Bursts of webhook intake, each of {@code intake} new deliveries: the first one warms the JIT up. */
    private final int intakeBursts = Math.max(1, Integer.getInteger("bench.intakeBursts", 2));
    private final int warmRuns = Math.max(1, Integer.getInteger("bench.warmRuns", 3));
    /** Full syncs inside the service that write every event again (the first one also warms the JIT up). */
    private final int rewriteRuns = Math.max(0, Integer.getInteger("bench.rewriteRuns", 4));
    /** Whether the raw floor and vdirsyncer are measured too (off for a long run of the product alone). */
    private final boolean references = Boolean.parseBoolean(System.getProperty("bench.references", "true"));
    private final Path jar = Path.of(System.getProperty("bench.jar", "../app/target/calplanebot.jar"));
    private final Path launcherSource = Path.of(System.getProperty("bench.launcher", "../app/src/dist/calplanebot"));
    /** The release archive's launcher beside the jar, as a user runs the product (with its JVM defaults). */
    private Path launcher;
    private final Path out = Path.of(System.getProperty("bench.out", "target/benchmark.md"));
    /** The fake Plane's project ids, in the order they were made. */
    private final List<String> projects = new ArrayList<>();

    @Test
    void measuresTheProductAgainstTheRawFloorAndVdirsyncer_onRealServers() throws Exception {
        assertThat(jar).as("the runnable jar (mvn package -pl app -am)").exists();
        Path release = Files.createDirectories(work.resolve("release"));
        Files.copy(jar, release.resolve("calplanebot.jar"));
        launcher = Files.copy(launcherSource, release.resolve("calplanebot"));
        Report report = new Report(String.format(Locale.ROOT, "### %s, %d issues in %d projects, machine: %d cores, "
                        + "Java %s",
                ZonedDateTime.now(ZoneOffset.UTC).toLocalDate(), issues, PROJECTS,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        boolean first = true;
        for (String name : servers) {
            CalDavServerKind kind = CalDavServerKind.valueOf(name.strip().toUpperCase(Locale.ROOT));
            try (CalDavServer server = CalDavServers.start(kind, AuthType.BASIC); FakePlane plane = FakePlane.start()) {
                List<String> ids = populate(plane);
                measureSyncs(report, kind, server, plane);
                if (first) {
                    measureService(report, server, plane, ids);
                    first = false;
                }
            }
        }
        String markdown = report.markdown();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        System.out.println(markdown);
    }

    private List<String> populate(FakePlane plane) {
        plane.faults().rateLimit(60, Duration.ofMinutes(1));
        List<String> ids = new ArrayList<>();
        projects.clear();
        for (int p = 0; p < PROJECTS; p++) {
            projects.add(plane.addProject("P" + p, "Project " + p));
        }
        for (int i = 0; i < issues; i++) {
            int n = i;
            ids.add(plane.addIssue(projects.get(i % PROJECTS), d -> d.name("Issue " + n)
                    .descriptionHtml("<p>Work item <strong>" + n + "</strong>: check the <em>details</em>.</p>")
                    .priority(n % 3 == 0 ? "high" : "medium")
                    .targetDate(LocalDate.of(2026, 12, 1).plusDays(n % 90))));
        }
        return ids;
    }

    private Map<String, String> productEnv(CalDavServer server, FakePlane plane, Path data) {
        Map<String, String> env = new HashMap<>();
        env.put("PLANE_BASE_URL", plane.baseUrl());
        env.put("PLANE_API_TOKEN", plane.apiKey());
        env.put("PLANE_WORKSPACE_SLUG", plane.workspaceSlug());
        env.put("CALDAV_URL", server.calendarHomeUrl());
        env.put("CALDAV_USERNAME", server.user());
        env.put("CALDAV_PASSWORD", server.password());
        env.put("CALDAV_AUTH_TYPE", "basic");
        env.put("DATA_DIR", data.toString());
        env.put("LOG_DIR", data.resolve("logs").toString());
        String profile = System.getProperty("bench.syncJavaOptions", "");
        if (!profile.isBlank()) {
            env.put("JAVA_OPTS", profile);
        }
        return env;
    }

    private void measureSyncs(Report report, CalDavServerKind kind, CalDavServer server, FakePlane plane)
            throws Exception {
        Path data = Files.createDirectories(work.resolve(kind.name().toLowerCase(Locale.ROOT) + "-sync"));
        Map<String, String> env = productEnv(server, plane, data);
        List<String> sync = List.of("bash", launcher.toString(), "sync");

        // The initial sync without a class-data archive (the launcher would make one at its exit, see
        // docs/operations.md): the sync alone, as before archives. The next run makes the archive and is reported
        // on its own line; the measured no-op after it maps the archive, as every later run of a user's does.
        Map<String, String> withoutArchive = new HashMap<>(env);
        withoutArchive.put("CALPLANEBOT_CLASS_ARCHIVE", "off");
        plane.clearRequests();
        Timed initial = Timed.run(sync, withoutArchive, work);
        assertThat(initial.exitCode()).as(initial.output()).isZero();
        assertThat(initial.syncSeconds()).as("the initial sync's own seconds, from its summary table:\n"
                + initial.output()).isNotNaN().isLessThanOrEqualTo(initial.wallSeconds());
        int planeInitial = plane.requests().size();
        Timed archiving = Timed.run(sync, env, work);
        assertThat(archiving.exitCode()).as(archiving.output()).isZero();
        if (!env.getOrDefault("JAVA_OPTS", "").contains("agent")) {
            // with a profiler's agent loaded, the launcher makes no archive (Java refuses to)
            assertThat(launcher.resolveSibling("calplanebot-sync.jsa")).as("the sync's class-data archive")
                    .isRegularFile();
        }
        report.service("`sync` with nothing changed on " + kind.name().toLowerCase(Locale.ROOT)
                        + " that makes the class-data archive (a command's first run): wall / CPU / peak RSS",
                Report.f(archiving.wallSeconds()) + " s / " + Report.f(archiving.cpuSeconds()) + " s / "
                        + Report.f(archiving.peakRssMb()) + " MB");
        plane.clearRequests();
        Timed noop = Timed.run(sync, env, work);
        assertThat(noop.exitCode()).as(noop.output()).isZero();
        assertThat(noop.syncSeconds()).as("the no-op's own seconds, from its summary table:\n" + noop.output())
                .isNotNaN().isLessThanOrEqualTo(noop.wallSeconds());
        int planeNoop = plane.requests().size();
        System.out.println("no-op sync on " + kind + " (" + noop.wallSeconds() + " s):\n" + noop.output());
        String noopProfile = System.getProperty("bench.noopJavaOptions", "");
        if (!noopProfile.isBlank()) {
            // one more no-op, not measured, under the given JVM options (e.g. a profiler's agent)
            Map<String, String> profiled = new HashMap<>(env);
            profiled.put("JAVA_OPTS", noopProfile);
            Timed extra = Timed.run(sync, profiled, work);
            System.out.println("profiled no-op sync on " + kind + " (" + extra.wallSeconds() + " s, exit "
                    + extra.exitCode() + ")");
        }

        Dav dav = new Dav(server.user(), server.password());
        URI home = URI.create(server.calendarHomeUrl().endsWith("/") ? server.calendarHomeUrl()
                : server.calendarHomeUrl() + "/");
        List<URI> calendars = new ArrayList<>();
        List<List<String>> bodiesByProject = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (String project : projects) {
            URI calendar = home.resolve("plane-" + project + "/");
            calendars.add(calendar);
            List<String> inProject = new ArrayList<>(dav.events(calendar).values());
            bodiesByProject.add(inProject);
            bodies.addAll(inProject);
        }
        assertThat(bodies).as("every issue has its event on " + kind).hasSize(issues);

        long listingStart = System.nanoTime();
        int listed = 0;
        for (URI calendar : calendars) {
            listed += dav.etags(calendar);
        }
        double listing = (System.nanoTime() - listingStart) / 1e9;
        assertThat(listed).isEqualTo(issues);

        if (!references) {
            Timed none = new Timed(Double.NaN, Double.NaN, Double.NaN, 0, "");
            report.server(kind.name().toLowerCase(Locale.ROOT), Double.NaN, Double.NaN, initial, noop, none, none,
                    listing, planeInitial, planeNoop, issues);
            return;
        }
        // the same events in the same layout: one calendar per project, as the product writes them
        List<Double> putMillis = Collections.synchronizedList(new ArrayList<>());
        long jvmBefore = benchmarkCpuNanos();
        FloorRun sequential = putAll(dav, home, "floor-1-", bodiesByProject, 1, putMillis);
        long jvmBetween = benchmarkCpuNanos();
        FloorRun parallel = putAll(dav, home, "floor-" + FLOOR_CONNECTIONS + "-", bodiesByProject,
                FLOOR_CONNECTIONS, Collections.synchronizedList(new ArrayList<>()));
        long jvmAfter = benchmarkCpuNanos();
        double floorSequential = sequential.nanos() / 1e9;
        double floorParallel = parallel.nanos() / 1e9;
        assertThat(sequential.clientCpuNanos()).as("the raw floor's sending threads used CPU").isPositive();
        report.service("the raw floor's client on " + kind.name().toLowerCase(Locale.ROOT) + ": CPU per PUT, "
                        + "one connection / " + FLOOR_CONNECTIONS + " (Java's HTTP client in the benchmark's warm "
                        + "JVM: the sending threads and the client's selector thread; in brackets the whole JVM's, "
                        + "every thread of it)",
                Report.f(sequential.clientCpuNanos() / 1e6 / issues) + " ms ("
                        + Report.f((jvmBetween - jvmBefore) / 1e6 / issues) + " ms) / "
                        + Report.f(parallel.clientCpuNanos() / 1e6 / issues) + " ms ("
                        + Report.f((jvmAfter - jvmBetween) / 1e6 / issues) + " ms)");
        List<Double> sortedPuts = new ArrayList<>(putMillis);
        Collections.sort(sortedPuts);
        assertThat(sortedPuts).as("one duration per PUT of the sequential floor").hasSize(issues);
        report.service("the server's own PUT on " + kind.name().toLowerCase(Locale.ROOT) + ", one at a time on a "
                        + "kept-alive connection (the sequential raw floor's " + issues + " new events: p50 / p99 / max)",
                Report.f(percentile(sortedPuts, 50)) + " ms / " + Report.f(percentile(sortedPuts, 99)) + " ms / "
                        + Report.f(sortedPuts.get(sortedPuts.size() - 1)) + " ms");

        List<String> collections = new ArrayList<>();
        for (int p = 0; p < bodiesByProject.size(); p++) {
            collections.add("vdirsyncer-" + p);
            dav.mkcalendar(home.resolve("vdirsyncer-" + p + "/"));
        }
        Vdirsyncer vdirsyncer = Vdirsyncer.prepare(work.resolve(kind.name()), collections, bodiesByProject, home,
                server.user(), server.password());
        Timed vdirInitial = vdirsyncer.sync();
        Timed vdirNoop = vdirsyncer.sync();
        int uploaded = 0;
        for (String collection : collections) {
            uploaded += dav.etags(home.resolve(collection + "/"));
        }
        assertThat(uploaded).as("vdirsyncer uploaded every event").isEqualTo(issues);

        report.server(kind.name().toLowerCase(Locale.ROOT), floorSequential, floorParallel, initial, noop,
                vdirInitial, vdirNoop, listing, planeInitial, planeNoop, issues);
    }

    /**
     * The machine's busy and total clock ticks so far, summed over its cores (the {@code cpu} line of
     * {@code /proc/stat}; idle and waiting for the disk count as not busy).
     */
    private static long[] machineTicks() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(fields.length, 9); i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[] {total - idle, total};
    }

    /** The CPU time (user and system, every thread) the benchmark's own JVM has used so far. */
    private static long benchmarkCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * The CPU that the threads of Java's HTTP clients that serve their connections
     * ({@code HttpClient-N-SelectorManager}) used so far.
     */
    private static long selectorCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("HttpClient-") && thread.getName().endsWith("-SelectorManager")) {
                sum += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return sum;
    }

    /**
     * One raw floor: the nanoseconds it took, and the CPU its sending threads and the HTTP clients' selector threads
     * used meanwhile.
     */
    private record FloorRun(long nanos, long clientCpuNanos) {
    }

    /**
     * PUTs every body into new calendars ({@code prefix} and the project's number), over {@code connections}
     * connections. Each PUT's milliseconds are added to {@code putMillis}.
     */
    private static FloorRun putAll(Dav dav, URI home, String prefix, List<List<String>> bodiesByProject,
                                 int connections, List<Double> putMillis) throws Exception {
        List<URI> targets = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int p = 0; p < bodiesByProject.size(); p++) {
            URI calendar = home.resolve(prefix + p + "/");
            dav.mkcalendar(calendar);
            for (int i = 0; i < bodiesByProject.get(p).size(); i++) {
                targets.add(calendar.resolve("floor-" + i + ".ics"));
                bodies.add(bodiesByProject.get(p).get(i));
            }
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong sendersCpu = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long selectorBefore = selectorCpuNanos();
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                done.add(pool.submit(() -> {
                    long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        long put = System.nanoTime();
                        dav.put(targets.get(i), bodies.get(i));
                        putMillis.add((System.nanoTime() - put) / 1e6);
                    }
                    sendersCpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdown();
        }
        return new FloorRun(System.nanoTime() - start, sendersCpu.get() + selectorCpuNanos() - selectorBefore);
    }

    private void measureService(Report report, CalDavServer server, FakePlane plane, List<String> ids)
            throws Exception {
        String secret = PlaneWebhookSender.newSecret();
        Map<String, String> env = productEnv(server, plane, Files.createDirectories(work.resolve("serve")));
        env.put("PLANE_WEBHOOK_SECRET", secret);
        env.put("WEBHOOK_RATE_LIMIT_PER_MINUTE", "1000000");
        env.put("SYNC_RATE_LIMIT_PER_HOUR", "1000");
        plane.faults().rateLimit(100_000, Duration.ofMinutes(1));

        List<Double> starts = new ArrayList<>();
        Path quiet = Files.createDirectories(work.resolve("start-only"));
        Map<String, String> startEnv = productEnv(server, plane, quiet);
        startEnv.put("ENABLE_SYNC", "false");
        try (ServiceUnderTest first = ServiceUnderTest.start(launcher, startEnv, work.resolve("start-first.log"))) {
            report.service("`serve` until `/api/v1/health` answers, first start of a new install (it makes the "
                    + "class-data archive when it stops)", Report.f(first.awaitHealth(Duration.ofSeconds(60))) + " s");
        }
        if (!startEnv.getOrDefault("JAVA_OPTS", "").contains("agent")
                && !System.getProperty("bench.serveJavaOptions", "").contains("agent")) {
            assertThat(launcher.resolveSibling("calplanebot-serve.jsa")).as("the service's class-data archive")
                    .isRegularFile();
        }
        for (int i = 0; i < 3; i++) {
            try (ServiceUnderTest started = ServiceUnderTest.start(launcher, startEnv,
                    work.resolve("start-" + i + ".log"))) {
                starts.add(started.awaitHealth(Duration.ofSeconds(60)));
            }
        }
        Collections.sort(starts);
        report.service("`serve` until `/api/v1/health` answers (3 starts: min / median / max)",
                Report.f(starts.get(0)) + " s / " + Report.f(starts.get(1)) + " s / " + Report.f(starts.get(2)) + " s");

        try (ServiceUnderTest service = ServiceUnderTest.start(launcher, env, work.resolve("serve.log"));
             PlaneWebhookSender sender = new PlaneWebhookSender(service.uri("/webhooks/plane"), secret)) {
            service.awaitHealth(Duration.ofSeconds(60));
            service.awaitFirstSync(Duration.ofMinutes(30));
            List<double[]> warm = new ArrayList<>();
            for (int i = 0; i < warmRuns; i++) {
                warm.add(service.timeFullSync(Duration.ofMinutes(10)));
            }
            warm.sort(java.util.Comparator.comparingDouble(run -> run[0]));
            double[] median = warm.get(warmRuns / 2);
            report.service("full sync with nothing changed inside the running `serve` (warm JVM; " + issues
                            + " events on the CalDAV server and " + issues + " in the built-in store), " + warmRuns + " runs: "
                            + "wall min / median / max; CPU of the median run, per event",
                    Report.f(warm.get(0)[0]) + " s / " + Report.f(median[0]) + " s / " + Report.f(warm.get(warmRuns - 1)[0])
                            + " s; " + Report.f(median[1]) + " s CPU, " + Report.f(median[1] * 1000 / (2.0 * issues))
                            + " ms per event");
            Dav dav = new Dav(server.user(), server.password());
            URI home = URI.create(server.calendarHomeUrl().endsWith("/") ? server.calendarHomeUrl()
                    : server.calendarHomeUrl() + "/");
            measureRewrites(report, service, plane, ids, dav, home);

            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < webhooks; i++) {
                String id = ids.get(i % ids.size());
                String name = "Renamed " + i;
                plane.updateIssue(id, d -> d.name(name));
                WebhookDelivery delivery = plane.webhooks().issueUpdated(id, "name", "before", name);
                URI event = home.resolve("plane-" + plane.projectIdOf(id) + "/plane-issue-" + id + ".ics");
                Pattern written = Pattern.compile("SUMMARY:.*" + Pattern.quote(name) + "(?!\\d)");
                long sent = System.nanoTime();
                assertThat(sender.send(delivery).status()).isEqualTo(200);
                while (!written.matcher(dav.get(event)).find()) {
                    assertThat(System.nanoTime() - sent).as("event " + i + " written within 30 s")
                            .isLessThan(Duration.ofSeconds(30).toNanos());
                    Thread.sleep(2);
                }
                latencies.add((System.nanoTime() - sent) / 1e6);
                Thread.sleep(50);
            }
            Collections.sort(latencies);
            report.service("webhook → event on the CalDAV server, " + webhooks + " single changes (p50 / p99 / max)",
                    Report.f(percentile(latencies, 50)) + " ms / " + Report.f(percentile(latencies, 99)) + " ms / "
                            + Report.f(latencies.get(latencies.size() - 1)) + " ms");

            // Intake only: every delivery of the measured burst is older than a change applied just before, so it is
            // verified, decoded, judged and kept in the inbox, and nothing is written to the calendars meanwhile.
            // Bursts of distinct deliveries (a body sent again would be a duplicate, answered without being kept).
            List<String> subjects = ids.subList(0, Math.min(ids.size(), INTAKE_ISSUES));
            List<List<WebhookDelivery>> bursts = new ArrayList<>();
            for (int round = 0; round < intakeBursts; round++) {
                bursts.add(new ArrayList<>());
            }
            for (int j = 0; j < intakeBursts * intake; j++) {
                String id = subjects.get(j % subjects.size());
                String name = "Intake " + j;
                plane.updateIssue(id, d -> d.name(name));
                bursts.get(j / intake).add(plane.webhooks().issueUpdated(id, "name", "before", name));
            }
            for (String id : subjects) {
                plane.updateIssue(id, d -> d.name("Intake newest"));
                assertThat(sender.send(plane.webhooks().issueUpdated(id, "name", "before", "Intake newest")).status())
                        .isEqualTo(200);
            }
            for (String id : subjects) {
                URI event = home.resolve("plane-" + plane.projectIdOf(id) + "/plane-issue-" + id + ".ics");
                long waitStart = System.nanoTime();
                while (!dav.get(event).contains("Intake newest")) {
                    assertThat(System.nanoTime() - waitStart).isLessThan(Duration.ofSeconds(60).toNanos());
                    Thread.sleep(20);
                }
            }
            int clients = Integer.getInteger("bench.intakeConnections", 8);
            Path wrkDir = Files.createDirectories(work.resolve("intake"));
            URI target = service.uri("/webhooks/plane");
            // The first burst runs while the JIT compiles the intake path; the later ones show the warmer service.
            for (int round = 0; round < intakeBursts; round++) {
                double cpuBefore = service.cpuSeconds();
                double compilerBefore = service.compilerCpuSeconds();
                long[] machineBefore = machineTicks();
                WrkBurst.Result result = WrkBurst.send(target, signed(bursts.get(round), Optional.of(secret)), clients,
                        200, "Issue sync triggered", wrkDir);
                long[] machineAfter = machineTicks();
                double cpu = service.cpuSeconds() - cpuBefore;
                double compiler = service.compilerCpuSeconds() - compilerBefore;
                assertThat(cpu).as("the service used CPU for the burst").isPositive();
                int cores = Runtime.getRuntime().availableProcessors();
                double busy = 100.0 * cores * (machineAfter[0] - machineBefore[0])
                        / (machineAfter[1] - machineBefore[1]);
                report.service("webhook intake, burst " + (round + 1) + " of " + intakeBursts + ": " + intake
                        + " signed deliveries for " + subjects.size() + " issues over " + clients + " connections "
                        + "(wrk), each older than what was applied (deliveries/s; answer p50 / p99; the service's CPU "
                        + "per delivery, and of it the JIT compiler threads'; the machine's busy share meanwhile)",
                        result.row() + "; " + Report.f(cpu * 1000 / intake) + " ms (JIT "
                                + Report.f(compiler * 1000 / intake) + " ms); " + Math.round(busy) + " % of "
                                + 100 * cores + " %");
            }
            // The HTTP layer's own ceiling on this machine: the same burst with a wrong signature is answered 401
            // after the body is read and its signature checked, before any decoding or storing.
            report.service("the same burst with a wrong signature (answered 401 before decoding: the HTTP layer, "
                    + "the signature check, the error answer and its log line)", WrkBurst.send(target,
                    signed(bursts.get(intakeBursts - 1), Optional.of(PlaneWebhookSender.newSecret())), clients, 401,
                    "INVALID_SIGNATURE", wrkDir).row());
        }
    }

    /**
     * Full syncs inside the warm service that write every event again: each round renames every issue in Plane
     * (no webhook), so each run updates all events on the CalDAV server and in the built-in store. The first round
     * also compiles the update path; the later ones show the warm JVM's CPU per written event.
     */
    private void measureRewrites(Report report, ServiceUnderTest service, FakePlane plane, List<String> ids, Dav dav,
                                 URI home) throws Exception {
        for (int round = 1; round <= rewriteRuns; round++) {
            String suffix = " (rewrite " + round + ")";
            for (int i = 0; i < ids.size(); i++) {
                int n = i;
                plane.updateIssue(ids.get(i), d -> d.name("Issue " + n + suffix));
            }
            double updatedBefore = service.metricSum("calplanebot_events_total", "outcome=\"updated\"");
            double[] run = service.timeFullSync(Duration.ofMinutes(30));
            double updated = service.metricSum("calplanebot_events_total", "outcome=\"updated\"") - updatedBefore;
            assertThat(updated).as("round %d updated every event on both stores", round).isEqualTo(2.0 * issues);
            String last = ids.get(ids.size() - 1);
            assertThat(dav.get(home.resolve("plane-" + plane.projectIdOf(last) + "/plane-issue-" + last + ".ics")))
                    .as("round %d renamed the last issue's event", round).contains(suffix);
            report.service("full sync that writes every event again inside the running `serve` (warm JVM; every "
                            + "issue renamed in Plane: " + issues + " updates on the CalDAV server and " + issues
                            + " in the built-in store), round " + round + " of " + rewriteRuns
                            + ": wall; CPU, per written event (and without the JIT compiler threads' CPU); writes at "
                            + "once to the CalDAV server at the end",
                    Report.f(run[0]) + " s; " + Report.f(run[1]) + " s CPU, " + Report.f(run[1] * 1000 / updated)
                            + " ms per event (" + Report.f((run[1] - run[2]) * 1000 / updated)
                            + " ms without the JIT compiler's " + Report.f(run[2]) + " s); " + writesAtOnce(service));
        }
    }

    /**
     * How many writes at once the service's last full sync had learnt for the CalDAV server, from its metrics; a dash
     * for a build that has no such metric (an older one compared with {@code -Dbench.jar}).
     */
    private String writesAtOnce(ServiceUnderTest service) throws Exception {
        String series = "calplanebot_sync_writes_at_once{target=\"caldav\"}";
        if (!service.get("/metrics").body().contains(series)) {
            return "–";
        }
        int writes = (int) service.metricSum("calplanebot_sync_writes_at_once", "target=\"caldav\"");
        assertThat(writes).as("writes at once to the CalDAV server").isBetween(1, 4);
        return String.valueOf(writes);
    }

    private static List<WrkBurst.Request> signed(List<WebhookDelivery> deliveries, Optional<String> secret) {
        List<WrkBurst.Request> requests = new ArrayList<>(deliveries.size());
        for (WebhookDelivery delivery : deliveries) {
            requests.add(new WrkBurst.Request(PlaneWebhookSender.headers(delivery, secret), delivery.body()));
        }
        return requests;
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
