package io.calplanebot.adapter.plane.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calplanebot.adapter.plane.PlaneWebhookDecoder;
import io.calplanebot.sample.PlaneWebhookSender;
import io.calplanebot.sample.WebhookDelivery;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.domain.webhook.WebhookNotification;
import io.calplanebot.core.domain.webhook.WebhookRejectedException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds the decoder random, truncated, mutated, deeply nested and wrongly typed bodies: each must either decode or be
 * refused with a deliberate {@link WebhookRejectedException} (never another exception, never the catch-all).
 */
class PlaneWebhookDecoderFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CATCH_ALL = "The webhook delivery could not be read";

    private final Random random = new Random(20261127L);
    private final PlaneWebhookDecoder unsigned = PlaneWebhookDecoder.withoutSecret();
    private final PlaneWebhookDecoder signed = PlaneWebhookDecoder.withSecret(WebhookFixtures.SECRET);
    private int accepted;
    private int rejected;

    private static List<WebhookDelivery> seeds() {
        return List.of(WebhookFixtures.issueCreated(), WebhookFixtures.issueUpdated(), WebhookFixtures.issueDeleted(),
                WebhookFixtures.project("updated"), WebhookFixtures.other("cycle"), WebhookFixtures.spec("created"),
                WebhookFixtures.spec("deleted"));
    }

    @Test
    void decoder_onlyEverDecodesOrRejects_forFifteenHundredHostileBodies() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] noise = new byte[random.nextInt(400)];
            random.nextBytes(noise);
            bodies.add(noise);
        }
        for (WebhookDelivery seed : seeds()) {
            byte[] body = seed.body();
            for (int i = 0; i < 60; i++) {
                bodies.add(java.util.Arrays.copyOf(body, random.nextInt(body.length)));
                bodies.add(flipBytes(body));
            }
            for (int i = 0; i < 80; i++) {
                bodies.add(JSON.writeValueAsBytes(mutateTree(JSON.readTree(body))));
            }
        }
        bodies.addAll(deepAndHuge());
        assertThat(bodies.size()).isGreaterThanOrEqualTo(1500);

        for (byte[] body : bodies) {
            check(unsigned, RawWebhook.of(Map.of(), body));
            String signature = random.nextBoolean() ? PlaneWebhookSender.sign(body, WebhookFixtures.SECRET)
                    : randomText(random.nextInt(80));
            check(signed, RawWebhook.of(Map.of("X-Plane-Signature", signature), body));
        }

        assertThat(accepted).as("some mutated bodies are still valid deliveries").isGreaterThan(100);
        assertThat(rejected).as("most hostile bodies are refused").isGreaterThan(1000);
    }

    private void check(PlaneWebhookDecoder decoder, RawWebhook webhook) {
        try {
            WebhookNotification notification = decoder.decode(webhook);
            assertThat(notification).isNotNull();
            accepted++;
        } catch (WebhookRejectedException e) {
            assertThat(e.getMessage()).isNotBlank().isNotEqualTo(CATCH_ALL);
            assertThat(e.reason()).isNotNull();
            rejected++;
        }
    }

    private byte[] flipBytes(byte[] body) {
        byte[] copy = body.clone();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private JsonNode mutateTree(JsonNode root) {
        ObjectNode target = (ObjectNode) root;
        if (random.nextBoolean() && root.get("data") instanceof ObjectNode) {
            target = (ObjectNode) root.get("data");
        }
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        String field = names.isEmpty() || random.nextInt(10) == 0 ? "extra" : names.get(random.nextInt(names.size()));
        if (random.nextInt(5) == 0) {
            target.remove(field);
        } else {
            target.set(field, randomValue(3));
        }
        return root;
    }

    private JsonNode randomValue(int depth) {
        switch (random.nextInt(depth > 0 ? 12 : 9)) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.booleanNode(random.nextBoolean());
            case 2:
                return NODES.numberNode(random.nextLong());
            case 3:
                return NODES.numberNode(new BigInteger(400, random));
            case 4:
                return NODES.numberNode(new BigDecimal(new BigInteger(200, random), -random.nextInt(1000)));
            case 5:
                return NODES.textNode(randomText(random.nextInt(40)));
            case 6:
                return NODES.textNode(List.of("created", "updated", "deleted", "issue", "project", "2026-05-22",
                        "2026-05-18T09:41:07Z", "", " ", "\u0000", "9999-99-99", "+10000-01-01").get(random.nextInt(12)));
            case 7:
                return NODES.numberNode(random.nextDouble() * Double.MAX_VALUE);
            case 8:
                return NODES.objectNode();
            case 9: {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                object.set("id", randomValue(depth - 1));
                object.set(randomText(5), randomValue(depth - 1));
                return object;
            }
        }
    }

    private String randomText(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(random.nextInt(3) == 0 ? random.nextInt(0x2FFFF) : 32 + random.nextInt(95));
        }
        return out.toString();
    }

    private static List<byte[]> deepAndHuge() {
        List<byte[]> out = new ArrayList<>();
        for (int depth : new int[] {63, 64, 65, 1000, 100_000}) {
            out.add(("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8));
            out.add(("{\"action\":\"created\",\"data\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}")
                    .getBytes(StandardCharsets.UTF_8));
            out.add(("{\"event\":\"issue\",\"action\":\"updated\",\"data\":{\"id\":\"x\",\"project\":\"p\",\"labels\":"
                    + "[".repeat(depth) + "]".repeat(depth) + "}}").getBytes(StandardCharsets.UTF_8));
            out.add("[".repeat(depth).getBytes(StandardCharsets.UTF_8));
        }
        String digits = "9".repeat(5000);
        out.add(("{\"action\":" + digits + "}").getBytes(StandardCharsets.UTF_8));
        out.add(("{\"action\":\"created\",\"data\":{\"id\":1e999999,\"project\":\"p\"}}").getBytes(StandardCharsets.UTF_8));
        out.add(("{\"action\":\"created\",\"data\":{\"id\":\"i\",\"project\":\"p\",\"sequence_id\":" + digits + "}}")
                .getBytes(StandardCharsets.UTF_8));
        out.add(("{\"action\":\"created\",\"data\":{\"id\":\"i\",\"project\":\"p\",\"name\":\"" + "x".repeat(300_000)
                + "\"}}").getBytes(StandardCharsets.UTF_8));
        out.add("{\"action\":\"created\",\"action\":\"deleted\",\"data\":{\"id\":\"i\"}}".getBytes(StandardCharsets.UTF_8));
        out.add("\uFEFF{\"action\":\"created\"}".getBytes(StandardCharsets.UTF_8));
        out.add(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0});
        return out;
    }
}
