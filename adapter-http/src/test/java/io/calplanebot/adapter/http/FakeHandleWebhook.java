package io.calplanebot.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calplanebot.core.domain.webhook.RawWebhook;
import io.calplanebot.core.domain.webhook.WebhookRejectedException;
import io.calplanebot.core.port.in.HandleWebhookUseCase;
import io.calplanebot.core.port.in.WebhookReceipt;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Records every delivery it gets. By default it answers with a fixed receipt; {@link #decodingLikeTheRealDecoder()}
 * makes it throw the rejections the real decoder throws for bad JSON, missing fields and bad dates.
 */
final class FakeHandleWebhook implements HandleWebhookUseCase {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    final List<RawWebhook> received = new CopyOnWriteArrayList<>();
    volatile Function<RawWebhook, WebhookReceipt> answer;

    FakeHandleWebhook() {
        reset();
    }

    void reset() {
        received.clear();
        answer = w -> new WebhookReceipt(WebhookReceipt.Disposition.ACCEPTED, "issue", "created", Optional.of("issue-uuid"));
    }

    void answer(WebhookReceipt receipt) {
        answer = w -> receipt;
    }

    void fail(RuntimeException failure) {
        answer = w -> {
            throw failure;
        };
    }

    void decodingLikeTheRealDecoder() {
        answer = FakeHandleWebhook::decode;
    }

    @Override
    public WebhookReceipt handle(RawWebhook webhook) {
        received.add(webhook);
        return answer.apply(webhook);
    }

    private static WebhookReceipt decode(RawWebhook webhook) {
        JsonNode root;
        try {
            root = MAPPER.readTree(webhook.body());
        } catch (IOException e) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED_JSON, "Malformed JSON body");
        }
        if (root == null || !root.isObject()) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED_JSON,
                    "The body is not a JSON object");
        }
        if (!root.hasNonNull("action")) {
            throw WebhookRejectedException.missingField("action");
        }
        if (!root.path("action").isTextual()) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.INVALID_FIELD,
                    "action must be a string", "action");
        }
        JsonNode data = root.path("data");
        if (!data.isObject() || !data.hasNonNull("id")) {
            throw WebhookRejectedException.missingField("data.id");
        }
        JsonNode target = data.path("target_date");
        if (target.isTextual()) {
            try {
                LocalDate.parse(target.asText());
            } catch (DateTimeParseException e) {
                throw WebhookRejectedException.invalidDate("data.target_date");
            }
        }
        return new WebhookReceipt(WebhookReceipt.Disposition.ACCEPTED, "issue", root.path("action").asText(),
                Optional.of(data.path("id").asText()));
    }
}
