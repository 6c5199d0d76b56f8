package io.calplanebot.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitIT {
    private static final String PAYLOAD = WebhookEndpointIT.SPEC_PAYLOAD;
    /** 10:30:00Z on the test clock; the first window runs to 10:31:00Z (webhooks) or 11:30:00Z (sync). */
    private static final long NOW = TestApi.NOW.getEpochSecond();

    private TestApi t;

    @AfterEach
    void stop() {
        t.close();
    }

    private TestApi start(ApiSettings settings) {
        t = new TestApi(settings);
        return t;
    }

    @Test
    void webhook_carriesLimitHeaders_countingDown_withResetAtTheWindowEnd() {
        start(ApiSettings.defaults());

        Answer first = t.postJson("/webhooks/plane", PAYLOAD);
        Answer second = t.postJson("/webhooks/plane", PAYLOAD);

        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("100");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("99");
        assertThat(first.header("X-RateLimit-Reset")).isEqualTo(Long.toString(NOW + 60));
        assertThat(second.header("X-RateLimit-Remaining")).isEqualTo("98");
    }

    @Test
    void webhook_101stInAMinute_answers429_withRetryAfter_andDoesNotReachTheUseCase() {
        start(ApiSettings.defaults());
        for (int i = 0; i < 100; i++) {
            assertThat(t.postJson("/webhooks/plane", PAYLOAD).status()).isEqualTo(200);
        }
        t.clock.advance(Duration.ofSeconds(20));

        Answer refused = t.postJson("/webhooks/plane", PAYLOAD);

        JsonNode json = ErrorModel.assertError(refused, 429, "RATE_LIMIT_EXCEEDED");
        assertThat(refused.header("Retry-After")).isEqualTo("40");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("100");
        assertThat(json.path("details").path("limit").asInt()).isEqualTo(100);
        assertThat(t.webhooks.received).hasSize(100);
    }

    @Test
    void webhook_newWindow_afterTheResetTime_allowsAgain() {
        start(ApiSettings.defaults().withWebhookLimit(RateLimit.perMinute(2)));
        t.postJson("/webhooks/plane", PAYLOAD);
        t.postJson("/webhooks/plane", PAYLOAD);
        assertThat(t.postJson("/webhooks/plane", PAYLOAD).status()).isEqualTo(429);

        t.clock.advance(Duration.ofSeconds(60));
        Answer again = t.postJson("/webhooks/plane", PAYLOAD);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(again.header("X-RateLimit-Reset")).isEqualTo(Long.toString(NOW + 120));
    }

    @Test
    void errorsOfALimitedRoute_countAndCarryTheHeadersToo() {
        start(ApiSettings.defaults().withWebhookLimit(RateLimit.perMinute(2)));

        Answer wrongType = t.post("/webhooks/plane", new byte[] {'x'}, "Content-Type", "text/plain");

        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.header("X-RateLimit-Remaining")).isEqualTo("1");
    }

    @Test
    void syncTrigger_isLimitedTo10PerHour_countingUnauthorizedAttempts() {
        start(ApiSettings.defaults().withApiToken("tok"));
        for (int i = 0; i < 10; i++) {
            assertThat(t.post("/webhooks/sync", new byte[0]).status()).isEqualTo(401);
        }

        Answer refused = t.post("/webhooks/sync", new byte[0], "Authorization", "Bearer tok");

        ErrorModel.assertError(refused, 429, "RATE_LIMIT_EXCEEDED");
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("10");
        assertThat(refused.header("X-RateLimit-Reset")).isEqualTo(Long.toString(NOW + 3600));
        assertThat(refused.header("Retry-After")).isEqualTo("3600");
        assertThat(t.sync.triggered).isEmpty();
    }

    @Test
    void webhookAndSyncLimits_areCountedSeparately() {
        start(ApiSettings.defaults().withWebhookLimit(RateLimit.perMinute(1)));
        t.postJson("/webhooks/plane", PAYLOAD);

        Answer sync = t.post("/webhooks/sync", new byte[0]);

        assertThat(sync.status()).isEqualTo(200);
        assertThat(sync.header("X-RateLimit-Remaining")).isEqualTo("9");
    }

    @Test
    void healthAndStatus_areUnlimited_andCarryNoLimitHeaders() {
        start(ApiSettings.defaults().withWebhookLimit(RateLimit.perMinute(1)).withSyncLimit(RateLimit.perHour(1)));

        for (int i = 0; i < 150; i++) {
            String path = new String[] {"/health", "/api/v1/health", "/webhooks/status", "/"}[i % 4];
            Answer answer = t.get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.header("X-RateLimit-Limit")).as(path).isNull();
        }
    }

    @Test
    void loweringTheLimitAtRuntime_appliesInsideTheCurrentWindow_raisingItFreesRequests() {
        start(ApiSettings.defaults());
        for (int i = 0; i < 5; i++) {
            t.postJson("/webhooks/plane", PAYLOAD);
        }

        t.api.update(ApiSettings.defaults().withWebhookLimit(RateLimit.perMinute(5)));
        Answer refused = t.postJson("/webhooks/plane", PAYLOAD);
        t.api.update(ApiSettings.defaults().withWebhookLimit(RateLimit.perMinute(7)));
        Answer allowed = t.postJson("/webhooks/plane", PAYLOAD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("5");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("X-RateLimit-Limit")).isEqualTo("7");
        assertThat(allowed.header("X-RateLimit-Remaining")).isEqualTo("1");
    }

    @Test
    void untrustedProxy_forwardedForIsIgnored_allClientsShareTheSocketAddress() {
        start(ApiSettings.defaults().withWebhookLimit(RateLimit.perMinute(1)));

        Answer a = t.postJson("/webhooks/plane", PAYLOAD, "X-Forwarded-For", "203.0.113.1");
        Answer b = t.postJson("/webhooks/plane", PAYLOAD, "X-Forwarded-For", "203.0.113.2");

        assertThat(a.status()).isEqualTo(200);
        assertThat(b.status()).as("a spoofed X-Forwarded-For does not buy a fresh window").isEqualTo(429);
    }

    @Test
    void trustedProxy_leftMostForwardedFor_isTheClient() {
        start(ApiSettings.defaults().withWebhookLimit(RateLimit.perMinute(1)).withTrustProxy(true));

        Answer a = t.postJson("/webhooks/plane", PAYLOAD, "X-Forwarded-For", "203.0.113.1, 10.0.0.1");
        Answer b = t.postJson("/webhooks/plane", PAYLOAD, "X-Forwarded-For", "203.0.113.2, 10.0.0.1");
        Answer aAgain = t.postJson("/webhooks/plane", PAYLOAD, "X-Forwarded-For", "203.0.113.1");
        Answer noHeader = t.postJson("/webhooks/plane", PAYLOAD);

        assertThat(a.status()).isEqualTo(200);
        assertThat(b.status()).isEqualTo(200);
        assertThat(aAgain.status()).isEqualTo(429);
        assertThat(noHeader.status()).as("without the header the socket address counts").isEqualTo(200);
    }

    @Test
    void trustingTheProxy_canBeSwitchedOnAtRuntime() {
        start(ApiSettings.defaults().withWebhookLimit(RateLimit.perMinute(1)));
        t.postJson("/webhooks/plane", PAYLOAD, "X-Forwarded-For", "203.0.113.1");

        t.api.update(t.api.settings().withTrustProxy(true));
        Answer other = t.postJson("/webhooks/plane", PAYLOAD, "X-Forwarded-For", "203.0.113.2");

        assertThat(other.status()).isEqualTo(200);
    }
}
