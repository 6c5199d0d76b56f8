package io.calplanebot.adapter.http.route;

import io.calplanebot.adapter.http.ApiSettings;
import io.calplanebot.adapter.http.dto.SyncStatusView;
import io.calplanebot.adapter.http.dto.SyncTriggered;
import io.calplanebot.adapter.http.limit.RateLimitGuard;
import io.calplanebot.adapter.http.support.BearerAuth;
import io.calplanebot.adapter.http.support.Json;
import io.calplanebot.adapter.http.support.Timestamps;
import io.calplanebot.core.port.in.ReadStatusUseCase;
import io.calplanebot.core.port.in.RunFullSyncUseCase;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncTicket;
import io.javalin.config.RoutesConfig;

import java.util.function.Supplier;

/**
 * {@code POST /webhooks/sync} (rate limited, bearer-protected when an API token is set) and
 * {@code GET /webhooks/status} (unlimited).
 */
public final class SyncRoutes {
    private final RunFullSyncUseCase sync;
    private final ReadStatusUseCase status;
    private final RateLimitGuard guard;
    private final Supplier<ApiSettings> settings;

    public SyncRoutes(RunFullSyncUseCase sync, ReadStatusUseCase status, RateLimitGuard guard,
                      Supplier<ApiSettings> settings) {
        this.sync = sync;
        this.status = status;
        this.guard = guard;
        this.settings = settings;
    }

    public void addTo(RoutesConfig routes) {
        routes.post("/webhooks/sync", guard.limit("sync", ApiSettings::syncLimit, ctx -> {
            BearerAuth.require(ctx, settings.get().apiToken());
            SyncTicket ticket = sync.triggerFullSync(RunSyncCommand.everything());
            Json.write(ctx, 200, new SyncTriggered("triggered", "Manual sync initiated", ticket.syncId(),
                    Timestamps.iso(ticket.acceptedAt())));
        }));
        routes.get("/webhooks/status", ctx -> Json.write(ctx, 200, SyncStatusView.from(status.status())));
    }
}
