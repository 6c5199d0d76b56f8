package io.calplanebot.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of malformed, oversized, mistyped and randomly mutated webhook deliveries: each must get a 4xx in the
 * error model, never a 5xx and never a success. The fake use case rejects bad JSON the way the real decoder does;
 * content type, size and emptiness are the adapter's own checks.
 */
class WebhookFuzzIT extends SharedServer {
    private static final long SEED = 20251227L;
    private static final String VALID = WebhookEndpointIT.SPEC_PAYLOAD;

    @BeforeEach
    void decodeLikeTheRealDecoder() {
        t.webhooks.decodingLikeTheRealDecoder();
    }

    @Test
    void theValidPayload_passes_soTheFuzzedOnesFailForTheirMutation() {
        assertThat(t.postJson("/webhooks/plane", VALID).status()).isEqualTo(200);
    }

    @Test
    void handWrittenBadBodies_eachAnswer4xxInTheErrorModel() {
        List<String> bodies = List.of("{", "}", "[]", "null", "true", "42", "\"string\"", "{\"action\":}", "{'action':'x'}",
                "{\"action\":\"created\"}", "{\"data\":{\"id\":\"x\"}}", "{\"action\":null,\"data\":{\"id\":\"x\"}}",
                "{\"action\":1,\"data\":{\"id\":\"x\"}}", "{\"action\":\"created\",\"data\":[]}",
                "{\"action\":\"created\",\"data\":{\"id\":null}}",
                "{\"action\":\"created\",\"data\":{\"id\":\"x\",\"target_date\":\"27/12/2025\"}}",
                "{\"action\":\"created\",\"data\":{\"id\":\"x\",\"target_date\":\"2025-02-30\"}}",
                "{\"action\":\"created\",\"data\":{\"id\":\"x\",\"target_date\":\"\"}}",
                "\u0000\u0001\u0002", "\uFEFF", "   ", "\n\n", "{\"a\":\"\\ud800\"", "{\"action\":\"created\",}",
                "<xml/>", "action=created&data=1", "{\"action\":\"created\",\"data\":{\"id\":\"x\"}}}",
                "{\"action\":\"created\",\"data\":{\"id\":\"x\"},\"action\":", "[" .repeat(5000), "{\"a\":" .repeat(3000));
        int count = 0;
        for (String body : bodies) {
            assertRejected(t.post("/webhooks/plane", body.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json"),
                    "body " + abbreviate(body));
            count++;
        }
        assertThat(count).isEqualTo(bodies.size());
    }

    @Test
    void wrongOrMissingContentTypes_eachAnswer415() {
        List<String> types = List.of("text/plain", "text/json", "application/javascript", "application/octet-stream",
                "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b", "*/*",
                "application/*", "application/json5", "application/jsonp", "app/json", "json", ";", "application",
                "application/ json", "application/vnd.api+json", "text/html; charset=utf-8", "image/png",
                "application/json\u00e9");
        for (String type : types) {
            HttpRequest request = t.request("/webhooks/plane").header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(VALID)).build();
            Answer answer = sendOrNull(request);
            if (answer != null) {
                JsonNode json = assertRejected(answer, "content type " + type);
                assertThat(json.path("error_code").asText()).as(type).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
            }
        }
        assertThat(t.webhooks.received).isEmpty();
    }

    @Test
    void oversizedBodies_eachAnswer413_neverReachingTheUseCase() {
        int[] sizes = {1024 * 1024 + 1, 1024 * 1024 + 100, 1024 * 1024 + 4096, 2 * 1024 * 1024, 3 * 1024 * 1024 + 7};
        for (int size : sizes) {
            JsonNode json = assertRejected(t.post("/webhooks/plane", WebhookEndpointIT.paddedJson(size),
                    "Content-Type", "application/json"), "size " + size);
            assertThat(json.path("error_code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        }
        assertThat(t.webhooks.received).isEmpty();
    }

    @Test
    void randomlyMutatedPayloads_eachAnswer4xxInTheErrorModel_orAreAccepted_neverA5xx() {
        Random random = new Random(SEED);
        int rejected = 0;
        int sent = 0;
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        while (rejected < 200) {
            byte[] body = mutate(valid, random);
            Answer answer = t.post("/webhooks/plane", body, "Content-Type", "application/json");
            sent++;
            assertThat(answer.status()).as("mutation %d: %s", sent, answer).isLessThan(500);
            if (answer.status() >= 400) {
                assertRejected(answer, "mutation " + sent);
                rejected++;
            } else {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.json().path("status").asText()).isEqualTo("processed");
            }
            assertThat(sent).as("mutations should mostly break the payload").isLessThan(2000);
        }
        assertThat(rejected).isEqualTo(200);
    }

    @Test
    void randomBinaryBodies_eachAnswer400InvalidJson() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 60; i++) {
            byte[] body = new byte[1 + random.nextInt(2048)];
            random.nextBytes(body);
            body[0] = (byte) ('A' + random.nextInt(20));
            JsonNode json = assertRejected(t.post("/webhooks/plane", body, "Content-Type", "application/json"), "binary " + i);
            assertThat(json.path("error_code").asText()).isEqualTo("INVALID_JSON");
        }
    }

    private static byte[] mutate(byte[] valid, Random random) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : valid) {
            bytes.add(b);
        }
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && !bytes.isEmpty(); e++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(5)) {
                case 0:
                    bytes.remove(at);
                    break;
                case 1:
                    byte[] specials = "{}[]\",:\\0\u00ff".getBytes(StandardCharsets.ISO_8859_1);
                    bytes.add(at, specials[random.nextInt(specials.length)]);
                    break;
                case 2:
                    bytes.set(at, (byte) random.nextInt(256));
                    break;
                case 3:
                    bytes.subList(at, Math.min(bytes.size(), at + 1 + random.nextInt(40))).clear();
                    break;
                default:
                    bytes.subList(random.nextInt(bytes.size()), bytes.size()).clear();
                    break;
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    private static JsonNode assertRejected(Answer answer, String what) {
        assertThat(answer.status()).as("%s -> %s", what, answer).isBetween(400, 499);
        return ErrorModel.assertError(answer, answer.status(), answer.json().path("error_code").asText());
    }

    /** Some content types are refused by the HTTP client itself (not legal header values); skip those. */
    private Answer sendOrNull(HttpRequest request) {
        try {
            return t.send(request);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 40 ? body : body.substring(0, 40) + "…";
    }
}
