package io.calplanebot.app.feeds;

import io.calplanebot.adapter.state.JdbcStateStore;
import io.calplanebot.core.port.out.FeedTokens;
import io.calplanebot.adapter.http.ApiSettings;
import io.calplanebot.adapter.http.HttpApi;
import io.calplanebot.app.cli.Cli;
import io.calplanebot.app.config.ConfigLoader;
import io.calplanebot.core.domain.EventStatus;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.feed.ReadFeedService;
import io.calplanebot.core.port.in.HandleWebhookUseCase;
import io.calplanebot.core.port.in.HealthReport;
import io.calplanebot.core.port.in.ReadStatusUseCase;
import io.calplanebot.core.port.in.RunFullSyncUseCase;
import io.calplanebot.core.port.in.RunSyncCommand;
import io.calplanebot.core.port.in.SyncReport;
import io.calplanebot.core.port.in.SyncStatus;
import io.calplanebot.core.port.in.SyncTicket;
import io.calplanebot.core.port.in.WebhookReceipt;
import io.calplanebot.core.testing.Events;
import io.calplanebot.core.testing.InMemoryCalendarArchive;
import io.calplanebot.core.testing.MutableClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code feeds} command and a running HTTP API share the state store in {@code DATA_DIR}: a feed added by the
 * command is served at once, and a revoke by the command is refused from the very next request on.
 */
class FeedRevocationIT {
    private static final Pattern URL = Pattern.compile("http://localhost:\\d+(/feeds/[A-Za-z0-9_-]+\\.ics)");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private HttpApi api;

    private final java.util.List<JdbcStateStore> stores = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        if (api != null) {
            api.stop();
        }
        stores.forEach(JdbcStateStore::close);
    }

    private String cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine line = Cli.commandLine(new ConfigLoader(Map.of("DATA_DIR", dir.toString()), Optional.empty()),
                clock);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(line.execute(args)).as(String.join(" ", args)).isZero();
        return out.toString();
    }

    private int get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aFeedAddedByTheCommand_isServed_andARevokeByTheCommand_endsItAtTheNextRequest() throws Exception {
        InMemoryCalendarArchive archive = new InMemoryCalendarArchive(clock)
                .put("Plane: Mobile", Events.anEvent().withStatus(EventStatus.CONFIRMED).build());
        JdbcStateStore state = JdbcStateStore.embedded(dir);
        stores.add(state);
        FeedTokens tokens = state.feedTokens();
        Unused unused = new Unused();
        api = HttpApi.builder().runFullSync(unused).readStatus(unused).handleWebhook(unused)
                .readFeeds(new ReadFeedService(archive, tokens, clock)).bind("127.0.0.1", 0)
                .settings(ApiSettings.defaults()).clock(clock)
                .meterRegistry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).build().start();

        Matcher url = URL.matcher(cli("feeds", "add", "team"));
        assertThat(url.find()).isTrue();
        int served = get(url.group(1));
        cli("feeds", "revoke", "team");
        int afterRevoke = get(url.group(1));

        assertThat(served).isEqualTo(200);
        assertThat(afterRevoke).isEqualTo(404);
        assertThat(cli("feeds", "list")).contains("No feeds yet");
    }

    /** The sync use cases, which no feed request reaches. */
    private static final class Unused implements RunFullSyncUseCase, ReadStatusUseCase, HandleWebhookUseCase {
        @Override
        public SyncReport runFullSync(RunSyncCommand command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SyncTicket triggerFullSync(RunSyncCommand command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SyncStatus status() {
            throw new UnsupportedOperationException();
        }

        @Override
        public HealthReport health() {
            throw new UnsupportedOperationException();
        }

        @Override
        public WebhookReceipt handle(RawWebhook webhook) {
            throw new UnsupportedOperationException();
        }
    }
}
