package io.calplanebot.adapter.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow and idle clients cannot starve the API: with 300 idle connections and 300 that trickle their request
 * headers or body, {@code /health} still answers within a second.
 */
class SlowClientsIT extends SharedServer {

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void threeHundredIdleConnections_andThreeHundredSlowRequests_doNotDelayHealth() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket idle = new Socket();
                idle.connect(new InetSocketAddress("127.0.0.1", t.api.port()), 2000);
                sockets.add(idle);
            }
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", t.api.port()), 2000);
                s.getOutputStream().write(("POST /webhooks/plane HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + (i % 10 == 0 ? "X-Slow: 1\r\n" : "Content-Length: 1000\r\n\r\n{")).getBytes(StandardCharsets.ISO_8859_1));
                slow.add(s);
                sockets.add(s);
            }
            for (int round = 0; round < 3; round++) {
                for (Socket s : slow) {
                    trickle(s.getOutputStream(), "X-Slow-" + round + ": 1\r\n");
                }
                long started = System.nanoTime();
                Answer health = t.get("/health");
                long millis = (System.nanoTime() - started) / 1_000_000;

                assertThat(health.status()).isEqualTo(200);
                assertThat(millis).as("round %d", round).isLessThan(1000);
                Thread.sleep(300);
            }
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static void trickle(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException closedByTheServer) {
            // a server that drops a slow client is fine
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void oneClientsConnectionsAreCapped_theOldestIsClosed_andTheNewestServed() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            // Twice the cap: connections other tests of the shared server left open (kept-alive clients) are
            // older than ours and go first, so only a second full cap of our own makes the oldest certain to go.
            for (int i = 0; i < 2 * HttpApi.MAX_CONNECTIONS_PER_CLIENT; i++) {
                Socket idle = new Socket();
                idle.connect(new InetSocketAddress("127.0.0.1", t.api.port()), 2000);
                sockets.add(idle);
            }
            String raw = t.rawExchange("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(raw).startsWith("HTTP/1.1 200");
            Socket oldest = sockets.get(0);
            oldest.setSoTimeout(5000);
            assertThat(oldest.getInputStream().read()).as("the oldest connection was closed").isEqualTo(-1);
            Socket newest = sockets.get(sockets.size() - 1);
            newest.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            newest.setSoTimeout(5000);
            assertThat(new String(newest.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
                    .startsWith("HTTP/1.1 200");
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aBodyThatDoesNotArriveWithinTheDeadline_answers408_inTheErrorModel_andNeverReachesTheRoute()
            throws Exception {
        try (Socket slow = new Socket()) {
            slow.connect(new InetSocketAddress("127.0.0.1", t.api.port()), 2000);
            slow.setSoTimeout(15_000);
            OutputStream out = slow.getOutputStream();
            out.write("POST /webhooks/plane HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
                    .getBytes(StandardCharsets.ISO_8859_1));
            long started = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                Thread.sleep(HttpApi.BODY_DEADLINE.toMillis() / 3 + 200);
                trickle(out, " ");
            }

            String raw = new String(slow.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(raw).startsWith("HTTP/1.1 408").contains("\"status\":\"error\"")
                    .contains("\"error_code\":\"BAD_REQUEST\"");
            assertThat(System.nanoTime() - started).isLessThan(HttpApi.BODY_DEADLINE.toNanos() + 3_000_000_000L);
            assertThat(t.webhooks.received).isEmpty();
        }
    }
}
