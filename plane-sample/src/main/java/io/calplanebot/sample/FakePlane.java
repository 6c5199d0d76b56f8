package io.calplanebot.sample;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * An in-process Plane (v1 REST API) on 127.0.0.1 with a random port, speaking the contract of plane-api.md: the
 * {@code X-API-Key} header (401 when missing, 403 when invalid, 403 for non-members and unknown projects), cursor
 * pagination with Plane's quirks, {@code expand}, the real JSON shapes, 404 bodies, a sliding-window rate limit with
 * 429 + {@code Retry-After}, gzip, injectable 5xx, failing pages and slow responses, and a request log.
 *
 * <p>The world is changed through the methods below; {@link #webhooks()} builds webhook deliveries from it, which
 * {@link PlaneWebhookSender} posts. Every method is thread-safe.
 */
public final class FakePlane implements AutoCloseable {
    static final double DEFAULT_SORT_ORDER = 65535.0;

    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    final FakePlaneFaults faults = new FakePlaneFaults();
    final String workspaceId = UUID.randomUUID().toString();
    final String workspaceSlug;
    final FakeUser me;
    final Map<String, FakeUser> users = new LinkedHashMap<>();
    final Map<String, Integer> workspaceRoles = new LinkedHashMap<>();
    final Map<String, FakeProject> projects = new LinkedHashMap<>();
    final Map<String, FakeState> states = new LinkedHashMap<>();
    final Map<String, FakeLabel> labels = new LinkedHashMap<>();
    final Map<String, FakeIssue> issues = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> overrides = new LinkedHashMap<>();
    private String apiKey = "plane_api_" + UUID.randomUUID().toString().replace("-", "");
    private ZoneId userTimezone = ZoneOffset.UTC;
    private Instant lastInstant = Instant.EPOCH;

    private FakePlane(String workspaceSlug, Clock clock) {
        this.workspaceSlug = workspaceSlug;
        this.clock = clock;
        this.me = addUser("Ava", "Chen", "ava");
        workspaceRoles.put(me.id(), 20);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the fake Plane's port", e);
        }
        executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "fake-plane");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", new FakePlaneApi(this));
        server.start();
    }

    /** Starts a fake with workspace slug {@code northwind-labs}. */
    public static FakePlane start() {
        return start("northwind-labs");
    }

    public static FakePlane start(String workspaceSlug) {
        return new FakePlane(workspaceSlug, Clock.systemUTC());
    }

    // ---- addresses and credentials ------------------------------------------------------------------------------

    /** The instance origin, e.g. {@code http://127.0.0.1:41234} (what PLANE_BASE_URL holds). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized String apiKey() {
        return apiKey;
    }

    public String workspaceSlug() {
        return workspaceSlug;
    }

    public String workspaceId() {
        return workspaceId;
    }

    /** The API key's user (Ava Chen, workspace admin). */
    public FakeUser me() {
        return me;
    }

    /** Replaces the valid key; requests with the old one get 403 "Given API token is not valid". */
    public synchronized String rotateApiKey() {
        apiKey = "plane_api_" + UUID.randomUUID().toString().replace("-", "");
        return apiKey;
    }

    synchronized boolean validKey(String key) {
        return apiKey.equals(key);
    }

    /** REST datetimes follow the key owner's timezone (webhooks stay UTC). */
    public synchronized void setUserTimezone(ZoneId zone) {
        userTimezone = zone;
    }

    synchronized ZoneId userTimezone() {
        return userTimezone;
    }

    // ---- faults, limits, log ------------------------------------------------------------------------------------

    /** Rate limit, rejected requests and injected failures. */
    public FakePlaneFaults faults() {
        return faults;
    }

    /** Every request received, oldest first. */
    public List<RecordedRequest> requests() {
        return faults.requests();
    }

    public void clearRequests() {
        faults.clearRequests();
    }

    /** Builds webhook deliveries that describe this world as Plane would. */
    public FakePlaneWebhooks webhooks() {
        return new FakePlaneWebhooks(this);
    }

    // ---- users --------------------------------------------------------------------------------------------------

    public synchronized FakeUser addUser(String firstName, String lastName, String displayName) {
        FakeUser user = new FakeUser(UUID.randomUUID().toString(), firstName, lastName,
                displayName.replace(' ', '.') + "@northwind.example", displayName);
        users.put(user.id(), user);
        workspaceRoles.put(user.id(), 15);
        return user;
    }

    /** Sets the key owner's workspace role: 20 admin, 15 member, 5 guest; 0 removes the membership. */
    public synchronized void setMyWorkspaceRole(int role) {
        if (role == 0) {
            workspaceRoles.remove(me.id());
        } else {
            workspaceRoles.put(me.id(), role);
        }
    }

    // ---- projects -----------------------------------------------------------------------------------------------

    /** Adds a project the key's user is a member of, with Plane's six default states. Returns its id. */
    public synchronized String addProject(String identifier, String name) {
        FakeProject project = new FakeProject(UUID.randomUUID().toString(), identifier, name, now());
        project.members.add(me.id());
        projects.put(project.id, project);
        addState(project.id, "Backlog", "backlog", true);
        addState(project.id, "Todo", "unstarted", false);
        addState(project.id, "In Progress", "started", false);
        addState(project.id, "Done", "completed", false);
        addState(project.id, "Cancelled", "cancelled", false);
        addState(project.id, "Triage", "triage", false);
        return project.id;
    }

    /** Adds a public project the key's user is not a member of (listed with is_member=false; its issues give 403). */
    public synchronized String addPublicProjectWithoutMe(String identifier, String name) {
        String id = addProject(identifier, name);
        FakeProject project = projects.get(id);
        project.members.remove(me.id());
        project.network = 2;
        return id;
    }

    public synchronized void removeMeFromProject(String projectId) {
        project(projectId).members.remove(me.id());
    }

    public synchronized void addMeToProject(String projectId) {
        project(projectId).members.add(me.id());
    }

    /** Makes a user (see {@link #addUser}) a member of the project, so that it is listed among its members. */
    public synchronized void addMemberToProject(String projectId, String userId) {
        project(projectId).members.add(userId);
    }

    public synchronized void renameProject(String projectId, String name) {
        FakeProject project = project(projectId);
        project.name = name;
        project.updatedAt = now();
    }

    public synchronized void changeProjectIdentifier(String projectId, String identifier) {
        FakeProject project = project(projectId);
        project.identifier = identifier;
        project.updatedAt = now();
    }

    public synchronized void archiveProject(String projectId) {
        project(projectId).archivedAt = now();
    }

    public synchronized void unarchiveProject(String projectId) {
        project(projectId).archivedAt = null;
    }

    /** Soft-deletes a project: it and its issues vanish (404 / 403). */
    public synchronized void deleteProject(String projectId) {
        project(projectId).deleted = true;
    }

    // ---- states and labels --------------------------------------------------------------------------------------

    public synchronized String addState(String projectId, String name, String group) {
        return addState(projectId, name, group, false);
    }

    private String addState(String projectId, String name, String group, boolean isDefault) {
        double sequence = states.values().stream().filter(s -> s.projectId().equals(projectId))
                .mapToDouble(FakeState::sequence).max().orElse(0) + 15000;
        FakeState state = new FakeState(UUID.randomUUID().toString(), projectId, name, "#60646C", group, sequence,
                isDefault, now());
        states.put(state.id(), state);
        return state.id();
    }

    public synchronized String stateId(String projectId, String name) {
        return states.values().stream().filter(s -> s.projectId().equals(projectId) && s.name().equals(name))
                .map(FakeState::id).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no state " + name + " in project " + projectId));
    }

    public synchronized String addLabel(String projectId, String name, String color) {
        FakeLabel label = new FakeLabel(UUID.randomUUID().toString(), projectId, name, color,
                DEFAULT_SORT_ORDER + labels.size() * 10000, now());
        labels.put(label.id(), label);
        return label.id();
    }

    /** Deletes a label: it vanishes from every issue, without touching their updated_at (as in Plane). */
    public synchronized void deleteLabel(String labelId) {
        labels.remove(labelId);
        issues.values().forEach(issue -> issue.labelIds.remove(labelId));
    }

    // ---- issues -------------------------------------------------------------------------------------------------

    /** Adds an issue (Backlog, priority none, no dates unless the draft says otherwise). Returns its id. */
    public synchronized String addIssue(String projectId, Consumer<IssueDraft> draft) {
        FakeProject project = project(projectId);
        FakeIssue issue = new FakeIssue(UUID.randomUUID().toString(), projectId, project.nextSequence++, now(),
                me.id());
        issue.stateId = states.values().stream().filter(s -> s.projectId().equals(projectId) && s.isDefault())
                .map(FakeState::id).findFirst().orElseThrow();
        issue.sortOrder = DEFAULT_SORT_ORDER + issues.size() * 10000;
        IssueDraft values = new IssueDraft().name("Issue " + issue.sequenceId);
        draft.accept(values);
        apply(issue, values);
        issues.put(issue.id, issue);
        return issue.id;
    }

    /** Adds {@code count} issues named "{prefix} {n}" with no dates. */
    public synchronized List<String> addIssues(String projectId, int count, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            int n = i;
            ids.add(addIssue(projectId, d -> d.name(prefix + " " + n)));
        }
        return ids;
    }

    /** Changes an issue as a PATCH would: updated_at and updated_by move. */
    public synchronized void updateIssue(String issueId, Consumer<IssueDraft> draft) {
        FakeIssue issue = issue(issueId);
        IssueDraft values = new IssueDraft();
        draft.accept(values);
        apply(issue, values);
        issue.updatedAt = now();
        issue.updatedBy = me.id();
    }

    public synchronized void setTargetDate(String issueId, LocalDate date) {
        updateIssue(issueId, d -> d.targetDate(date));
    }

    /** A timeline drag: the date changes but updated_at does not (and Plane sends no webhook). */
    public synchronized void dragTargetDate(String issueId, LocalDate date) {
        issue(issueId).targetDate = date;
    }

    /** Soft-deletes an issue: it leaves the list and its GET answers 404 (no webhook in Plane). */
    public synchronized void deleteIssue(String issueId) {
        issue(issueId).deleted = true;
    }

    public synchronized void archiveIssue(String issueId) {
        issue(issueId).archivedAt = LocalDate.now(clock);
    }

    public synchronized void moveToTriage(String issueId) {
        FakeIssue issue = issue(issueId);
        issue.stateId = stateId(issue.projectId, "Triage");
    }

    public synchronized void makeDraft(String issueId) {
        issue(issueId).draft = true;
    }

    /**
     * Replaces a top-level field of the issue's REST JSON with {@code value} (a String, Number, Boolean, Map, List
     * or null), to serve data the client must cope with (or fail to read).
     */
    public synchronized void overrideIssueField(String issueId, String field, Object value) {
        issue(issueId);
        overrides.computeIfAbsent(issueId, k -> new LinkedHashMap<>()).put(field, value);
    }

    public synchronized Optional<LocalDate> targetDate(String issueId) {
        return Optional.ofNullable(issue(issueId).targetDate);
    }

    public synchronized String projectIdOf(String issueId) {
        return issue(issueId).projectId;
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private void apply(FakeIssue issue, IssueDraft values) {
        if (values.name != null) {
            issue.name = values.name;
        }
        if (values.descriptionHtml != null) {
            issue.descriptionHtml = values.descriptionHtml;
        }
        if (values.stateName != null) {
            issue.stateId = stateId(issue.projectId, values.stateName);
            String group = states.get(issue.stateId).group();
            issue.completedAt = group.equals("completed") ? now() : null;
        }
        if (values.priority != null) {
            issue.priority = values.priority;
        }
        if (values.startDateSet) {
            issue.startDate = values.startDate;
        }
        if (values.targetDateSet) {
            issue.targetDate = values.targetDate;
        }
        if (values.labelNames != null) {
            issue.labelIds.clear();
            for (String name : values.labelNames) {
                issue.labelIds.add(labels.values().stream()
                        .filter(l -> l.projectId().equals(issue.projectId) && l.name().equals(name))
                        .map(FakeLabel::id).findFirst().orElseGet(() -> addLabel(issue.projectId, name, "#e5484d")));
            }
        }
        if (values.assigneeIds != null) {
            issue.assigneeIds.clear();
            issue.assigneeIds.addAll(values.assigneeIds);
        }
    }

    /** A strictly increasing clock reading with microsecond precision (Postgres' resolution). */
    synchronized Instant now() {
        Instant now = PlaneTime.micros(clock.instant());
        if (!now.isAfter(lastInstant)) {
            now = lastInstant.plusNanos(1000);
        }
        lastInstant = now;
        return now;
    }

    synchronized FakeProject project(String projectId) {
        FakeProject project = projects.get(projectId);
        if (project == null) {
            throw new NoSuchElementException("no project " + projectId);
        }
        return project;
    }

    synchronized FakeIssue issue(String issueId) {
        FakeIssue issue = issues.get(issueId);
        if (issue == null) {
            throw new NoSuchElementException("no issue " + issueId);
        }
        return issue;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
