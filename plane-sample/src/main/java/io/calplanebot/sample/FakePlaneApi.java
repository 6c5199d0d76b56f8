package io.calplanebot.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/** The fake's HTTP side: routing, authentication, permissions, throttling, pagination, as plane-api.md describes. */
final class FakePlaneApi implements HttpHandler {
    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern WORKSPACE = Pattern.compile("/api/v1/workspaces/([^/]+)/(.*)");
    private static final Pattern PROJECT = Pattern.compile("projects/(" + UUID + ")/(.*)");
    private static final Pattern ISSUE = Pattern.compile("(?:work-items|issues)/(" + UUID + ")/");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_FOUND = "The requested resource does not exist.";

    private final FakePlane plane;

    FakePlaneApi(FakePlane plane) {
        this.plane = plane;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply;
            try {
                reply = answer(exchange);
            } catch (RuntimeException e) {
                reply = Reply.json(500, Map.of("error", "Something went wrong please try again later"));
            }
            Duration delay = plane.faults.delay();
            if (!delay.isZero()) {
                sleep(delay);
            }
            record(exchange, reply.status);
            send(exchange, reply);
        }
    }

    private Reply answer(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        if (plane.faults.redirect().isPresent()) {
            return Reply.redirect(plane.faults.redirect().get());
        }
        if (!path.startsWith("/api/v1/")) {
            return Reply.json(404, Map.of("error", "Page not found."));
        }
        if (!path.endsWith("/")) {
            String query = exchange.getRequestURI().getRawQuery();
            return Reply.redirect(path + "/" + (query == null ? "" : "?" + query));
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            return Reply.json(405, Map.of("detail", "Method \"" + exchange.getRequestMethod() + "\" not allowed."));
        }
        Map<String, String> query = query(exchange);
        String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
        Route route = route(path.substring("/api/v1/".length()));
        if (route == null) {
            return Reply.json(404, Map.of("error", "Page not found."));
        }
        if (key == null || key.isBlank()) {
            return Reply.json(401, Map.of("detail", "Authentication credentials were not provided."));
        }
        if (!plane.validKey(key)) {
            return Reply.json(403, Map.of("detail", "Given API token is not valid"));
        }
        synchronized (plane) {
            if (!permitted(route)) {
                return Reply.json(403, Map.of("detail", "You do not have permission to perform this action."));
            }
        }
        OptionalInt wait = plane.faults.throttle(key, Instant.now());
        if (wait.isPresent()) {
            Map<String, Object> throttled = new LinkedHashMap<>();
            throttled.put("error_code", 5900);
            throttled.put("error_message", "RATE_LIMIT_EXCEEDED");
            return Reply.json(429, throttled)
                    .header("Retry-After", Integer.toString(wait.getAsInt()));
        }
        OptionalInt injected = plane.faults.injectedFailure();
        if (injected.isPresent()) {
            return Reply.json(injected.getAsInt(), Map.of("error", "Something went wrong please try again later"));
        }
        Reply reply;
        synchronized (plane) {
            reply = serve(route, query);
        }
        if (reply.status == 200) {
            reply.header("X-RateLimit-Remaining", Integer.toString(plane.faults.remaining(key)))
                    .header("X-RateLimit-Reset", Long.toString(Instant.now().getEpochSecond() + 60));
        }
        return reply;
    }

    /** What a path asks for. {@code kind} is one of me, members, projects, project, issues, issue, states, labels, project-members. */
    private record Route(String kind, String slug, String projectId, String issueId) {
    }

    private Route route(String path) {
        if (path.equals("users/me/")) {
            return new Route("me", null, null, null);
        }
        Matcher workspace = WORKSPACE.matcher("/api/v1/" + path);
        if (!workspace.matches()) {
            return null;
        }
        String slug = URLDecoder.decode(workspace.group(1), StandardCharsets.UTF_8);
        String rest = workspace.group(2);
        if (rest.equals("members/")) {
            return new Route("members", slug, null, null);
        }
        if (rest.equals("projects/")) {
            return new Route("projects", slug, null, null);
        }
        Matcher project = PROJECT.matcher(rest);
        if (!project.matches()) {
            return null;
        }
        String projectId = project.group(1).toLowerCase(Locale.ROOT);
        String sub = project.group(2);
        if (sub.startsWith("work-items/") && plane.faults.legacyRoutesOnly()) {
            return null;
        }
        switch (sub) {
            case "":
                return new Route("project", slug, projectId, null);
            case "work-items/":
            case "issues/":
                return new Route("issues", slug, projectId, null);
            case "states/":
                return new Route("states", slug, projectId, null);
            case "labels/":
                return new Route("labels", slug, projectId, null);
            case "members/":
            case "project-members/":
                return new Route("project-members", slug, projectId, null);
            default:
                Matcher issue = ISSUE.matcher(sub);
                return issue.matches() ? new Route("issue", slug, projectId, issue.group(1).toLowerCase(Locale.ROOT))
                        : null;
        }
    }

    private boolean permitted(Route route) {
        if (route.kind.equals("me")) {
            return true;
        }
        Integer role = plane.workspaceRoles.get(plane.me.id());
        if (!route.slug.equals(plane.workspaceSlug) || role == null) {
            return false;
        }
        switch (route.kind) {
            case "members":
                return role >= 15;
            case "projects":
            case "project":
                return true;
            case "labels":
            case "project-members":
                return plane.projects.values().stream().anyMatch(p -> !p.deleted && p.members.contains(plane.me.id()));
            default:
                FakeProject project = plane.projects.get(route.projectId);
                return project != null && !project.deleted && project.members.contains(plane.me.id());
        }
    }

    private Reply serve(Route route, Map<String, String> query) {
        ZoneId zone = plane.userTimezone();
        switch (route.kind) {
            case "me":
                return Reply.json(200, plane.me.lite());
            case "members":
                List<Object> members = new ArrayList<>();
                plane.workspaceRoles.forEach((id, role) -> {
                    Map<String, Object> user = plane.users.get(id).lite();
                    user.put("role", role);
                    members.add(user);
                });
                return Reply.json(200, members);
            case "projects":
                return paginate(projects(query, zone), query, null);
            case "project":
                FakeProject project = plane.projects.get(route.projectId);
                if (project == null || project.deleted
                        || project.network != 2 && !project.members.contains(plane.me.id())) {
                    return Reply.json(404, Map.of("error", NOT_FOUND));
                }
                return Reply.json(200, PlaneShapes.project(plane, project, zone, true));
            case "issues":
                plane.faults.takePageHook(route.projectId, requestedPage(query)).ifPresent(Runnable::run);
                return paginate(issues(route.projectId, query, zone), query, route.projectId);
            case "issue":
                FakeIssue issue = plane.issues.get(route.issueId);
                if (issue == null || !issue.projectId.equals(route.projectId) || !visible(issue)) {
                    return Reply.json(404, Map.of("error", NOT_FOUND));
                }
                return Reply.json(200, fields(PlaneShapes.restIssue(plane, issue, list(query.get("expand")), zone),
                        query));
            case "states":
                List<Map<String, Object>> states = new ArrayList<>();
                if (plane.projects.get(route.projectId).archivedAt == null) {
                    plane.states.values().stream()
                            .filter(s -> s.projectId().equals(route.projectId) && !s.group().equals("triage"))
                            .sorted(Comparator.comparingDouble(FakeState::sequence))
                            .forEach(s -> states.add(PlaneShapes.state(s, zone)));
                }
                return paginate(states, query, null);
            case "labels":
                List<Map<String, Object>> labels = new ArrayList<>();
                plane.labels.values().stream().filter(l -> l.projectId().equals(route.projectId))
                        .sorted(Comparator.comparing(FakeLabel::createdAt).reversed())
                        .forEach(l -> labels.add(PlaneShapes.label(plane, l, zone)));
                return paginate(labels, query, null);
            default:
                List<Object> people = new ArrayList<>();
                plane.projects.get(route.projectId).members.forEach(id -> people.add(plane.users.get(id).lite()));
                return Reply.json(200, people);
        }
    }

    private List<Map<String, Object>> projects(Map<String, String> query, ZoneId zone) {
        List<FakeProject> visible = new ArrayList<>();
        plane.projects.values().stream()
                .filter(p -> !p.deleted && (p.members.contains(plane.me.id()) || p.network == 2))
                .forEach(visible::add);
        String order = query.getOrDefault("order_by", "sort_order");
        if (order.equals("created_at")) {
            visible.sort(Comparator.comparing(p -> p.createdAt));
        } else if (order.equals("-created_at")) {
            visible.sort(Comparator.comparing((FakeProject p) -> p.createdAt).reversed());
        } else {
            Collections.shuffle(visible);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        visible.forEach(p -> out.add(PlaneShapes.project(plane, p, zone, true)));
        return out;
    }

    private List<Map<String, Object>> issues(String projectId, Map<String, String> query, ZoneId zone) {
        List<FakeIssue> visible = new ArrayList<>();
        plane.issues.values().stream().filter(i -> i.projectId.equals(projectId) && visible(i)).forEach(visible::add);
        String order = query.getOrDefault("order_by", "-created_at");
        boolean descending = order.startsWith("-");
        Comparator<FakeIssue> comparator;
        switch (descending ? order.substring(1) : order) {
            case "created_at":
                comparator = Comparator.comparing(i -> i.createdAt);
                break;
            case "updated_at":
                comparator = Comparator.comparing(i -> i.updatedAt);
                break;
            case "sequence_id":
                comparator = Comparator.comparingInt(i -> i.sequenceId);
                break;
            default:
                throw new IllegalArgumentException("FieldError: " + order);
        }
        visible.sort(descending ? comparator.reversed() : comparator);
        List<String> expand = list(query.get("expand"));
        List<Map<String, Object>> out = new ArrayList<>();
        visible.forEach(i -> out.add(fields(PlaneShapes.restIssue(plane, i, expand, zone), query)));
        return out;
    }

    /** Plane's issue_objects manager: no deleted, archived, draft or triage issues, nothing of archived projects. */
    private boolean visible(FakeIssue issue) {
        FakeProject project = plane.projects.get(issue.projectId);
        return !issue.deleted && issue.archivedAt == null && !issue.draft && project.archivedAt == null
                && !project.deleted && !plane.states.get(issue.stateId).group().equals("triage");
    }

    private static Map<String, Object> fields(Map<String, Object> item, Map<String, String> query) {
        String fields = query.get("fields");
        if (fields == null) {
            return item;
        }
        List<String> keep = list(fields);
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((k, v) -> {
            if (keep.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** BasePaginator: per_page default and maximum 1000; the page size inside the cursor is ignored. */
    private Reply paginate(List<Map<String, Object>> rows, Map<String, String> query, String failingProject) {
        int perPage;
        try {
            perPage = Integer.parseInt(query.getOrDefault("per_page", "1000"));
        } catch (NumberFormatException e) {
            return Reply.json(400, Map.of("detail", "Invalid per_page parameter."));
        }
        int max = plane.faults.maxPerPage();
        if (perPage > max) {
            return Reply.json(400, Map.of("detail", "Invalid per_page value. Cannot exceed " + max + "."));
        }
        if (perPage <= 0) {
            return Reply.json(500, Map.of("error", "Something went wrong please try again later"));
        }
        int page = 0;
        String cursor = query.get("cursor");
        if (cursor != null) {
            String[] parts = cursor.split(":", -1);
            try {
                if (parts.length != 3) {
                    throw new NumberFormatException();
                }
                Integer.parseInt(parts[0]);
                page = Integer.parseInt(parts[1]);
                Integer.parseInt(parts[2]);
            } catch (NumberFormatException e) {
                return Reply.json(400, Map.of("detail", "Invalid cursor parameter."));
            }
            if (page < 0) {
                return Reply.json(400, Map.of("detail", "Error in parsing"));
            }
        }
        if (failingProject != null) {
            Integer status = plane.faults.failingPage(failingProject, page).orElse(null);
            if (status != null) {
                return Reply.json(status, Map.of("error", "Something went wrong please try again later"));
            }
        }
        int total = rows.size();
        int totalPages = (total + perPage - 1) / perPage;
        long from = Math.min((long) page * perPage, total);
        List<Map<String, Object>> results = rows.subList((int) from, (int) Math.min(from + perPage, total));
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("grouped_by", null);
        envelope.put("sub_grouped_by", null);
        envelope.put("total_count", total);
        envelope.put("next_cursor", perPage + ":" + (page + 1) + ":0");
        envelope.put("prev_cursor", perPage + ":" + (page - 1) + ":1");
        envelope.put("next_page_results", page + 1 < totalPages);
        envelope.put("prev_page_results", page > 0);
        envelope.put("count", results.size());
        envelope.put("total_pages", totalPages);
        envelope.put("total_results", total);
        envelope.put("extra_stats", null);
        envelope.put("results", new ArrayList<>(results));
        return Reply.json(200, envelope);
    }

    private static int requestedPage(Map<String, String> query) {
        String[] parts = query.getOrDefault("cursor", "0:0:0").split(":");
        try {
            return parts.length == 3 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Arrays.stream(commaSeparated.split(",")).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private void record(HttpExchange exchange, int status) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                values.isEmpty() ? "" : values.get(0)));
        plane.faults.record(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                query(exchange), headers, status));
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body;
        String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        reply.headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip") && body.length >= 200) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(body);
            }
            body = zipped.toByteArray();
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.getResponseHeaders().add("Vary", "Accept-Encoding");
        }
        exchange.sendResponseHeaders(reply.status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A response: status, headers and body (compact JSON, raw UTF-8, as DRF's JSONRenderer writes it). */
    private static final class Reply {
        final int status;
        final byte[] body;
        final Map<String, String> headers = new LinkedHashMap<>();

        private Reply(int status, byte[] body) {
            this.status = status;
            this.body = body;
        }

        static Reply json(int status, Object value) {
            try {
                Reply reply = new Reply(status, JSON.writeValueAsBytes(value));
                reply.headers.put("Content-Type", "application/json");
                return reply;
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Reply redirect(String location) {
            Reply reply = new Reply(301, new byte[0]);
            reply.headers.put("Location", location);
            return reply;
        }

        Reply header(String name, String value) {
            headers.put(name, value);
            return this;
        }
    }
}
