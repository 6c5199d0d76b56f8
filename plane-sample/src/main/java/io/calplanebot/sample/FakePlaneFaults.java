package io.calplanebot.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The fake's rate limit (Plane's sliding-window log per token, default 60 per minute), injected failures and slow
 * responses, and its request log.
 */
public final class FakePlaneFaults {
    private final List<RecordedRequest> log = new ArrayList<>();
    private final Map<String, Deque<Instant>> windows = new HashMap<>();
    private final Map<String, Integer> failingPages = new HashMap<>();
    private final Map<String, Runnable> pageHooks = new HashMap<>();
    private int rateLimit = 60;
    private Duration window = Duration.ofMinutes(1);
    private int failuresLeft;
    private int failureStatus = 503;
    private int slowLeft;
    private Duration slowDelay = Duration.ZERO;
    private String redirect;
    private boolean legacyRoutesOnly;
    private int maxPerPage = 1000;

    /** Allows {@code requests} per sliding {@code window} per token; beyond that, 429 with Retry-After. */
    public synchronized FakePlaneFaults rateLimit(int requests, Duration window) {
        this.rateLimit = requests;
        this.window = window;
        windows.clear();
        return this;
    }

    /**
     * Caps the page size lower than Plane's own 1000, as an install with a changed paginator does: a larger
     * {@code per_page} answers 400 {@code "Invalid per_page value. Cannot exceed N."}.
     */
    public synchronized FakePlaneFaults maxPerPage(int value) {
        this.maxPerPage = value;
        return this;
    }

    synchronized int maxPerPage() {
        return maxPerPage;
    }

    /** The next {@code count} requests (after authentication) answer {@code status} (e.g. 502, 503). */
    public synchronized FakePlaneFaults failNextRequests(int count, int status) {
        this.failuresLeft = count;
        this.failureStatus = status;
        return this;
    }

    /** Every request for page {@code page} (0-based) of the project's issue listing answers {@code status}. */
    public synchronized FakePlaneFaults failIssuePage(String projectId, int page, int status) {
        failingPages.put(projectId + ":" + page, status);
        return this;
    }

    /**
     * Runs {@code change} (once) just before page {@code page} (0-based) of the project's issue listing is served, to
     * change the world between two page requests, as other Plane users do.
     */
    public synchronized FakePlaneFaults beforeIssuePage(String projectId, int page, Runnable change) {
        pageHooks.put(projectId + ":" + page, change);
        return this;
    }

    /** The next {@code count} requests are answered only after {@code delay}. */
    public synchronized FakePlaneFaults delayNextResponses(int count, Duration delay) {
        this.slowLeft = count;
        this.slowDelay = delay;
        return this;
    }

    /** Answers every request with 301 to {@code location}, as a proxy sending http to https does (null: stop). */
    public synchronized FakePlaneFaults redirectEverythingTo(String location) {
        this.redirect = location;
        return this;
    }

    /** Serves issues only under the old {@code issues/} route, as Plane did before the work-items rename. */
    public synchronized FakePlaneFaults legacyRoutesOnly(boolean value) {
        this.legacyRoutesOnly = value;
        return this;
    }

    synchronized boolean legacyRoutesOnly() {
        return legacyRoutesOnly;
    }

    synchronized Optional<String> redirect() {
        return Optional.ofNullable(redirect);
    }

    /** Removes injected failures and delays (not the rate limit). */
    public synchronized void clear() {
        failuresLeft = 0;
        slowLeft = 0;
        failingPages.clear();
        pageHooks.clear();
        redirect = null;
    }

    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(log);
    }

    public synchronized void clearRequests() {
        log.clear();
    }

    synchronized void record(RecordedRequest request) {
        log.add(request);
    }

    /** Empty when allowed (and counted); else the Retry-After seconds. */
    synchronized OptionalInt throttle(String token, Instant now) {
        Deque<Instant> times = windows.computeIfAbsent(token, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.pollFirst();
        }
        if (times.size() >= rateLimit) {
            long millis = times.isEmpty() ? window.toMillis()
                    : Duration.between(now, times.peekFirst().plus(window)).toMillis();
            return OptionalInt.of((int) Math.max(1, (millis + 999) / 1000));
        }
        times.addLast(now);
        return OptionalInt.empty();
    }

    synchronized int remaining(String token) {
        Deque<Instant> times = windows.get(token);
        return rateLimit - (times == null ? 0 : times.size());
    }

    synchronized OptionalInt injectedFailure() {
        if (failuresLeft > 0) {
            failuresLeft--;
            return OptionalInt.of(failureStatus);
        }
        return OptionalInt.empty();
    }

    synchronized Optional<Integer> failingPage(String projectId, int page) {
        return Optional.ofNullable(failingPages.get(projectId + ":" + page));
    }

    synchronized Optional<Runnable> takePageHook(String projectId, int page) {
        return Optional.ofNullable(pageHooks.remove(projectId + ":" + page));
    }

    synchronized Duration delay() {
        if (slowLeft > 0) {
            slowLeft--;
            return slowDelay;
        }
        return Duration.ZERO;
    }
}
