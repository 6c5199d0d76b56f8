package io.calplanebot.adapter.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsIT extends SharedServer {
    @Test
    void metrics_exposeTheAppsRegistry_asPrometheusText() {
        t.registry.counter("calplanebot_test_marker").increment();

        Answer answer = t.get("/metrics");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("text/plain");
        assertThat(answer.body()).contains("calplanebot_test_marker_total 1.0");
    }

    @Test
    void requests_areTimedByRouteTemplateAndStatus_notByRawPath() {
        t.postJson("/webhooks/plane", WebhookEndpointIT.SPEC_PAYLOAD);
        t.post("/webhooks/plane", new byte[] {'x'}, "Content-Type", "text/plain");
        t.get("/random-path-123");
        t.get("/other-random-path-456");

        String metrics = t.get("/metrics").body();

        assertThat(metrics).contains("http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\","
                + "route=\"/webhooks/plane\",status=\"200\"} 1");
        assertThat(metrics).contains("http_server_requests_seconds_count{method=\"POST\",outcome=\"CLIENT_ERROR\","
                + "route=\"/webhooks/plane\",status=\"415\"} 1");
        assertThat(metrics).contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\","
                + "route=\"NOT_FOUND\",status=\"404\"} 2");
        assertThat(metrics).doesNotContain("random-path");
    }
}
