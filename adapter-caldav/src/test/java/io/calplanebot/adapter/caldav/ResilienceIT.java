package io.calplanebot.adapter.caldav;

import com.sun.net.httpserver.HttpServer;
import io.calplanebot.adapter.caldav.dav.DavClient;
import io.calplanebot.adapter.caldav.dav.DavRequest;
import io.calplanebot.adapter.caldav.dav.DavResponse;
import io.calplanebot.adapter.caldav.dav.error.DavUnreachableException;
import io.calplanebot.adapter.caldav.dav.DavXml;
import io.calplanebot.core.port.out.CalendarStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Failure handling that no real CalDAV server can be made to show on demand: 5xx answers, a server that keeps
 * failing, what goes over the wire before any challenge. A tiny local HTTP server plays the failing peer.
 */
class ResilienceIT {
    private static final byte[] MULTISTATUS = ("<multistatus xmlns=\"DAV:\"><response><href>/dav/</href><propstat>"
            + "<prop><resourcetype><collection/></resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat>"
            + "</response></multistatus>").getBytes(StandardCharsets.UTF_8);

    private HttpServer http;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private URI base;

    @BeforeEach
    void startFlakyServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        http.createContext("/", exchange -> {
            requests.incrementAndGet();
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getRequestBody().readAllBytes();
            if (failuresLeft.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/xml; charset=utf-8");
                exchange.sendResponseHeaders(207, MULTISTATUS.length);
                exchange.getResponseBody().write(MULTISTATUS);
            }
            exchange.close();
        });
        http.start();
        base = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/dav/");
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private DavClient client(int attempts) {
        return DavClient.builder(base).basic("alice", "s3cret").retry(attempts, Duration.ofMillis(5))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).openCircuitFor(Duration.ofMinutes(1)).build();
    }

    @Test
    void serverErrors_areRetriedWithBackoff_untilTheServerAnswers() {
        failuresLeft.set(2);
        try (DavClient dav = client(3)) {
            DavResponse response = dav.execute(DavRequest.propfind(base, 0, DavXml.propfind()));

            assertThat(response.status()).isEqualTo(207);
            assertThat(requests).hasValue(3);
        }
    }

    @Test
    void persistentServerErrors_becomeUnreachable_afterTheLastAttempt() {
        failuresLeft.set(100);
        try (DavClient dav = client(3)) {
            assertThatThrownBy(() -> dav.execute(DavRequest.propfind(base, 0, DavXml.propfind())))
                    .isInstanceOf(DavUnreachableException.class).hasMessageContaining("503").hasMessageContaining("3 attempts");
            assertThat(requests).hasValue(3);
        }
    }

    @Test
    void aServerThatKeepsFailing_opensTheCircuit_andFurtherRequestsAreNotSent() {
        failuresLeft.set(100);
        try (DavClient dav = client(1)) {
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> dav.execute(DavRequest.propfind(base, 0, DavXml.propfind())))
                        .isInstanceOf(DavUnreachableException.class);
            }
            int sent = requests.get();

            assertThatThrownBy(() -> dav.execute(DavRequest.propfind(base, 0, DavXml.propfind())))
                    .isInstanceOf(DavUnreachableException.class).hasMessageContaining("circuit breaker open");
            assertThat(requests).hasValue(sent);
        }
    }

    @Test
    void store_reportsAFailingServerAsUnreachable_withItsUrl() {
        failuresLeft.set(100);
        CalDavSettings settings = new CalDavSettings(base, "alice", "s3cret", AuthType.BASIC, Duration.ofSeconds(2),
                Duration.ofSeconds(2), Clock.systemUTC());
        try (CalDavCalendarStore store = CalDavCalendarStore.builder(settings).retries(2, Duration.ofMillis(5)).build()) {
            assertThatThrownBy(store::checkConnection).isInstanceOfSatisfying(CalendarStoreException.class, e -> {
                assertThat(e.reason()).isEqualTo(CalendarStoreException.Reason.UNREACHABLE);
                assertThat(e.getMessage()).contains(base.getAuthority()).doesNotContain("s3cret");
            });
        }
    }

    @Test
    void basicCredentials_goWithTheFirstRequest_withoutWaitingForAChallenge() {
        try (DavClient dav = client(1)) {
            dav.execute(DavRequest.propfind(base, 0, DavXml.propfind()));
        }

        assertThat(requests).hasValue(1);
        assertThat(authorizations).containsExactly("Basic YWxpY2U6czNjcmV0");
    }

    @Test
    void credentials_areNotSentToAnotherOrigin() throws IOException {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        List<String> seen = new CopyOnWriteArrayList<>();
        other.createContext("/", exchange -> {
            seen.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        other.start();
        try (DavClient dav = client(1)) {
            dav.execute(DavRequest.get(URI.create("http://localhost:" + other.getAddress().getPort() + "/x.ics")));
        } finally {
            other.stop(0);
        }

        assertThat(seen).containsExactly("null");
    }

    private CalDavCalendarStore store() {
        return CalDavCalendarStore.builder(CalDavSettings.of(base.toString(), "alice", "s3cret", AuthType.BASIC))
                .retries(3, Duration.ofMillis(5)).build();
    }

    @Test
    void probe_ofAFailingServer_triesOnce_andIsUnreachable() {
        failuresLeft.set(100);
        try (CalDavCalendarStore store = store()) {
            assertThatThrownBy(() -> store.checkConnection(Duration.ofSeconds(2)))
                    .isInstanceOfSatisfying(CalendarStoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(CalendarStoreException.Reason.UNREACHABLE))
                    .hasMessageContaining("503");
            assertThat(requests).hasValue(1);
        }
    }

    @Test
    void probe_ofAServerThatNeverAnswers_givesUpAtItsTimeout_andIsUnreachable() throws IOException {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
             CalDavCalendarStore store = CalDavCalendarStore.builder(CalDavSettings.of(
                     "http://127.0.0.1:" + silent.getLocalPort() + "/dav/", "alice", "s3cret", AuthType.BASIC)).build()) {
            assertThatThrownBy(() -> store.checkConnection(Duration.ofMillis(300)))
                    .isInstanceOfSatisfying(CalendarStoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(CalendarStoreException.Reason.UNREACHABLE))
                    .hasMessageContaining("within 300 ms");
        }
    }

    @Test
    void probe_ofAServerThatAnswers_passes_withOneRequest() {
        try (CalDavCalendarStore store = store()) {
            store.checkConnection(Duration.ofSeconds(2));

            assertThat(requests).hasValue(1);
        }
    }
}
