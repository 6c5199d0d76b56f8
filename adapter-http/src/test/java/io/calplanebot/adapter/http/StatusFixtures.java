package io.calplanebot.adapter.http;

import io.calplanebot.core.port.in.ActionKind;
import io.calplanebot.core.port.in.ActionOutcome;
import io.calplanebot.core.port.in.ConnectionState;
import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.PeerHealth;
import io.calplanebot.core.port.in.OutcomeKind;
import io.calplanebot.core.port.in.ProjectResult;
import io.calplanebot.core.port.in.RunResult;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.SyncState;
import io.calplanebot.core.port.in.SyncStatus;
import io.calplanebot.core.port.in.TargetReport;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A service that has synced twice: two projects (one named like markup), two targets (one down), an error. */
final class StatusFixtures {
    static final String HOSTILE_NAME = "<script>alert('x')</script>";
    static final String CALDAV_ERROR = "CalDAV server refused the login (401): check CALDAV_USERNAME & CALDAV_PASSWORD";

    private StatusFixtures() {
    }

    static void partlyFailing(TestApi t) {
        ActionOutcome created = new ActionOutcome("builtin", "web", "uid-1", "[1] Fix the footer", ActionKind.CREATE,
                OutcomeKind.CREATED, Optional.empty());
        SyncReport report = new SyncReport("sync-7", Instant.parse("2025-12-27T10:25:00Z"), Duration.ofMillis(2340),
                RunResult.PARTIAL, false,
                List.of(new ProjectResult("p1", "WEB", "Website relaunch", "Plane: Website relaunch", 7, 6, true,
                                Optional.empty()),
                        new ProjectResult("p2", "XSS", HOSTILE_NAME, "Plane: " + HOSTILE_NAME, 2, 1, true,
                                Optional.empty())),
                List.of(created), 6, List.of(CALDAV_ERROR),
                List.of(new TargetReport("builtin", List.of(created), 6, List.of()),
                        new TargetReport("caldav", List.of(), 0, List.of(CALDAV_ERROR))));
        t.status.status = new SyncStatus(SyncState.IDLE, Optional.of(report),
                Optional.of(Instant.parse("2025-12-27T10:35:00Z")), 0);
        Map<String, PeerHealth> targets = new LinkedHashMap<>();
        targets.put("builtin", FakeReadStatus.peer(ConnectionState.HEALTHY));
        targets.put("caldav", FakeReadStatus.peer(ConnectionState.UNHEALTHY));
        t.status.health = new HealthReport(SyncState.IDLE, 2, 1, 0, 0,
                Optional.of(Instant.parse("2025-12-27T10:25:02Z")), FakeReadStatus.peer(ConnectionState.HEALTHY),
                targets);
        t.feedNames.addAll(List.of("team-web", "ava's tasks"));
    }
}
